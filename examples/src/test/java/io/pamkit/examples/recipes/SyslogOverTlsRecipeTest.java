// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.cert.SelfSigned;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.testing.SyslogReceiver;
import io.pamkit.testing.TestCertificates;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SyslogOverTlsRecipeTest {
  private static final TestCertificates PKI = TestCertificates.create("CN=SIEM test CA");

  /** A TLS collector (RFC 5425: octet-counted frames over TLS). */
  private static SyslogReceiver collector() throws IOException {
    return SyslogReceiver.builder()
        .tls(PKI.serverContext())
        .tcp(SyslogReceiver.Framing.OCTET_COUNTING)
        .start();
  }

  private static List<ApplianceEvent> alerts() {
    return List.of(
        ApplianceEvent.builder("UserAuthenticationFailed")
            .applianceId("SPP-1")
            .level(EventLevel.ERROR)
            .property("UserName", "alice")
            .build(),
        ApplianceEvent.builder("AccessRequestDenied")
            .applianceId("SPP-1")
            .level(EventLevel.WARN)
            .property("Requester", "bob")
            .build());
  }

  @Test
  void sendAlerts_trustedCollector_deliversCefOverTls() throws Exception {
    try (SyslogReceiver collector = collector()) {
      assertTrue(
          SyslogOverTlsRecipe.sendAlerts(
              "localhost", collector.port(), List.of(PKI.caCertificate()), alerts()));
      List<String> got = collector.awaitMessages(2, Duration.ofSeconds(20));
      assertEquals(2, got.size(), got.toString());
      assertTrue(got.get(0).contains("CEF:0|"), got.get(0));
      assertTrue(got.get(0).contains("vault_UserName=alice"), got.get(0));
      assertTrue(got.get(1).contains("AccessRequestDenied"), got.get(1));
    }
  }

  @Test
  void sendAlerts_untrustedCollector_nothingDeliveredInPlainText() throws Exception {
    KeyMaterial otherCa = SelfSigned.certificateAuthority("CN=Someone else");
    try (SyslogReceiver collector = collector()) {
      assertFalse(
          SyslogOverTlsRecipe.sendAlerts(
              "localhost", collector.port(), List.of(otherCa.certificate()), alerts()));
      assertEquals(List.of(), collector.messages());
    }
  }
}
