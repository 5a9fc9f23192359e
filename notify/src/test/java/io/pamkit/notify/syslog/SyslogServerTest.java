// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.subscription.SyslogProtocol;
import org.junit.jupiter.api.Test;

/** The syslog transport's settings class: defaults and rules. */
final class SyslogServerTest {

  @Test
  void syslogServer_rules() {
    SyslogServer s =
        SyslogServer.builder("siem", "siem.example.com")
            .protocol(SyslogProtocol.TCP)
            .useSslEncryption(true)
            .build();
    assertEquals(514, s.port());
    assertTrue(s.verifySslCertificate());
    assertEquals(s, s.toBuilder().build());
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                SyslogServer.builder("siem", "h")
                    .useSslEncryption(true)
                    .useClientCertificate(false)
                    .build());
    assertEquals("UseSslEncryption", e.violations().get(0).path());
    assertThrows(ValidationException.class, () -> SyslogServer.builder("siem", "::1"));
    assertThrows(ValidationException.class, () -> SyslogServer.builder("siem", "h").port(32768));
  }
}
