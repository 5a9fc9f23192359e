// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.secret.Secret;
import io.pamkit.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against real servers: STARTTLS (subethasmtp, which GreenMail lacks), SMTPS (GreenMail with a
 * certificate generated here), certificate and host-name verification, client certificates.
 */
final class SmtpTlsTest {
  private static TestCertificates pki;
  private static KeyMaterial server;

  @TempDir static Path dir;

  @BeforeAll
  static void certificates() throws Exception {
    pki = TestCertificates.create();
    server = pki.server();
  }

  private static SmtpTransportConfig.Builder config(int port) throws Exception {
    return SmtpTransportConfig.builder()
        .serverAddress("localhost")
        .port(port)
        .senderEmail("pamkit@appliance.example")
        .heloName("pamkit.test")
        .trustAnchors(TestCertificates.trustStore(pki.caCertificate()))
        .readTimeout(Duration.ofSeconds(10));
  }

  private static TestSmtpServer startTlsServer(SSLContext ctx, boolean requireTls) {
    return TestSmtpServer.start(
        b -> {
          b.enableTLS().startTlsSocketFactory(ctx);
          if (requireTls) {
            b.requireTLS();
          }
        });
  }

  @Test
  void send_tlsNotRequired_serverOffersStartTls_deliveredOverTls() throws Exception {
    // the review: RequireTlsFlag false sent in plain text to a server offering STARTTLS
    try (TestSmtpServer s = startTlsServer(TestCertificates.presenting(server), false);
        SmtpTransport t =
            SmtpTransport.builder(config(s.port()).requireTls(false).build()).build()) {
      t.send(notification("opportunistic", "admin@example.com"));
      assertEquals(1, s.received().size());
      assertTrue(s.received().get(0).tls(), "STARTTLS was used");
    }
  }

  @Test
  void send_tlsNotRequired_serverWithoutStartTls_deliveredInPlainText() throws Exception {
    try (TestSmtpServer s = TestSmtpServer.start(b -> {});
        SmtpTransport t =
            SmtpTransport.builder(config(s.port()).requireTls(false).build()).build()) {
      t.send(notification("plain-ok", "admin@example.com"));
      assertEquals(1, s.received().size());
      assertFalse(s.received().get(0).tls());
    }
  }

  @Test
  void send_tlsNotRequired_untrustedStartTls_failsNamingEveryRemedy() throws Exception {
    // the certificate is still verified when TLS is opportunistic; nothing goes in plain text
    KeyMaterial selfSigned = TestCertificates.selfSigned("CN=localhost", "localhost", "127.0.0.1");
    try (TestSmtpServer s = startTlsServer(TestCertificates.presenting(selfSigned), false);
        SmtpTransport t =
            SmtpTransport.builder(config(s.port()).trustAnchors(null).requireTls(false).build())
                .build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class,
              () -> t.send(notification("untrusted", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("TrustAnchors"), e.getMessage());
      assertTrue(e.getMessage().contains("--ca-cert FILE"), e.getMessage());
      assertTrue(e.getMessage().contains("PlainTextOnly"), e.getMessage());
      assertEquals(0, s.received().size());
    }
  }

  @Test
  void send_plainTextOnly_serverOffersStartTls_sendsInPlainText() throws Exception {
    try (TestSmtpServer s = startTlsServer(TestCertificates.presenting(server), false);
        SmtpTransport t =
            SmtpTransport.builder(config(s.port()).requireTls(false).plainTextOnly(true).build())
                .build()) {
      t.send(notification("plain-only", "admin@example.com"));
      assertEquals(1, s.received().size());
      assertFalse(s.received().get(0).tls());
    }
  }

  @Test
  void build_plainTextOnlyWithRequireTls_refused() throws Exception {
    io.pamkit.core.ValidationException e =
        assertThrows(
            io.pamkit.core.ValidationException.class, () -> config(25).plainTextOnly(true).build());
    assertEquals("PlainTextOnly", e.violations().get(0).path());
  }

  @Test
  void send_startTlsRequired_serverOffersIt_deliveredOverTls() throws Exception {
    try (TestSmtpServer s = startTlsServer(TestCertificates.presenting(server), true);
        SmtpTransport t = SmtpTransport.builder(config(s.port()).build()).build()) {
      DeliveryReceipt r1 = t.send(notification("tls-1", "admin@example.com"));
      t.send(notification("tls-2", "admin@example.com"));
      t.send(notification("tls-3", "admin@example.com"));

      assertEquals(3, s.received().size());
      assertTrue(s.received().get(0).tls());
      assertEquals(1, s.sessions());
      assertEquals(1, t.connectionsOpened());
      assertTrue(r1.messageId().orElseThrow().startsWith("Q"), r1.toString());
    }
  }

  @Test
  void send_startTlsRequired_serverWithoutStartTls_failsWithoutSendingInPlainText()
      throws Exception {
    try (TestSmtpServer s = TestSmtpServer.start(b -> {});
        SmtpTransport t = SmtpTransport.builder(config(s.port()).build()).build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("plain", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("does not offer STARTTLS"), e.getMessage());
      assertEquals(0, s.received().size());
    }
  }

  @Test
  void send_bracketedIpv6Address_deliveredWithIpIdentityChecked() throws Exception {
    boolean ipv6;
    try (java.net.ServerSocket probe =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("::1"))) {
      ipv6 = probe.getLocalPort() > 0;
    } catch (java.io.IOException e) {
      ipv6 = false;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(ipv6, "no IPv6 loopback on this machine");
    SSLContext ctx = TestCertificates.presenting(server);
    try (TestSmtpServer s =
            TestSmtpServer.startOnAllAddresses(
                b -> b.enableTLS().requireTLS().startTlsSocketFactory(ctx));
        SmtpTransport t =
            SmtpTransport.builder(config(s.port()).serverAddress("[::1]").build()).build()) {
      t.send(notification("v6", "admin@example.com"));
      assertEquals(1, s.received().size());
      TestEmailResult r = t.sendTestEmail("admin@example.com", Duration.ofSeconds(10));
      assertTrue(r.success(), r.summary());
      assertEquals("0:0:0:0:0:0:0:1", r.attempts().get(0).address());
    }
  }

  @Test
  void send_selfSignedServer_verificationOn_failsWithClearMessage() throws Exception {
    KeyMaterial selfSigned = TestCertificates.selfSigned("CN=localhost", "localhost", "127.0.0.1");
    try (TestSmtpServer s = startTlsServer(TestCertificates.presenting(selfSigned), true);
        SmtpTransport t =
            SmtpTransport.builder(config(s.port()).trustAnchors(null).build()).build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("self", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("is not trusted"), e.getMessage());
      assertTrue(e.getMessage().contains("trust anchor"), e.getMessage());
      assertEquals(0, s.received().size());
    }
  }

  @Test
  void send_selfSignedServer_trustAnchorConfigured_delivers() throws Exception {
    KeyMaterial selfSigned = TestCertificates.selfSigned("CN=localhost", "localhost", "127.0.0.1");
    try (TestSmtpServer s = startTlsServer(TestCertificates.presenting(selfSigned), true);
        SmtpTransport t =
            SmtpTransport.builder(
                    config(s.port())
                        .trustAnchors(TestCertificates.trustStore(selfSigned.certificate()))
                        .build())
                .build()) {
      t.send(notification("self-ok", "admin@example.com"));
      assertEquals(1, s.received().size());
    }
  }

  @Test
  void send_verifyFalseWithExplicitTrustAll_selfSignedAccepted() throws Exception {
    KeyMaterial selfSigned = TestCertificates.selfSigned("CN=other.example", "other.example");
    try (TestSmtpServer s = startTlsServer(TestCertificates.presenting(selfSigned), true);
        SmtpTransport t =
            SmtpTransport.builder(
                    config(s.port())
                        .trustAnchors(null)
                        .verifySslCertificate(false)
                        .trustAllCertificatesInsecurely(true)
                        .build())
                .build()) {
      t.send(notification("noverify", "admin@example.com"));
      assertEquals(1, s.received().size());
    }
  }

  @Test
  void send_pastedVerifyFalseAlone_certificateStillVerified() throws Exception {
    // EmailClientConfig pasted from an appliance where "Verify SSL Certificate" was unticked
    KeyMaterial selfSigned = TestCertificates.selfSigned("CN=other.example", "other.example");
    try (TestSmtpServer s = startTlsServer(TestCertificates.presenting(selfSigned), true);
        SmtpTransport t =
            SmtpTransport.builder(
                    config(s.port()).trustAnchors(null).verifySslCertificate(false).build())
                .build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("pasted", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("TrustAllCertificatesInsecurely"), e.getMessage());
      assertEquals(0, s.received().size());
    }
  }

  @Test
  void send_verifyFalseAloneWithTrustAnchor_hostNameStillChecked() throws Exception {
    KeyMaterial wrongName = pki.issue("CN=mail.other.example", "mail.other.example");
    try (TestSmtpServer s = startTlsServer(TestCertificates.presenting(wrongName), true);
        SmtpTransport t =
            SmtpTransport.builder(config(s.port()).verifySslCertificate(false).build()).build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("name2", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertEquals(0, s.received().size());
    }
  }

  @Test
  void send_certificateForAnotherName_failsHostNameCheck() throws Exception {
    KeyMaterial wrongName = pki.issue("CN=mail.other.example", "mail.other.example");
    try (TestSmtpServer s = startTlsServer(TestCertificates.presenting(wrongName), true);
        SmtpTransport t = SmtpTransport.builder(config(s.port()).build()).build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("name", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("does not match"), e.getMessage());
      assertEquals(0, s.received().size());
    }
  }

  /** A server that requires STARTTLS and a client certificate. */
  private static TestSmtpServer demandingClientCertificate(SSLContext serverCtx) {
    return TestSmtpServer.start(
        b ->
            b.enableTLS()
                .requireTLS()
                .startTlsSocketFactory(
                    socket -> {
                      SSLSocket ssl =
                          (SSLSocket)
                              serverCtx
                                  .getSocketFactory()
                                  .createSocket(
                                      socket,
                                      socket.getInetAddress().getHostAddress(),
                                      socket.getPort(),
                                      true);
                      ssl.setUseClientMode(false);
                      ssl.setNeedClientAuth(true);
                      return ssl;
                    }));
  }

  @Test
  void send_serverDemandsClientCertificate_presentsTheConfiguredOne() throws Exception {
    KeyMaterial client = pki.issue("CN=pamkit-client");
    try (TestSmtpServer s = demandingClientCertificate(pki.serverContext());
        SmtpTransport t =
            SmtpTransport.builder(
                    config(s.port())
                        .clientCertificate(
                            TestCertificates.keyStore(client, Secret.of("changeit")),
                            Secret.of("changeit"))
                        .build())
                .build()) {
      t.send(notification("mtls", "admin@example.com"));

      TestSmtpServer.Received r = s.received().get(0);
      assertNotNull(r.peer());
      assertEquals(client.certificate(), r.peer()[0]);
    }
  }

  @Test
  void send_serverDemandsClientCertificate_noneConfigured_fails() throws Exception {
    try (TestSmtpServer s = demandingClientCertificate(pki.serverContext());
        SmtpTransport t = SmtpTransport.builder(config(s.port()).build()).build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class,
              () -> t.send(notification("no-client-cert", "admin@example.com")));
      assertEquals(0, s.received().size());
      assertTrue(e.getMessage().contains("SMTP server"), e.getMessage());
    }
  }

  /**
   * Starts GreenMail SMTPS on every address with {@link #server}'s certificate. GreenMail reads its
   * key store once per JVM (a singleton), so every SMTPS test uses the same certificate.
   */
  private static GreenMail greenMailSmtps() throws Exception {
    synchronized (SmtpTlsTest.class) {
      if (System.getProperty("greenmail.tls.keystore.file") == null) {
        Path keyStore =
            Files.write(dir.resolve("server.p12"), server.toPkcs12(Secret.of("changeit")));
        System.setProperty("greenmail.tls.keystore.file", keyStore.toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        System.setProperty("greenmail.tls.key.password", "changeit");
      }
    }
    GreenMail gm = new GreenMail(new ServerSetup(3465, "0.0.0.0", "smtps").dynamicPort());
    gm.start();
    return gm;
  }

  @Test
  void send_smtpsGreenMail_generatedCertificate_identityChecked() throws Exception {
    GreenMail gm = greenMailSmtps();
    try (SmtpTransport t =
        SmtpTransport.builder(
                config(gm.getSmtps().getPort())
                    .requireSmtps(true)
                    .serverAddress("[127.0.0.1]")
                    .build())
            .build()) {
      t.send(notification("smtps-1", "admin@example.com"));
      t.send(notification("smtps-2", "admin@example.com"));
      assertEquals(2, gm.getReceivedMessages().length);
      assertEquals(1, t.connectionsOpened());
    } finally {
      gm.stop();
    }
  }

  @Test
  void send_smtpsGreenMail_addressNotInCertificate_refused() throws Exception {
    GreenMail gm = greenMailSmtps();
    // 127.0.0.2 is loopback too, but the certificate names 127.0.0.1, ::1 and localhost only
    try (SmtpTransport t =
        SmtpTransport.builder(
                config(gm.getSmtps().getPort())
                    .requireSmtps(true)
                    .serverAddress("[127.0.0.2]")
                    .build())
            .build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class,
              () -> t.send(notification("smtps-bad", "admin@example.com")));
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("does not match"), e.getMessage());
      assertEquals(0, gm.getReceivedMessages().length);
    } finally {
      gm.stop();
    }
  }
}
