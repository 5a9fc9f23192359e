// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.testing.TestCertificates;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.RejectException;

/** The appliance's test email against real servers: each address of the name, in turn. */
final class SmtpTestEmailTest {
  private static TestCertificates pki;
  private static KeyMaterial server;
  private static javax.net.ssl.SSLContext serverCtx;

  @BeforeAll
  static void certificates() throws Exception {
    pki = TestCertificates.create();
    server = pki.server();
    serverCtx = TestCertificates.presenting(server);
  }

  private static SmtpTransportConfig.Builder config(int port) throws Exception {
    return SmtpTransportConfig.builder()
        .serverAddress("localhost")
        .port(port)
        .senderEmail("pamkit@appliance.example")
        .heloName("pamkit.test")
        .trustAnchors(TestCertificates.trustStore(pki.caCertificate()));
  }

  private static List<String> localhostAddresses() throws Exception {
    List<String> out = new ArrayList<>();
    for (InetAddress a : InetAddress.getAllByName("localhost")) {
      out.add(a.getHostAddress().replaceAll("%.*$", ""));
    }
    return out;
  }

  @Test
  void sendTestEmail_everyAddressAccepts_successListingEachAddress() throws Exception {
    try (TestSmtpServer s =
            TestSmtpServer.startOnAllAddresses(
                b -> b.enableTLS().requireTLS().startTlsSocketFactory(serverCtx));
        SmtpTransport t = SmtpTransport.builder(config(s.port()).build()).build()) {
      TestEmailResult r = t.sendTestEmail("admin@example.com", Duration.ofSeconds(20));

      assertTrue(r.success(), r.summary());
      assertEquals(
          localhostAddresses(), r.attempts().stream().map(TestEmailAttempt::address).toList());
      assertEquals(r.attempts().size(), s.received().size());
      assertEquals(List.of("admin@example.com"), s.received().get(0).to());
      assertTrue(s.received().get(0).data().contains("Subject: Test email from pamkit"));
      assertEquals("localhost", r.host());
    }
  }

  @Test
  void sendTestEmail_nameWithTwoAddresses_eachTriedAndCertificateCheckedAgainstTheName()
      throws Exception {
    KeyMaterial named = pki.issue("CN=mail.test", "mail.test");
    javax.net.ssl.SSLContext namedCtx = TestCertificates.presenting(named);
    InetAddress[] two = {InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2")};
    try (TestSmtpServer s =
            TestSmtpServer.startOnAllAddresses(
                b -> b.enableTLS().requireTLS().startTlsSocketFactory(namedCtx));
        SmtpTransport t =
            SmtpTransport.builder(config(s.port()).serverAddress("mail.test").build())
                .addressResolver(h -> h.equals("mail.test") ? two : new InetAddress[0])
                .build()) {
      TestEmailResult r = t.sendTestEmail("admin@example.com", Duration.ofSeconds(20));

      assertTrue(r.success(), r.summary());
      assertEquals(
          List.of("127.0.0.1", "127.0.0.2"),
          r.attempts().stream().map(TestEmailAttempt::address).toList());
      assertEquals(2, s.received().size());
    }
  }

  @Test
  void sendTestEmail_oneAddressFails_wholeTestFails() throws Exception {
    InetAddress[] two = {InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2")};
    try (TestSmtpServer s =
            TestSmtpServer.start(b -> b.enableTLS().requireTLS().startTlsSocketFactory(serverCtx));
        SmtpTransport t =
            SmtpTransport.builder(config(s.port()).build()).addressResolver(h -> two).build()) {
      TestEmailResult r = t.sendTestEmail("admin@example.com", Duration.ofSeconds(20));

      assertFalse(r.success(), r.summary());
      assertEquals(TestEmailAttempt.Outcome.SENT, r.attempts().get(0).outcome());
      assertEquals(TestEmailAttempt.Outcome.FAILED, r.attempts().get(1).outcome());
      assertTrue(r.attempts().get(1).detail().contains("127.0.0.2"), r.summary());
    }
  }

  @Test
  void sendTestEmail_recipientRefused_failsNamingTheReply() throws Exception {
    try (TestSmtpServer s =
            TestSmtpServer.startOnAllAddresses(
                b -> b.enableTLS().requireTLS().startTlsSocketFactory(serverCtx));
        SmtpTransport t = SmtpTransport.builder(config(s.port()).build()).build()) {
      s.policy(r -> new RejectException(550, "5.1.1 mailbox unknown"));
      TestEmailResult r = t.sendTestEmail("nobody@example.com", Duration.ofSeconds(20));

      assertFalse(r.success());
      assertEquals(TestEmailAttempt.Outcome.FAILED, r.attempts().get(0).outcome());
      assertTrue(r.attempts().get(0).detail().contains("550"), r.summary());
      assertTrue(r.summary().startsWith("test email failed"), r.summary());
    }
  }

  @Test
  void sendTestEmail_serverNeverAnswers_notSentWithinTheTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (java.io.IOException e) {
                  // closed at the end of the test
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      try (SmtpTransport t =
          SmtpTransport.builder(config(silent.getLocalPort()).serverAddress("[127.0.0.1]").build())
              .build()) {
        TestEmailResult r = t.sendTestEmail("admin@example.com", Duration.ofSeconds(1));

        assertFalse(r.success());
        assertEquals(1, r.attempts().size());
        assertFalse(r.attempts().get(0).sent());
      }
    }
  }

  @Test
  void sendTestEmail_deliveriesWaitUntilItEnds_thenAreSent() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch testArrived = new CountDownLatch(1);
    try (TestSmtpServer s =
            TestSmtpServer.start(b -> b.enableTLS().requireTLS().startTlsSocketFactory(serverCtx));
        SmtpTransport t =
            SmtpTransport.builder(config(s.port()).serverAddress("[127.0.0.1]").build()).build()) {
      s.onData(
          () -> {
            if (testArrived.getCount() > 0) {
              testArrived.countDown();
              try {
                release.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          });
      CompletableFuture<TestEmailResult> test =
          CompletableFuture.supplyAsync(
              () -> t.sendTestEmail("admin@example.com", Duration.ofSeconds(30)));
      assertTrue(testArrived.await(30, TimeUnit.SECONDS));
      CompletableFuture<?> delivery =
          CompletableFuture.runAsync(() -> t.send(notification("queued", "ops@example.com")));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!t.deliveriesWaiting() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertTrue(t.deliveriesWaiting(), "the delivery waits behind the test email");
      assertFalse(delivery.isDone());

      release.countDown();
      assertTrue(test.get(30, TimeUnit.SECONDS).success());
      delivery.get(30, TimeUnit.SECONDS);

      List<TestSmtpServer.Received> got = s.received();
      assertEquals(2, got.size());
      assertEquals(List.of("admin@example.com"), got.get(0).to());
      assertEquals(List.of("ops@example.com"), got.get(1).to());
    }
  }

  @Test
  void sendTestEmail_badInput_validationNamesTheField() throws Exception {
    try (SmtpTransport t = SmtpTransport.builder(config(2525).build()).build()) {
      assertEquals(
          "TimeoutSeconds",
          assertThrows(
                  ValidationException.class, () -> t.sendTestEmail("a@example.com", Duration.ZERO))
              .violations()
              .get(0)
              .path());
      assertEquals(
          "TimeoutSeconds",
          assertThrows(
                  ValidationException.class,
                  () -> t.sendTestEmail("a@example.com", Duration.ofSeconds(256)))
              .violations()
              .get(0)
              .path());
      assertEquals(
          "ToEmail",
          assertThrows(
                  ValidationException.class,
                  () ->
                      t.sendTestEmail(
                          "a@example.com\r\nBcc: x@evil.example", Duration.ofSeconds(5)))
              .violations()
              .get(0)
              .path());
      String tooLong = "a".repeat(506) + "@ex.com";
      assertTrue(
          assertThrows(
                  ValidationException.class, () -> t.sendTestEmail(tooLong, Duration.ofSeconds(5)))
              .getMessage()
              .contains("maximum of 512"));
    }
    try (SmtpTransport off = SmtpTransport.builder(SmtpTransportConfig.builder().build()).build()) {
      assertEquals(
          "ServerAddress",
          assertThrows(
                  ValidationException.class,
                  () -> off.sendTestEmail("a@example.com", Duration.ofSeconds(5)))
              .violations()
              .get(0)
              .path());
    }
  }
}
