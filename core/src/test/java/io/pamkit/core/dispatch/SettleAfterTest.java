// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receipt with {@link DeliveryReceipt#settleAfter()} (a transport that can still re-send from
 * memory) keeps its outbox entry pending until that time has passed; the listener hears at once.
 */
final class SettleAfterTest {
  private static final Duration WINDOW = Duration.ofSeconds(60);

  @TempDir Path dir;

  private final FakeClock clock = new FakeClock(Instant.parse("2026-01-02T03:04:05Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final Subscriber subscriber =
      Subscriber.builder("Syslog").id(7).subscribe("UserCreated").build();

  /** Sends "over plain TCP": unverified, re-sendable from memory for {@code settle}. */
  private static class WindowedTransport implements Transport {
    final List<String> sent = new CopyOnWriteArrayList<>();
    private final Duration settle;

    WindowedTransport(Duration settle) {
      this.settle = settle;
    }

    @Override
    public String channel() {
      return "Syslog";
    }

    @Override
    public DeliveryReceipt send(Notification n) {
      sent.add(n.idempotencyKey());
      return DeliveryReceipt.sentUnverified("Syslog", Instant.EPOCH, settle);
    }
  }

  private EventDispatcher dispatcher(Transport transport, Outbox outbox) {
    return EventDispatcher.builder()
        .synchronous(true)
        .clock(clock)
        .scheduler(scheduler)
        .transport(transport)
        .subscribers(List.of(subscriber))
        .outbox(outbox)
        .listener(
            new DispatchListener() {
              @Override
              public void delivered(Notification n, DeliveryReceipt receipt, int attempt) {
                heard.add(n.idempotencyKey());
              }
            })
        .build();
  }

  private static ApplianceEvent event(String id) {
    return ApplianceEvent.builder("UserCreated").id(id).object("User", "42").build();
  }

  private static List<String> keys(Outbox outbox) {
    return outbox.pending().stream().map(Outbox.Entry::idempotencyKey).toList();
  }

  @Test
  void windowedDelivery_staysPendingUntilTheWindowPassed_thenIsCompleted() {
    FileOutbox outbox = FileOutbox.open(dir.resolve("outbox.jsonl"));
    try (EventDispatcher d = dispatcher(new WindowedTransport(WINDOW), outbox)) {
      d.publish(event("e1"));
      assertEquals(List.of("e1/7"), heard, "the listener hears at once");
      assertEquals(List.of("e1/7"), keys(outbox), "the journal still holds it");

      scheduler.advance(Duration.ofSeconds(30));
      d.publish(event("e2"));
      assertEquals(List.of("e1/7", "e2/7"), keys(outbox));

      scheduler.advance(Duration.ofSeconds(30));
      assertEquals(List.of("e2/7"), keys(outbox), "e1's window passed, e2's has not");

      scheduler.advance(Duration.ofSeconds(30));
      assertEquals(List.of(), keys(outbox));
      assertEquals(0, scheduler.pending(), "no drain task left once nothing is held");
      assertEquals(
          List.of(WINDOW, Duration.ofSeconds(30)),
          scheduler.delays(),
          "one drain task at a time, not one per notification");
    }
  }

  @Test
  void deliveryWithoutWindow_isCompletedAtOnce() {
    FileOutbox outbox = FileOutbox.open(dir.resolve("outbox.jsonl"));
    try (EventDispatcher d = dispatcher(new WindowedTransport(Duration.ZERO), outbox)) {
      d.publish(event("e1"));
      assertEquals(List.of(), keys(outbox));
      assertEquals(List.of(), scheduler.delays());
    }
  }

  @Test
  void cleanCloseWithinTheWindow_completesTheEntry() {
    Path file = dir.resolve("outbox.jsonl");
    FileOutbox outbox = FileOutbox.open(file);
    try (EventDispatcher d = dispatcher(new WindowedTransport(WINDOW), outbox)) {
      d.publish(event("e1"));
      assertEquals(List.of("e1/7"), keys(outbox));
    }
    try (FileOutbox reopened = FileOutbox.open(file)) {
      assertEquals(List.of(), keys(reopened), "the transport closed cleanly");
    }
  }

  @Test
  void failedCloseWithinTheWindow_leavesTheEntryPending_andTheNextStartSendsItAgain() {
    Path file = dir.resolve("outbox.jsonl");
    WindowedTransport failing =
        new WindowedTransport(WINDOW) {
          @Override
          public void close() {
            throw new IllegalStateException("connection reset while closing");
          }
        };
    try (EventDispatcher d = dispatcher(failing, FileOutbox.open(file))) {
      d.publish(event("e1"));
      assertEquals(List.of("e1/7"), failing.sent);
    }
    scheduler.advance(WINDOW); // the closed dispatcher's drain task completes nothing
    try (FileOutbox reopened = FileOutbox.open(file)) {
      assertEquals(List.of("e1/7"), keys(reopened));
    }
    WindowedTransport second = new WindowedTransport(Duration.ZERO);
    EventDispatcher restarted = dispatcher(second, FileOutbox.open(file));
    restarted.close();
    assertEquals(List.of("e1/7"), second.sent, "re-driven: a duplicate, not a loss");
    try (FileOutbox reopened = FileOutbox.open(file)) {
      assertEquals(List.of(), keys(reopened));
    }
  }

  @Test
  void receipt_negativeSettleAfter_isRefused() {
    Instant at = Instant.EPOCH;
    Duration negative = Duration.ofSeconds(-1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DeliveryReceipt.sentUnverified("Syslog", at, negative));
    assertEquals("settleAfter must not be negative, was PT-1S", e.getMessage());
    assertEquals(Duration.ZERO, DeliveryReceipt.sentUnverified("Syslog", at).settleAfter());
  }
}
