// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The subscriber-churn scenario that the synchronous and the lane-based dispatch tests both run:
 * four threads publish {@code UserCreated} events while a fifth keeps adding and removing a
 * subscriber; afterwards every stable subscriber has each event exactly once, nobody has an event
 * it never subscribed to, and the removed subscriber gets nothing more.
 */
final class SubscriberChurn {
  private static final Subscriber STABLE =
      Subscriber.builder("Email").id(1).subscribe("UserCreated").build();
  private static final Subscriber EVERYTHING =
      Subscriber.builder("Email").id(2).subscribeToAllEvents(true).build();
  private static final Subscriber OTHER =
      Subscriber.builder("Email").id(3).subscribe("UserDeleted").build();
  private static final Subscriber CHURN =
      Subscriber.builder("Email").id(4).subscribe("UserCreated").build();

  /** The subscribers the dispatcher starts with and ends with. */
  static final List<Subscriber> BASE = List.of(STABLE, EVERYTHING, OTHER);

  private static final List<Subscriber> WITH_CHURN = List.of(STABLE, EVERYTHING, OTHER, CHURN);

  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  private final int perThread;

  SubscriberChurn(int perThread) {
    this.perThread = perThread;
  }

  /** An {@code Email} transport that counts deliveries by idempotency key. */
  TestTransport transport() {
    return new TestTransport(
        "Email",
        (n, attempt) ->
            deliveries
                .computeIfAbsent(n.idempotencyKey(), k -> new AtomicInteger())
                .incrementAndGet());
  }

  /**
   * Runs the publishers and the churning thread against the dispatcher, then sets {@link #BASE}
   * back and publishes one event {@code after}. Any exception a publisher throws fails the test.
   *
   * @param d a dispatcher with {@link #transport()} and {@link #BASE}
   */
  void run(EventDispatcher d) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean publishing = new AtomicBoolean(true);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> publishers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String prefix = "t" + t + "-";
      publishers.add(
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    d.publish(ApplianceEvent.builder("UserCreated").id(prefix + i).build());
                  }
                } catch (Throwable e) {
                  failure.set(e);
                }
              }));
    }
    Thread updater =
        new Thread(
            () -> {
              boolean add = true;
              while (publishing.get()) {
                d.updateSubscribers(add ? WITH_CHURN : BASE);
                add = !add;
              }
            });
    publishers.forEach(Thread::start);
    updater.start();
    start.countDown();
    for (Thread p : publishers) {
      p.join(TimeUnit.SECONDS.toMillis(60));
    }
    publishing.set(false);
    updater.join(TimeUnit.SECONDS.toMillis(60));
    d.updateSubscribers(BASE);
    d.publish(ApplianceEvent.builder("UserCreated").id("after").build());
    assertEquals(null, failure.get());
  }

  /** Asserts no lost and no phantom deliveries, once every delivery has happened. */
  void assertDeliveries() {
    for (int t = 0; t < 4; t++) {
      for (int i = 0; i < perThread; i++) {
        String id = "t" + t + "-" + i;
        assertEquals(1, count(id + "/1"), id + " to the stable subscriber");
        assertEquals(1, count(id + "/2"), id + " to the all-events subscriber");
        assertTrue(count(id + "/4") <= 1, id + " to the churning subscriber");
      }
    }
    assertEquals(0, count("after/4"));
    assertEquals(1, count("after/1"));
    for (String key : deliveries.keySet()) {
      assertTrue(
          key.endsWith("/1") || key.endsWith("/2") || key.endsWith("/4"),
          "phantom delivery " + key);
    }
  }

  private int count(String key) {
    AtomicInteger c = deliveries.get(key);
    return c == null ? 0 : c.get();
  }
}
