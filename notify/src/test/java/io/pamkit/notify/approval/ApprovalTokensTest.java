// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.secret.Secret;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ApprovalTokensTest {
  private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
  private static final Instant EXP = NOW.plusSeconds(3600);
  private final ApprovalTokens tokens =
      ApprovalTokens.of(Secret.of("0123456789abcdef0123456789abcdef"));

  @Test
  void verify_issuedToken_roundTripsAnyCase() {
    ApprovalToken t = tokens.issue("8518-1-18B1694CF1C0-0026", "Alice@Example.com", EXP);

    ApprovalToken v = tokens.verify(t.value().toUpperCase(Locale.ROOT), "alice@example.com", NOW);

    assertEquals("8518-1-18B1694CF1C0-0026", v.requestId());
    assertEquals("alice@example.com", v.approver());
    assertEquals(EXP, v.expiresAt());
    assertTrue(t.value().matches("pa1(\\.[a-z0-9]+){4}"), t.value());
  }

  @Test
  void verify_everyAlteredCharacter_refused() {
    ApprovalToken t = tokens.issue("8518-1-18B1694CF1C0-0026", "alice@example.com", EXP);
    String v = t.value();
    for (int i = 4; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '.') {
        continue;
      }
      char other = c == 'a' ? 'b' : 'a';
      String altered = v.substring(0, i) + other + v.substring(i + 1);
      assertThrows(
          ApprovalTokenException.class,
          () -> tokens.verify(altered, "alice@example.com", NOW),
          "position " + i);
    }
  }

  @Test
  void verify_reasons_named() {
    ApprovalToken t = tokens.issue("R-1", "alice@example.com", EXP);
    assertEquals(
        ApprovalTokenException.Reason.WRONG_APPROVER,
        assertThrows(
                ApprovalTokenException.class,
                () -> tokens.verify(t.value(), "mallory@example.com", NOW))
            .reason());
    assertEquals(
        ApprovalTokenException.Reason.EXPIRED,
        assertThrows(
                ApprovalTokenException.class,
                () -> tokens.verify(t.value(), "alice@example.com", EXP))
            .reason());
    assertEquals(
        ApprovalTokenException.Reason.MALFORMED,
        assertThrows(
                ApprovalTokenException.class,
                () -> tokens.verify("pa1.zz.1.a.b", "alice@example.com", NOW))
            .reason());
    ApprovalTokens other = ApprovalTokens.of(Secret.of("another-key-another-key-another-key"));
    ApprovalTokenException forged =
        assertThrows(
            ApprovalTokenException.class, () -> other.verify(t.value(), "alice@example.com", NOW));
    assertEquals(ApprovalTokenException.Reason.FORGED, forged.reason());
  }

  @Test
  void of_shortKey_refused() {
    assertThrows(IllegalArgumentException.class, () -> ApprovalTokens.of(Secret.of("short")));
  }

  @Test
  void find_inMessageIdAndText() {
    ApprovalToken t = tokens.issue("R-1", "alice@example.com", EXP);
    assertEquals(Optional.of(t.value()), ApprovalTokens.find(t.messageId("example.com")));
    assertEquals(
        Optional.of(t.value()),
        ApprovalTokens.find("> Bob asks.\n> " + t.referenceLine() + ".\n> Thanks"));
    assertEquals(Optional.empty(), ApprovalTokens.find("<abc.pamkit@example.com> no token"));
  }

  @Test
  void toString_hidesTheMac() {
    ApprovalToken t = tokens.issue("R-1", "alice@example.com", EXP);
    String mac = t.value().substring(t.value().lastIndexOf('.') + 1);
    assertFalse(t.toString().contains(mac));
  }

  @Test
  void messageId_badDomain_refused() {
    ApprovalToken t = tokens.issue("R-1", "alice@example.com", EXP);
    assertThrows(IllegalArgumentException.class, () -> t.messageId("exa mple.com>\r\nBcc: x"));
    assertEquals("<" + t.value() + "@example.com>", t.messageId("example.com"));
  }
}
