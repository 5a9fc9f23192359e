// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static io.pamkit.notify.TestNotifications.CLOCK;
import static io.pamkit.notify.TestNotifications.emailToUser;
import static io.pamkit.notify.TestNotifications.event;
import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.sendgrid.FakeSendGrid;
import io.pamkit.notify.sendgrid.SendGridConfig;
import io.pamkit.notify.sendgrid.SendGridTransport;
import io.pamkit.notify.smtp.SmtpTransport;
import io.pamkit.notify.smtp.SmtpTransportConfig;
import io.pamkit.testing.FakeClock;
import io.pamkit.testing.InMemoryTransport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider chain over real peers: GreenMail as the SMTP primary and a local SendGrid-contract
 * HTTPS server as the fallback; rule details with in-memory transports.
 */
final class EmailProviderChainTest {
  private static final String KEY = "SG.chain-test.key";
  private static final String SENDER = "pam@appliance.example";

  private GreenMail greenMail;
  private FakeSendGrid sendGrid;

  @BeforeEach
  void start() throws Exception {
    greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    sendGrid = FakeSendGrid.start(KEY);
  }

  @AfterEach
  void stop() {
    greenMail.stop();
    sendGrid.close();
  }

  private SmtpTransport smtp() {
    return SmtpTransport.builder(
            SmtpTransportConfig.builder()
                .serverAddress("[127.0.0.1]")
                .port(greenMail.getSmtp().getPort())
                .requireTls(false)
                .senderEmail(SENDER)
                .heloName("pamkit.test")
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .build())
        .clock(CLOCK)
        .build();
  }

  private SendGridTransport sendGrid() {
    return SendGridTransport.builder(
            SendGridConfig.builder()
                .apiKey(Secret.of(KEY))
                .senderEmail(SENDER)
                .baseUri(sendGrid.baseUri())
                .sslContext(sendGrid.clientContext())
                .build())
        .clock(CLOCK)
        .build();
  }

  /** Sends one notification through the chain and returns the exception it must throw. */
  private static <X extends Throwable> X failedSend(
      EmailProviderChain chain, Class<X> type, String eventId) {
    return failedSend(chain, type, eventId, "admin@example.com");
  }

  /** Sends one notification and returns the name of the provider that delivered it. */
  private static String sentBy(EmailProviderChain chain, String eventId) {
    return chain.send(notification(eventId, "x@example.com")).transportId();
  }

  /** Sends one notification to an address and returns the exception the chain must throw. */
  private static <X extends Throwable> X failedSend(
      EmailProviderChain chain, Class<X> type, String eventId, String to) {
    return assertThrows(type, () -> chain.send(notification(eventId, to)));
  }

  private EmailProviderChain chain(FailoverListener listener) {
    return EmailProviderChain.builder()
        .provider("sendgrid", 10, sendGrid())
        .provider("smtp", 0, smtp())
        .failoverListener(listener)
        .build();
  }

  @Test
  void send_smtpUp_deliversThroughSmtpWithTheSharedMessageId() throws Exception {
    try (EmailProviderChain chain = chain(FailoverListener.NONE)) {
      assertEquals(
          List.of("smtp", "sendgrid"),
          chain.providers().stream().map(EmailProvider::name).toList());
      Notification n = notification("ev-1", "admin@example.com");
      DeliveryReceipt r = chain.send(n);

      assertEquals("smtp", r.transportId());
      MimeMessage[] got = greenMail.getReceivedMessages();
      assertEquals(1, got.length);
      // the SMTP transport and EmailMessageIds agree, so replies correlate whoever delivered
      assertEquals(EmailMessageIds.messageId(n.idempotencyKey(), SENDER), got[0].getMessageID());
      assertTrue(sendGrid.received().isEmpty());
    }
  }

  @Test
  void send_smtpDown_sendGridDeliversAndListenerHearsOfIt() {
    List<String> heard = new ArrayList<>();
    try (EmailProviderChain chain =
        chain((n, failures, by) -> heard.add(by + " after " + failures.get(0).failureType()))) {
      greenMail.stop();
      Notification n = notification("ev-2", "admin@example.com");
      DeliveryReceipt r = chain.send(n);

      assertEquals("sendgrid", r.transportId());
      assertEquals(Optional.of("sg1AbCdEfGhIjKlMnOp"), r.messageId());
      assertEquals(List.of("sendgrid after TRANSIENT"), heard);
      assertEquals(1, sendGrid.received().size());
      assertEquals(
          EmailMessageIds.messageId(n.idempotencyKey(), SENDER),
          sendGrid.received().get(0).body().at("/headers/Message-ID").asText());
    }
  }

  @Test
  void send_smtpDownAndSendGridRateLimited_reportsTransientWithEveryReason() {
    sendGrid.next(
        429,
        Map.of("X-RateLimit-Reset", Long.toString(CLOCK.instant().getEpochSecond() + 60)),
        "{\"errors\":[{\"field\":null," + "\"message\":\"too many requests\"}]}");
    try (EmailProviderChain chain = chain(FailoverListener.NONE)) {
      greenMail.stop();
      DeliveryException e = failedSend(chain, DeliveryException.class, "ev-3");

      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertEquals("Email", e.transportId());
      assertTrue(
          e.getMessage()
              .startsWith("all 2 email providers failed: smtp (priority 0):" + " TRANSIENT"),
          e.getMessage());
      assertTrue(
          e.getMessage().contains("sendgrid (priority 10): RATE_LIMITED retry after PT1M"),
          e.getMessage());
      assertEquals(2, e.getSuppressed().length);
    }
  }

  @Test
  void send_messageRefused_doesNotFailOver() {
    try (EmailProviderChain chain = chain(FailoverListener.NONE)) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class,
              () -> chain.send(Notification.of(event("ev-4"), emailToUser(42))));
      assertEquals(FailureType.PERMANENT_MESSAGE, e.failureType());
      assertTrue(
          e.getMessage().contains("email provider smtp refused the message"), e.getMessage());
      assertTrue(sendGrid.received().isEmpty());
      assertEquals(0, greenMail.getReceivedMessages().length);
    }
  }

  @Test
  void send_outcomeUnknown_doesNotFailOver() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch arrived = new CountDownLatch(1);
    InMemoryTransport fallback = InMemoryTransport.create("Email", CLOCK);
    try (LoopbackHttps slow = LoopbackHttps.startHoldingAfterFirst(arrived, release)) {
      // warm TLS up in this JVM with a patient client, so the 3 s below only measures the wait
      try (SendGridTransport warm =
          SendGridTransport.builder(
                  SendGridConfig.builder()
                      .apiKey(Secret.of(KEY))
                      .senderEmail(SENDER)
                      .baseUri(slow.baseUri())
                      .sslContext(slow.clientContext())
                      .requestTimeout(Duration.ofSeconds(60))
                      .build())
              .build()) {
        warm.send(notification("ev-5", "admin@example.com"));
      }
      SendGridTransport primary =
          SendGridTransport.builder(
                  SendGridConfig.builder()
                      .apiKey(Secret.of(KEY))
                      .senderEmail(SENDER)
                      .baseUri(slow.baseUri())
                      .sslContext(slow.clientContext())
                      .requestTimeout(Duration.ofSeconds(3))
                      .build())
              .build();
      try (EmailProviderChain chain =
          EmailProviderChain.builder()
              .provider("sendgrid", 0, primary)
              .provider("memory", 1, fallback)
              .build()) {
        DeliveryException e = failedSend(chain, DeliveryException.class, "ev-5");
        assertInstanceOf(DeliveryOutcomeUnknownException.class, e, e::getMessage);
        assertEquals(0, arrived.getCount(), "the request reached the server");
        assertEquals(FailureType.TRANSIENT, e.failureType());
        assertEquals(0, fallback.count());
      } finally {
        release.countDown();
      }
    }
  }

  @Test
  void send_allPermanentTransport_reportsPermanentTransport() {
    InMemoryTransport a = InMemoryTransport.create("Email", CLOCK);
    InMemoryTransport b = InMemoryTransport.create("Email", CLOCK);
    a.failNext(FailureType.PERMANENT_TRANSPORT, "535 authentication failed");
    b.failNext(FailureType.PERMANENT_TRANSPORT, "401 bad key");
    try (EmailProviderChain chain =
        EmailProviderChain.builder().provider("a", 0, a).provider("b", 0, b).build()) {
      DeliveryException e = failedSend(chain, DeliveryException.class, "ev-6");
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(
          e.getMessage().contains("a (priority 0): PERMANENT_TRANSPORT: 535"), e.getMessage());
      assertTrue(
          e.getMessage().contains("b (priority 0): PERMANENT_TRANSPORT: 401"), e.getMessage());
    }
  }

  @Test
  void send_rateLimitedAndPermanentTransport_reportsShortestRetryAfter() {
    InMemoryTransport a = InMemoryTransport.create("Email", CLOCK);
    InMemoryTransport b = InMemoryTransport.create("Email", CLOCK);
    InMemoryTransport c = InMemoryTransport.create("Email", CLOCK);
    a.failNext(FailureType.RATE_LIMITED, "slow down", Duration.ofMinutes(5));
    b.failNext(FailureType.PERMANENT_TRANSPORT, "403");
    c.failNext(FailureType.RATE_LIMITED, "slow down", Duration.ofSeconds(30));
    try (EmailProviderChain chain =
        EmailProviderChain.builder()
            .provider("a", 1, a)
            .provider("b", 2, b)
            .provider("c", 3, c)
            .build()) {
      DeliveryException e = failedSend(chain, DeliveryException.class, "ev-7");
      assertEquals(FailureType.RATE_LIMITED, e.failureType());
      assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
    }
  }

  @Test
  void send_providerThrowsUnexpectedly_escapesToTheLaneThatGuardsTheChain() {
    Transport broken =
        new Transport() {
          @Override
          public String channel() {
            return "Email";
          }

          @Override
          public DeliveryReceipt send(Notification n) {
            throw new IllegalStateException("bug in a third-party transport");
          }
        };
    InMemoryTransport fallback = InMemoryTransport.create("Email", CLOCK);
    try (EmailProviderChain chain =
        EmailProviderChain.builder()
            .provider("broken", 0, broken)
            .provider("memory", 5, fallback)
            .build()) {
      IllegalStateException e = failedSend(chain, IllegalStateException.class, "ev-8");
      assertEquals("bug in a third-party transport", e.getMessage());
      assertEquals(0, fallback.received().size());
    }
  }

  @Test
  void send_rateLimitedPrimary_isSkippedUntilItsRetryAfter() {
    FakeClock clock = new FakeClock(CLOCK.instant());
    InMemoryTransport a = InMemoryTransport.create("Email", clock);
    InMemoryTransport b = InMemoryTransport.create("Email", clock);
    a.failNext(FailureType.RATE_LIMITED, "429", Duration.ofSeconds(30));
    try (EmailProviderChain chain =
        EmailProviderChain.builder().provider("a", 0, a).provider("b", 1, b).clock(clock).build()) {
      assertEquals("b", sentBy(chain, "ev-9"));
      clock.advance(Duration.ofSeconds(29));
      assertEquals("b", sentBy(chain, "ev-10"));
      assertEquals(0, a.count());
      clock.advance(Duration.ofSeconds(1));
      assertEquals("a", sentBy(chain, "ev-11"));
      assertEquals(2, b.count());
    }
  }

  @Test
  void send_permanentTransportPrimary_coolsDownForTheConfiguredTime() {
    FakeClock clock = new FakeClock(CLOCK.instant());
    InMemoryTransport a = InMemoryTransport.create("Email", clock);
    InMemoryTransport b = InMemoryTransport.create("Email", clock);
    a.failNext(FailureType.PERMANENT_TRANSPORT, "535 authentication failed");
    try (EmailProviderChain chain =
        EmailProviderChain.builder()
            .provider("a", 0, a)
            .provider("b", 1, b)
            .clock(clock)
            .cooldown(Duration.ofMinutes(5))
            .build()) {
      chain.send(notification("ev-12", "x@example.com"));
      clock.advance(Duration.ofMinutes(4));
      assertEquals("b", sentBy(chain, "ev-13"));
      clock.advance(Duration.ofMinutes(1));
      assertEquals("a", sentBy(chain, "ev-14"));
    }
  }

  @Test
  void send_everyProviderCoolingDown_triesThemAll() {
    FakeClock clock = new FakeClock(CLOCK.instant());
    InMemoryTransport a = InMemoryTransport.create("Email", clock);
    InMemoryTransport b = InMemoryTransport.create("Email", clock);
    a.failNext(FailureType.RATE_LIMITED, "429", Duration.ofSeconds(30));
    b.failNext(FailureType.PERMANENT_TRANSPORT, "401");
    try (EmailProviderChain chain =
        EmailProviderChain.builder().provider("a", 0, a).provider("b", 1, b).clock(clock).build()) {
      DeliveryException e = failedSend(chain, DeliveryException.class, "ev-15", "x@example.com");
      assertEquals(FailureType.RATE_LIMITED, e.failureType());
      assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
      // both cool down now; the next email is still tried, primary first
      assertEquals("a", sentBy(chain, "ev-16"));
    }
  }

  @Test
  void send_fallbackFailsWhilePrimaryCools_staysRetryable() {
    FakeClock clock = new FakeClock(CLOCK.instant());
    InMemoryTransport a = InMemoryTransport.create("Email", clock);
    InMemoryTransport b = InMemoryTransport.create("Email", clock);
    a.failNext(FailureType.PERMANENT_TRANSPORT, "535");
    try (EmailProviderChain chain =
        EmailProviderChain.builder().provider("a", 0, a).provider("b", 1, b).clock(clock).build()) {
      chain.send(notification("ev-17", "x@example.com"));
      b.failNext(FailureType.PERMANENT_TRANSPORT, "401 bad key");
      DeliveryException e = failedSend(chain, DeliveryException.class, "ev-18", "x@example.com");
      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertTrue(
          e.getMessage()
              .startsWith(
                  "1 of 2 email providers failed, the others are"
                      + " cooling down: b (priority 1): PERMANENT_TRANSPORT: 401"),
          e.getMessage());
    }
  }

  @Test
  void builder_duplicateNameOrNoProvider_isRefused() {
    InMemoryTransport a = InMemoryTransport.create("Email", CLOCK);
    assertThrows(
        IllegalArgumentException.class,
        () -> EmailProviderChain.builder().provider("a", 0, a).provider("a", 1, a));
    assertThrows(IllegalStateException.class, () -> EmailProviderChain.builder().build());
  }
}
