// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static io.pamkit.core.dispatch.EventDispatcherRoutingTest.keys;
import static io.pamkit.core.dispatch.LaneFixture.WAIT_SECONDS;
import static io.pamkit.core.dispatch.LaneFixture.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.PropertyFilter;
import io.pamkit.core.subscription.Subscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous path without listener nor outbox: one queue entry per event and lane (per 64
 * subscribers of a lane), the notifications created by the lane's worker. Same outcomes as one
 * entry per notification: order per lane, filters, back-pressure, shutdown accounting.
 */
final class GroupedDispatchTest {
  private final LaneFixture lanes = new LaneFixture();

  @AfterEach
  void tearDown() {
    lanes.close();
  }

  private static Subscriber filtered(String channel, int id) {
    return Subscriber.builder(channel)
        .id(id)
        .subscribe("UserCreated")
        .filter(PropertyFilter.of(Map.of("AssetName", Set.of("dc01"))))
        .build();
  }

  private static ApplianceEvent event(int i, String asset) {
    return ApplianceEvent.builder("UserCreated").id("e" + i).property("AssetName", asset).build();
  }

  private static ApplianceEvent event(int i) {
    return ApplianceEvent.builder("UserCreated").id("e" + i).build();
  }

  @Test
  void route_groupsByLaneInFirstAppearanceOrder_chunksOf64_unroutedApart() {
    List<Subscriber> subscribers = new ArrayList<>();
    subscribers.add(sub("B", 1000));
    for (int i = 0; i < 70; i++) {
      subscribers.add(i % 10 == 0 ? filtered("A", i) : sub("A", i));
    }
    subscribers.add(sub("Missing", 2000));
    subscribers.add(sub("B", 1001));
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder()
                .transport(new TestTransport("A"))
                .transport(new TestTransport("B"))
                .subscribers(subscribers));

    RoutingIndex.Route route = d.routingIndex().route("UserCreated");
    assertEquals(3, route.groups.length);
    RoutingIndex.Group b = route.groups[0];
    RoutingIndex.Group a1 = route.groups[1];
    RoutingIndex.Group a2 = route.groups[2];
    assertEquals(List.of(1000, 1001), ids(b.subscribers));
    assertEquals(64, a1.subscribers.length);
    assertEquals(-1L, a1.all);
    assertEquals(6, a2.subscribers.length);
    assertEquals(0b111111L, a2.all);
    assertEquals(64, ids(a2.subscribers).get(0));
    assertSame(a1.lane, a2.lane);
    assertEquals(List.of(2000), ids(route.unrouted));

    assertEquals(b.all, b.match(event(0, "dc02")), "no filter in the group");
    long unfiltered =
        a1.all & ~(1L | 1L << 10 | 1L << 20 | 1L << 30 | 1L << 40 | 1L << 50 | 1L << 60);
    assertEquals(unfiltered, a1.match(event(0, "dc02")));
    assertEquals(a1.all, a1.match(event(0, "dc01")));
    assertEquals(a2.all, a2.match(event(0, "dc02")), "subscribers 64 to 69 have no filter");
  }

  private static List<Integer> ids(Subscriber[] subscribers) {
    List<Integer> out = new ArrayList<>();
    for (Subscriber s : subscribers) {
      out.add(s.id());
    }
    return out;
  }

  @Test
  void publish_manySubscribersWithFilters_eachMatchDeliveredOnceInSubscriberOrder() {
    TestTransport a = new TestTransport("A");
    TestTransport b = new TestTransport("B");
    List<Subscriber> subscribers = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      subscribers.add(i % 10 == 0 ? filtered("A", i) : sub("A", i));
    }
    subscribers.add(sub("B", 100));
    subscribers.add(sub("Missing", 200));
    InMemoryDeadLetterSink sink = new InMemoryDeadLetterSink();
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder()
                .transport(a)
                .transport(b)
                .subscribers(subscribers)
                .deadLetterSink(sink));
    d.publish(event(0, "dc01"));
    d.publish(event(1, "dc02"));
    assertTrue(d.shutdown(Duration.ofSeconds(WAIT_SECONDS)).drained());

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      expected.add("e0/" + i);
    }
    for (int i = 0; i < 70; i++) {
      if (i % 10 != 0) {
        expected.add("e1/" + i);
      }
    }
    assertEquals(expected, keys(a.delivered), "one worker: subscriber order, event order");
    assertEquals(List.of("e0/100", "e1/100"), keys(b.delivered));
    assertEquals(2, sink.list().size(), "the channel without transport, once per event");
    assertEquals("e0/200", sink.list().get(0).notification().idempotencyKey());
    LaneMetrics m = d.metrics("A").orElseThrow();
    assertEquals(expected.size(), m.delivered());
    assertEquals(0, m.queued());
  }

  @Test
  void metricsAndShutdown_deadlinePasses_restOfEntryAndQueuedEntriesReportedOnce()
      throws Exception {
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder()
                .transport(lanes.blocking("Slow"), LaneConfig.builder().capacity(8).build())
                .subscribers(List.of(sub("Slow", 1), sub("Slow", 2), sub("Slow", 3))));
    d.publish(event(0));
    assertTrue(lanes.entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
    d.publish(event(1));
    d.publish(event(2));

    LaneMetrics m = d.metrics("Slow").orElseThrow();
    assertEquals(1, m.inFlight());
    assertEquals(2 + 3 + 3, m.queued(), "rest of the entry being sent, then two entries of 3");
    ShutdownReport report = d.shutdown(Duration.ofMillis(200));

    assertFalse(report.drained());
    assertEquals(List.of("e0/1"), keys(report.inFlight()));
    assertEquals(
        List.of("e0/2", "e0/3", "e1/1", "e1/2", "e1/3", "e2/1", "e2/2", "e2/3"),
        keys(report.undelivered()));
  }

  @Test
  void refusePolicy_fullLane_rejectsEveryNotificationOfTheEntryAndOnlyThose() throws Exception {
    TestTransport fast = new TestTransport("Fast");
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder()
                .transport(
                    lanes.blocking("Slow"),
                    LaneConfig.builder().capacity(2).backPressure(BackPressure.refuse()).build())
                .transport(fast)
                .subscribers(List.of(sub("Slow", 1), sub("Fast", 2), sub("Slow", 3))));
    d.publish(event(0));
    assertTrue(lanes.entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
    d.publish(event(1));
    d.publish(event(2));

    PublishRejectedException e =
        assertThrows(PublishRejectedException.class, () -> d.publish(event(3)));
    assertEquals(PublishRejectedException.Reason.LANE_FULL, e.reason());
    assertEquals(List.of("e3/1", "e3/3"), keys(e.rejected()));
    assertTrue(e.getMessage().contains("lane 'Slow' full"), e.getMessage());
    assertEquals(1 + 2 + 2, d.metrics("Slow").orElseThrow().queued());
    d.shutdown(Duration.ZERO);
    assertTrue(keys(fast.attempts).contains("e3/2"), "the other lane accepted its notification");
  }

  @Test
  void breakerOpensMidEntry_restOfEntryHeldThenDelivered() throws Exception {
    FakeClock clock = new FakeClock();
    CountDownLatch failed = new CountDownLatch(1);
    TestTransport t =
        new TestTransport(
            "T",
            (n, attempt) -> {
              if (attempt == 1) {
                failed.countDown();
                throw TestTransport.failure("T", FailureType.PERMANENT_TRANSPORT, "down");
              }
            });
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder()
                .transport(
                    t,
                    LaneConfig.builder()
                        .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                        .circuitBreaker(
                            CircuitBreakerConfig.builder()
                                .openDuration(Duration.ofSeconds(30))
                                .build())
                        .build())
                .clock(clock)
                .subscribers(List.of(sub("T", 1), sub("T", 2), sub("T", 3))));
    d.publish(event(0));
    assertTrue(failed.await(WAIT_SECONDS, TimeUnit.SECONDS));
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (d.metrics("T").orElseThrow().deadLettered() == 0 && System.nanoTime() < giveUp) {
      Thread.onSpinWait();
    }
    LaneMetrics open = d.metrics("T").orElseThrow();
    assertEquals(BreakerState.OPEN, open.breakerState());
    assertEquals(2, open.queued(), "the rest of the entry waits for the breaker");
    assertEquals(List.of("e0/1"), keys(t.attempts));

    clock.advance(Duration.ofSeconds(31));
    assertTrue(d.shutdown(Duration.ofSeconds(WAIT_SECONDS)).drained());
    assertEquals(List.of("e0/2", "e0/3"), keys(t.delivered));
  }

  @Test
  void publish_subscribersChangingWhileFourThreadsPublish_noLostNorPhantomDeliveries()
      throws Exception {
    SubscriberChurn churn = new SubscriberChurn(2_000);
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder()
                .transport(
                    churn.transport(),
                    LaneConfig.builder()
                        .capacity(256)
                        .backPressure(BackPressure.block(Duration.ofSeconds(WAIT_SECONDS)))
                        .build())
                .subscribers(SubscriberChurn.BASE));
    churn.run(d);
    assertTrue(d.shutdown(Duration.ofSeconds(WAIT_SECONDS)).drained());
    churn.assertDeliveries();
  }
}
