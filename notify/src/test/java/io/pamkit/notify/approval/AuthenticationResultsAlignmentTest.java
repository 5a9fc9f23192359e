// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class AuthenticationResultsAlignmentTest {
  @ParameterizedTest
  @CsvSource({
    "example.com, example.com, true",
    "mail.example.com, example.com, true",
    "example.com, eu.mail.example.com, true",
    "@example.com, example.com, true",
    "bounce@Mail.Example.COM, example.com, true",
    "example.co.uk, mail.example.co.uk, true",
    // a public suffix aligns with nothing, and neither do two customers of one suffix
    "co.uk, example.co.uk, false",
    "other.co.uk, example.co.uk, false",
    "alice.github.io, bob.github.io, false",
    "evil-example.com, example.com, false",
    "example.com.evil.net, example.com, false",
    "localhost, localhost, false",
    "'', example.com, false"
  })
  void aligned_relaxedRuleWithThePublicSuffixList(String domain, String from, boolean expected) {
    assertEquals(expected, AuthenticationResults.aligned(domain, from), domain + " ~ " + from);
  }
}
