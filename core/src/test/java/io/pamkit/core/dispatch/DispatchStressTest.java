// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.PropertyFilter;
import io.pamkit.core.subscription.Subscriber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Four publisher threads, 100,000 events, two notifications each, transports failing at random
 * (transient faults, rate limits, permanent refusals, exceptions): every notification ends
 * delivered or dead-lettered, and is counted exactly once.
 */
final class DispatchStressTest {
  private static final int THREADS = 4;
  private static final int EVENTS = 100_000;

  /** Fails about 8% of attempts in various ways. */
  private static final class RandomlyFailing implements Transport {
    private final String id;

    /** The keys this transport delivered, with how many times. */
    final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();

    RandomlyFailing(String id) {
      this.id = id;
    }

    @Override
    public String channel() {
      return id;
    }

    @Override
    public DeliveryReceipt send(Notification n) {
      int r = ThreadLocalRandom.current().nextInt(100);
      if (r < 5) {
        throw new DeliveryException(id, FailureType.TRANSIENT, "timeout", null);
      } else if (r < 6) {
        throw new DeliveryException(
            id, FailureType.RATE_LIMITED, "slow down", Duration.ofMillis(1), null);
      } else if (r < 7) {
        throw new DeliveryException(id, FailureType.PERMANENT_MESSAGE, "refused", null);
      } else if (r < 8) {
        throw new IllegalStateException("transport bug");
      }
      delivered.computeIfAbsent(n.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
      return new DeliveryReceipt(id, null, Instant.EPOCH);
    }
  }

  /** Shuts the dispatcher down and asserts nothing was left queued or in flight. */
  private static void assertDrained(EventDispatcher d) {
    ShutdownReport report = d.shutdown(Duration.ofSeconds(60));
    assertTrue(
        report.drained(),
        () ->
            "left: "
                + report.undelivered().size()
                + " undelivered, "
                + report.inFlight().size()
                + " in flight");
  }

  private static LaneConfig lane() {
    return LaneConfig.builder()
        .capacity(4096)
        .backPressure(BackPressure.block(Duration.ofSeconds(60)))
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(3)
                .initialDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(5))
                .build())
        .circuitBreaker(
            CircuitBreakerConfig.builder()
                .failureThreshold(4)
                .openDuration(Duration.ofMillis(5))
                .build())
        .build();
  }

  private static void publishFromFourThreads(EventDispatcher d, String eventName)
      throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Thread p =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = thread; i < EVENTS; i += THREADS) {
                    d.publish(
                        ApplianceEvent.builder(eventName)
                            .id("e" + i)
                            .property("AssetName", i % 2 == 0 ? "even" : "odd")
                            .build());
                  }
                } catch (Throwable e) {
                  failure.set(e);
                }
              });
      threads.add(p);
      p.start();
    }
    start.countDown();
    for (Thread p : threads) {
      p.join(TimeUnit.SECONDS.toMillis(120));
    }
    assertEquals(null, failure.get());
  }

  /**
   * Without listener nor outbox, the lanes take one entry per event and lane and their workers
   * create the notifications: three per event here (two on one lane, one filtered in half the
   * time), counted from the transports' own records and the dead-letter sink.
   */
  @Test
  void fourPublishers_noListener_groupedEntries_everyNotificationCountedExactlyOnce()
      throws Exception {
    RandomlyFailing syslog = new RandomlyFailing("Syslog");
    RandomlyFailing email = new RandomlyFailing("Email");
    InMemoryDeadLetterSink sink = new InMemoryDeadLetterSink();
    List<Subscriber> subscribers =
        List.of(
            Subscriber.builder("Email").id(1).subscribe("UserDeleted").build(),
            Subscriber.builder("Syslog").id(2).subscribeToAllEvents(true).build(),
            Subscriber.builder("Email")
                .id(3)
                .subscribe("UserDeleted")
                .filter(PropertyFilter.of(Map.of("AssetName", Set.of("even"))))
                .build(),
            Subscriber.builder("Email").id(4).subscribe("NeverPublished").build());
    EventDispatcher d =
        EventDispatcher.builder()
            .transport(syslog, lane())
            .transport(email, lane().toBuilder().workers(2).build())
            .subscribers(subscribers)
            .deadLetterSink(sink)
            .build();
    publishFromFourThreads(d, "UserDeleted");
    assertDrained(d);
    Map<String, Integer> outcomes = new HashMap<>();
    for (RandomlyFailing t : List.of(syslog, email)) {
      t.delivered.forEach((k, v) -> outcomes.merge(k, v.get(), Integer::sum));
    }
    for (DeadLetter dl : sink.list()) {
      outcomes.merge(dl.notification().idempotencyKey(), 1, Integer::sum);
    }
    int expected = EVENTS * 2 + EVENTS / 2;
    assertEquals(expected, outcomes.size());
    outcomes.forEach((k, v) -> assertEquals(1, v, k));
    for (int i = 0; i < EVENTS; i++) {
      assertTrue(outcomes.containsKey("e" + i + "/1"));
      assertTrue(outcomes.containsKey("e" + i + "/2"));
      assertEquals(i % 2 == 0, outcomes.containsKey("e" + i + "/3"));
    }
    long metricsTotal = 0;
    for (LaneMetrics m : d.metrics()) {
      metricsTotal += m.delivered() + m.deadLettered();
      assertEquals(0, m.queued());
      assertEquals(0, m.inFlight());
    }
    assertEquals(expected, metricsTotal);
    assertTrue(sink.list().size() > 0, "the failure mix produced dead letters");
  }

  @Test
  void fourPublishers_randomFailures_everyNotificationDeliveredOrDeadLetteredExactlyOnce()
      throws Exception {
    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>(4 * EVENTS);
    AtomicInteger published = new AtomicInteger();
    AtomicInteger delivered = new AtomicInteger();
    AtomicInteger deadLettered = new AtomicInteger();
    DispatchListener listener =
        new DispatchListener() {
          @Override
          public void published(Notification n) {
            published.incrementAndGet();
          }

          @Override
          public void delivered(Notification n, DeliveryReceipt r, int attempt) {
            delivered.incrementAndGet();
            outcomes
                .computeIfAbsent(n.idempotencyKey(), k -> new AtomicInteger())
                .incrementAndGet();
          }

          @Override
          public void deadLettered(DeadLetter d) {
            deadLettered.incrementAndGet();
            outcomes
                .computeIfAbsent(d.notification().idempotencyKey(), k -> new AtomicInteger())
                .incrementAndGet();
          }
        };
    LaneConfig lane = lane();
    List<Subscriber> subscribers =
        List.of(
            Subscriber.builder("Syslog").id(1).subscribeToAllEvents(true).build(),
            Subscriber.builder("Email").id(2).subscribe("UserCreated").build(),
            Subscriber.builder("Email").id(3).subscribe("NeverPublished").build());
    EventDispatcher d =
        EventDispatcher.builder()
            .transport(new RandomlyFailing("Syslog"), lane)
            .transport(new RandomlyFailing("Email"), lane.toBuilder().workers(2).build())
            .subscribers(subscribers)
            .listener(listener)
            .build();

    publishFromFourThreads(d, "UserCreated");
    assertDrained(d);
    assertEquals(2 * EVENTS, published.get());
    assertEquals(2 * EVENTS, delivered.get() + deadLettered.get());
    assertEquals(2 * EVENTS, outcomes.size());
    for (Map.Entry<String, AtomicInteger> e : outcomes.entrySet()) {
      assertEquals(1, e.getValue().get(), e.getKey());
    }
    for (int i = 0; i < EVENTS; i++) {
      assertTrue(outcomes.containsKey("e" + i + "/1"));
      assertTrue(outcomes.containsKey("e" + i + "/2"));
    }
    long metricsTotal = 0;
    for (LaneMetrics m : d.metrics()) {
      metricsTotal += m.delivered() + m.deadLettered();
      assertEquals(0, m.queued());
      assertEquals(0, m.inFlight());
    }
    assertEquals(2 * EVENTS, metricsTotal);
    assertTrue(deadLettered.get() > 0, "the failure mix produced dead letters");
  }
}
