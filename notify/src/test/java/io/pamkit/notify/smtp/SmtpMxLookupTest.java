// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.testing.TestCertificates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** MX lookup over real DNS (an in-process UDP server) and delivery to the exchange found. */
final class SmtpMxLookupTest {

  @Test
  void send_mxLookup_deliversToLowestPreferenceExchangeCheckingItsName() throws Exception {
    TestCertificates pki = TestCertificates.create("CN=mx CA");
    KeyMaterial localhost = pki.issue("CN=localhost", "localhost");
    SSLContext ctx = TestCertificates.presenting(localhost);
    try (TestDnsServer dns =
            new TestDnsServer(
                Map.of("example.test", List.of("20 backup.invalid.", "10 localhost.")));
        TestSmtpServer s =
            TestSmtpServer.start(b -> b.enableTLS().requireTLS().startTlsSocketFactory(ctx));
        SmtpTransport t =
            SmtpTransport.builder(
                    SmtpTransportConfig.builder()
                        .serverAddress("example.test")
                        .mxLookup(true)
                        .port(s.port())
                        .senderEmail("pamkit@appliance.example")
                        .heloName("pamkit.test")
                        .trustAnchors(TestCertificates.trustStore(pki.caCertificate()))
                        .readTimeout(Duration.ofSeconds(10))
                        .build())
                .dnsServer(dns.hostPort())
                .build()) {
      t.send(notification("mx-1", "admin@example.com"));

      assertEquals(1, s.received().size());
      TestEmailResult r = t.sendTestEmail("admin@example.com", Duration.ofSeconds(10));
      assertTrue(r.success(), r.summary());
      assertEquals("localhost", r.host());
    }
  }

  @Test
  void send_domainWithoutMx_transientNamingTheDomain() throws Exception {
    try (TestDnsServer dns = new TestDnsServer(Map.of());
        SmtpTransport t =
            SmtpTransport.builder(
                    SmtpTransportConfig.builder()
                        .serverAddress("nomail.test")
                        .mxLookup(true)
                        .requireTls(false)
                        .senderEmail("pamkit@appliance.example")
                        .connectTimeout(Duration.ofSeconds(2))
                        .build())
                .dnsServer(dns.hostPort())
                .build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("mx-2", "admin@example.com")));
      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertTrue(e.getMessage().contains("MX lookup of nomail.test failed"), e.getMessage());
    }
  }
}
