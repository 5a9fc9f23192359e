// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.DeliveryAssurance;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.notify.email.DeliveryOutcomeUnknownException;
import io.pamkit.notify.email.EmailProviderChain;
import io.pamkit.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.RejectException;

/**
 * A time-out after the end of {@code DATA} leaves the outcome unknown: the email is retried on the
 * same server with the same {@code Message-ID}, never failed over to another provider.
 */
final class SmtpOutcomeUnknownTest {
  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID: *(\\S+)");

  private static SmtpTransport transport(TestSmtpServer s, Duration readTimeout) {
    return SmtpTransport.builder(s.plainConfig().readTimeout(readTimeout).build()).build();
  }

  /** Holds the server's reply to the first message's end of DATA until released. */
  private static final class HoldFirstReply implements Runnable {
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicBoolean first = new AtomicBoolean(true);

    @Override
    public void run() {
      if (first.getAndSet(false)) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  @Test
  void send_timeoutAfterData_outcomeUnknown() throws Exception {
    HoldFirstReply hold = new HoldFirstReply();
    try (TestSmtpServer s = TestSmtpServer.start(b -> {});
        SmtpTransport t = transport(s, Duration.ofMillis(500))) {
      s.onData(hold);
      DeliveryException e =
          assertThrows(
              DeliveryException.class,
              () -> t.send(notification("unknown-1", "admin@example.com")));
      hold.release.countDown();
      assertInstanceOf(DeliveryOutcomeUnknownException.class, e, e::getMessage);
      assertTrue(e.failureType().retryable(), e.failureType().toString());
      assertTrue(e.getMessage().contains("after the end of DATA"), e.getMessage());
    }
  }

  @Test
  void send_recipientRefusedBeforeData_notOutcomeUnknown() {
    try (TestSmtpServer s = TestSmtpServer.start(b -> {});
        SmtpTransport t = transport(s, Duration.ofSeconds(10))) {
      s.policy(r -> new RejectException(451, "try later"));
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("known-1", "admin@example.com")));
      assertFalse(e instanceof DeliveryOutcomeUnknownException, e.getMessage());
    }
  }

  @Test
  void chain_timeoutAfterData_retriedOnSameProviderWithSameMessageIdNeverFailedOver()
      throws Exception {
    HoldFirstReply hold = new HoldFirstReply();
    try (TestSmtpServer primary = TestSmtpServer.start(b -> {});
        TestSmtpServer fallback = TestSmtpServer.start(b -> {});
        EmailProviderChain chain =
            EmailProviderChain.builder()
                .provider("primary", 0, transport(primary, Duration.ofMillis(500)))
                .provider("fallback", 10, transport(fallback, Duration.ofSeconds(10)))
                .build()) {
      primary.onData(hold);
      Notification n = notification("ambiguous-1", "admin@example.com");

      DeliveryException first = assertThrows(DeliveryException.class, () -> chain.send(n));
      assertInstanceOf(DeliveryOutcomeUnknownException.class, first, first::getMessage);
      hold.release.countDown(); // the primary now queues the first copy
      // the dispatcher's retry: the primary alone, even though the fallback works
      DeliveryReceipt r = chain.send(n);

      assertEquals("primary", r.transportId());
      assertEquals(DeliveryAssurance.ACKNOWLEDGED, r.assurance());
      assertEquals(List.of(), fallback.received());
      Await.until(
          "both copies recorded", Duration.ofSeconds(10), () -> primary.received().size() >= 2);
      List<TestSmtpServer.Received> got = primary.received();
      assertEquals(2, got.size(), "the first copy was queued too: a duplicate, not a loss");
      assertEquals(
          messageId(got.get(0).data()),
          messageId(got.get(1).data()),
          "the receiver drops the duplicate by Message-ID");
    }
  }

  private static String messageId(String data) {
    Matcher m = MESSAGE_ID.matcher(data);
    assertTrue(m.find(), data);
    return m.group(1);
  }
}
