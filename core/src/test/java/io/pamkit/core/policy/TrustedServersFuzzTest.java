// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pamkit.core.ValidationException;

/**
 * Coverage-guided fuzzing of trusted-server entries and of the URL and origin checks. In {@code mvn
 * verify} it replays the saved corpus ({@code TrustedServersFuzzTestInputs}); fuzz for longer with
 * {@code JAZZER_FUZZ=1 mvn -pl core -am verify -Dtest=TrustedServersFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=10m}.
 */
final class TrustedServersFuzzTest {

  /** An entry either parses to a canonical form that parses to itself, or is refused. */
  @FuzzTest
  void entry(FuzzedDataProvider data) {
    String entry = data.consumeRemainingAsString();
    TrustedServer e;
    try {
      e = TrustedServer.parse(entry);
    } catch (ValidationException refused) {
      return;
    }
    TrustedServer again = TrustedServer.parse(e.canonical());
    assertEquals(e, again, entry);
    assertEquals(e.kind(), again.kind(), entry);
  }

  /** The checks never throw, and a URL with a userinfo or backslash is never allowed. */
  @FuzzTest
  void url(FuzzedDataProvider data) {
    TrustedServers rules =
        TrustedServers.of(
            "trusted.example.com",
            "*.apps.example.org",
            "10.0.0.0/8",
            "2001:db8::/32",
            "http://legacy.example.net");
    String url = data.consumeRemainingAsString();
    boolean redirect = rules.isRedirectAllowed(url);
    boolean cors = rules.isCorsOriginAllowed(url);
    rules.isHostTrusted(url);
    if (url.indexOf('\\') >= 0 || url.startsWith("//")) {
      assertFalse(redirect, url);
    }
    int scheme = url.indexOf("://");
    if (scheme > 0) {
      int end = url.length();
      for (char c : new char[] {'/', '?', '#'}) {
        int at = url.indexOf(c, scheme + 3);
        if (at >= 0 && at < end) {
          end = at;
        }
      }
      if (url.substring(scheme + 3, end).indexOf('@') >= 0) {
        assertFalse(redirect || cors, url);
      }
    }
  }
}
