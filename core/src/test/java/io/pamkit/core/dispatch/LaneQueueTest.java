// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lane queue alone: entries of one notification or of a group, FIFO, bounded, lock-free. */
final class LaneQueueTest {
  private final List<EventDispatcher> toClose = new ArrayList<>();

  @AfterEach
  void tearDown() {
    toClose.forEach(d -> d.shutdown(Duration.ofSeconds(5)));
  }

  private static Notification notification(int i) {
    return Notification.of(
        ApplianceEvent.builder("UserCreated").id("e" + i).build(),
        Subscriber.builder("T").id(1).subscribe("UserCreated").build());
  }

  /** A group of three members on lane "T", taken from a real routing index. */
  private RoutingIndex.Group group() {
    EventDispatcher d =
        EventDispatcher.builder()
            .transport(new TestTransport("T"))
            .subscribers(
                List.of(
                    Subscriber.builder("T").id(1).subscribe("UserCreated").build(),
                    Subscriber.builder("T").id(2).subscribe("UserCreated").build(),
                    Subscriber.builder("T").id(3).subscribe("UserCreated").build()))
            .build();
    toClose.add(d);
    return d.routingIndex().route("UserCreated").groups[0];
  }

  @Test
  void constructor_capacityNotPowerOfTwo_throws() {
    assertThrows(IllegalArgumentException.class, () -> new LaneQueue(3));
  }

  @Test
  void offerAndClaim_singleNotifications_fifoUntilFullThenRefused() {
    LaneQueue q = new LaneQueue(4);
    List<Notification> in = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      in.add(notification(i));
      assertTrue(q.offer(in.get(i)));
    }
    assertFalse(q.offer(notification(4)), "full");
    assertEquals(4, q.size());
    assertEquals(4, q.notifications());

    long pos = q.claim();
    assertSame(in.get(0), q.item(pos));
    assertNull(q.group(pos));
    assertEquals(0, q.bits(pos));
    assertFalse(q.offer(notification(4)), "a claimed slot is not free until released");
    q.release(pos);
    assertTrue(q.offer(notification(4)), "released");
    for (int i = 1; i < 5; i++) {
      long p = q.claim();
      assertEquals(
          i == 4 ? "e4/1" : in.get(i).idempotencyKey(),
          ((Notification) q.item(p)).idempotencyKey());
      q.release(p);
    }
    assertEquals(-1, q.claim());
    assertFalse(q.claimedNonEmpty());
  }

  @Test
  void notifications_groupEntries_countSelectedMembers() {
    RoutingIndex.Group group = group();
    ApplianceEvent event = ApplianceEvent.builder("UserCreated").id("g").build();
    LaneQueue q = new LaneQueue(8);
    assertTrue(q.offer(event, group, 0b101));
    assertTrue(q.offer(notification(1)));
    assertTrue(q.offer(event, group, 0b111));

    assertEquals(3, q.size(), "entries");
    assertEquals(6, q.notifications(), "2 + 1 + 3 notifications");
    long pos = q.claim();
    assertSame(event, q.item(pos));
    assertSame(group, q.group(pos));
    assertEquals(0b101, q.bits(pos));
    q.release(pos);
    assertEquals(4, q.notifications());
  }

  @Test
  void concurrentProducersAndConsumers_wrapAround_everyEntryTakenExactlyOnce() throws Exception {
    int producers = 4;
    int consumers = 2;
    int perProducer = 50_000;
    LaneQueue q = new LaneQueue(64);
    List<Notification> all = new ArrayList<>();
    for (int i = 0; i < producers * perProducer; i++) {
      all.add(notification(i));
    }
    ConcurrentHashMap<Notification, AtomicInteger> taken = new ConcurrentHashMap<>();
    AtomicInteger remaining = new AtomicInteger(producers * perProducer);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int from = p * perProducer;
      threads.add(
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = from; i < from + perProducer; i++) {
                    while (!q.offer(all.get(i))) {
                      Thread.onSpinWait();
                    }
                  }
                } catch (Throwable t) {
                  failure.set(t);
                }
              }));
    }
    for (int c = 0; c < consumers; c++) {
      threads.add(
          new Thread(
              () -> {
                try {
                  start.await();
                  while (remaining.get() > 0) {
                    long pos = q.claim();
                    if (pos < 0) {
                      Thread.onSpinWait();
                      continue;
                    }
                    Notification n = (Notification) q.item(pos);
                    q.release(pos);
                    taken.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
                    remaining.decrementAndGet();
                  }
                } catch (Throwable t) {
                  failure.set(t);
                }
              }));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(60));
      assertFalse(t.isAlive(), "a thread did not finish");
    }
    assertNull(failure.get());
    assertEquals(all.size(), taken.size());
    taken.values().forEach(count -> assertEquals(1, count.get()));
    assertEquals(0, q.size());
  }
}
