// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.subethamail.smtp.RejectException;

/** SMTP replies from a real server (subethasmtp) mapped onto the SPI's failure types. */
final class SmtpReplyCodeTest {

  private static SmtpTransport transport(TestSmtpServer s) {
    return SmtpTransport.builder(s.plainConfig().readTimeout(Duration.ofSeconds(10)).build())
        .build();
  }

  @ParameterizedTest
  @CsvSource({
    "550, PERMANENT_MESSAGE",
    "553, PERMANENT_MESSAGE",
    "451, TRANSIENT",
    "452, TRANSIENT",
    "450, RATE_LIMITED",
    "421, RATE_LIMITED"
  })
  void send_recipientRefused_mappedByReplyCode(int code, FailureType expected) {
    try (TestSmtpServer s = TestSmtpServer.start(b -> {});
        SmtpTransport t = transport(s)) {
      s.policy(r -> new RejectException(code, "refused for the test"));
      DeliveryException e =
          assertThrows(
              DeliveryException.class,
              () -> t.send(notification("rc-" + code, "admin@example.com")));
      assertEquals(expected, e.failureType());
      assertTrue(e.getMessage().contains(Integer.toString(code)), e.getMessage());
    }
  }

  @ParameterizedTest
  @CsvSource({"554, PERMANENT_MESSAGE", "552, PERMANENT_MESSAGE", "451, TRANSIENT"})
  void send_messageRefusedAfterData_mappedByReplyCode(int code, FailureType expected) {
    try (TestSmtpServer s = TestSmtpServer.start(b -> {});
        SmtpTransport t = transport(s)) {
      s.policy(
          TestSmtpServer.refuseData(new RejectException(code, "content refused for the test")));
      DeliveryException e =
          assertThrows(
              DeliveryException.class,
              () -> t.send(notification("data-" + code, "admin@example.com")));
      assertEquals(expected, e.failureType());
    }
  }

  @Test
  void send_senderRefused_permanentTransport() {
    try (TestSmtpServer s = TestSmtpServer.start(b -> {});
        SmtpTransport t = transport(s)) {
      s.policy(TestSmtpServer.refuseSender(new RejectException(553, "sender not allowed")));
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("sender", "admin@example.com")));
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("pamkit@appliance.example"), e.getMessage());
    }
  }

  @Test
  void send_authenticationConfiguredButServerOffersNoAuth_refusesToSendUnauthenticated() {
    try (TestSmtpServer s = TestSmtpServer.start(b -> {});
        SmtpTransport t =
            SmtpTransport.builder(
                    SmtpTransportConfig.builder()
                        .serverAddress("[127.0.0.1]")
                        .port(s.port())
                        .requireTls(false)
                        .senderEmail("pamkit@appliance.example")
                        .authentication(
                            SmtpAuthentication.password(
                                "svc-mail", io.pamkit.core.secret.Secret.of("s3cret-pass")))
                        .build())
                .build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("auth", "admin@example.com")));
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("does not offer AUTH"), e.getMessage());
      assertTrue(!e.getMessage().contains("s3cret-pass"), e.getMessage());
      assertEquals(0, s.received().size());
    }
  }

  @Test
  void send_afterPermanentRefusal_sameConnectionDeliversNext() {
    try (TestSmtpServer s = TestSmtpServer.start(b -> {});
        SmtpTransport t = transport(s)) {
      s.policy(r -> r.startsWith("bad") ? new RejectException(550, "no such user") : null);
      assertThrows(DeliveryException.class, () -> t.send(notification("a", "bad@example.com")));
      t.send(notification("b", "good@example.com"));

      assertEquals(1, s.received().size());
      assertEquals(1, s.sessions());
      assertEquals(1, t.connectionsOpened());
    }
  }

  @Test
  void send_acceptedWithQueueId_receiptCarriesIt() {
    try (TestSmtpServer s = TestSmtpServer.start(b -> {});
        SmtpTransport t = transport(s)) {
      s.policy(TestSmtpServer.acceptWith("2.0.0 Ok: queued as 4Bx9ZK1mQz"));
      assertEquals(
          "4Bx9ZK1mQz", t.send(notification("q", "admin@example.com")).messageId().orElseThrow());
    }
  }

  @Test
  void queueId_repliesWithoutId_empty() {
    assertEquals(null, SmtpTransport.queueId("250 OK"));
    assertEquals(null, SmtpTransport.queueId(null));
    assertEquals("ABC", SmtpTransport.queueId("250 2.0.0 Ok: queued as ABC"));
    assertEquals("xyz@host", SmtpTransport.queueId("250 2.0.0 OK id=xyz@host"));
  }
}
