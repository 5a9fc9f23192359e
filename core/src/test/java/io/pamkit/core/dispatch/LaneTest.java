// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static io.pamkit.core.dispatch.EventDispatcherRoutingTest.keys;
import static io.pamkit.core.dispatch.LaneFixture.WAIT_SECONDS;
import static io.pamkit.core.dispatch.LaneFixture.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The asynchronous lanes, with real worker threads; waits are on latches, never on timing. */
final class LaneTest {
  private final LaneFixture lanes = new LaneFixture();

  @AfterEach
  void tearDown() {
    lanes.close();
  }

  private static ApplianceEvent event(int i) {
    return ApplianceEvent.builder("UserCreated").id("e" + i).build();
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertTrue(latch.await(WAIT_SECONDS, TimeUnit.SECONDS), "timed out waiting");
  }

  private static DispatchListener countingDeliveries(String channel, CountDownLatch latch) {
    return new DispatchListener() {
      @Override
      public void delivered(Notification n, DeliveryReceipt r, int attempt) {
        if (n.channel().equals(channel)) {
          latch.countDown();
        }
      }
    };
  }

  @Test
  void blockedTransport_doesNotDelayAnotherLane() throws Exception {
    TestTransport slow = lanes.blocking("Slow");
    TestTransport fast = new TestTransport("Fast");
    CountDownLatch fastDone = new CountDownLatch(500);
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder()
                .transport(slow, LaneConfig.builder().capacity(1024).build())
                .transport(fast)
                .subscribers(List.of(sub("Slow", 1), sub("Fast", 2)))
                .listener(countingDeliveries("Fast", fastDone)));
    for (int i = 0; i < 500; i++) {
      d.publish(event(i));
    }
    await(fastDone);
    await(lanes.entered);

    assertEquals(500, fast.delivered.size());
    assertEquals(0, slow.delivered.size(), "the slow lane is still blocked on its first send");
    LaneMetrics slowMetrics = d.metrics("Slow").orElseThrow();
    assertEquals(1, slowMetrics.inFlight());
    assertEquals(499, slowMetrics.queued());
    assertTrue(d.shutdown(Duration.ZERO).inFlight().size() <= 1);
  }

  private EventDispatcher fullLane(BackPressure policy, TestTransport fast) throws Exception {
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder()
                .transport(
                    lanes.blocking("Slow"),
                    LaneConfig.builder().capacity(2).backPressure(policy).build())
                .transport(fast)
                .subscribers(List.of(sub("Slow", 1), sub("Fast", 2))));
    d.publish(event(0));
    await(lanes.entered);
    d.publish(event(1));
    d.publish(event(2));
    return d;
  }

  @Test
  void refusePolicy_fullLane_throwsWithTheRejectedNotificationOnly() throws Exception {
    TestTransport fast = new TestTransport("Fast");
    EventDispatcher d = fullLane(BackPressure.refuse(), fast);

    PublishRejectedException e =
        assertThrows(PublishRejectedException.class, () -> d.publish(event(3)));
    assertEquals(PublishRejectedException.Reason.LANE_FULL, e.reason());
    assertEquals(List.of("e3/1"), keys(e.rejected()));
    assertTrue(e.getMessage().contains("lane 'Slow' full"), e.getMessage());
    LaneMetrics m = d.metrics("Slow").orElseThrow();
    assertEquals(2, m.queued());
    assertEquals(1, m.inFlight());
    d.shutdown(Duration.ZERO);
    assertTrue(
        fast.attempts.stream().anyMatch(n -> n.idempotencyKey().equals("e3/2")),
        "the other lane accepted its notification of the same event");
  }

  @Test
  void blockPolicy_fullLaneStaysFull_throwsAfterTheTimeout() throws Exception {
    EventDispatcher d =
        fullLane(BackPressure.block(Duration.ofMillis(50)), new TestTransport("Fast"));
    PublishRejectedException e =
        assertThrows(PublishRejectedException.class, () -> d.publish(event(3)));
    assertEquals(PublishRejectedException.Reason.LANE_FULL, e.reason());
    assertEquals(List.of("e3/1"), keys(e.rejected()));
  }

  @Test
  void blockPolicy_laneDrains_publishReturnsAndEverythingIsDelivered() throws Exception {
    CountDownLatch slowDone = new CountDownLatch(4);
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder()
                .transport(
                    lanes.blocking("Slow"),
                    LaneConfig.builder()
                        .capacity(2)
                        .backPressure(BackPressure.block(Duration.ofSeconds(WAIT_SECONDS)))
                        .build())
                .subscribers(List.of(sub("Slow", 1)))
                .listener(countingDeliveries("Slow", slowDone)));
    d.publish(event(0));
    await(lanes.entered);
    d.publish(event(1));
    d.publish(event(2));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread publisher =
        new Thread(
            () -> {
              try {
                d.publish(event(3));
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    publisher.start();
    lanes.release.countDown();
    publisher.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    await(slowDone);
    assertEquals(null, failure.get());
    assertEquals(4, d.metrics("Slow").orElseThrow().delivered());
  }

  @Test
  void transportThrowing_workerSurvivesAndRetryDelivers() throws Exception {
    FakeClock clock = new FakeClock();
    ManualScheduler scheduler = new ManualScheduler(clock);
    TestTransport flaky =
        new TestTransport(
            "Flaky",
            (n, attempt) -> {
              if (attempt == 1) {
                throw new IllegalStateException("boom");
              }
            });
    CountDownLatch retryScheduled = new CountDownLatch(1);
    CountDownLatch delivered = new CountDownLatch(2);
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder()
                .clock(clock)
                .scheduler(scheduler)
                .random(RetryTest.fixed(0.5))
                .transport(flaky)
                .subscribers(
                    List.of(Subscriber.builder("Flaky").id(1).subscribe("UserCreated").build()))
                .listener(
                    new DispatchListener() {
                      @Override
                      public void retryScheduled(Notification n, Attempt failed, Duration delay) {
                        retryScheduled.countDown();
                      }

                      @Override
                      public void delivered(Notification n, DeliveryReceipt r, int attempt) {
                        delivered.countDown();
                      }
                    }));
    d.publish(event(0));
    await(retryScheduled);
    d.publish(event(1));
    scheduler.advance(Duration.ofMinutes(1));
    await(delivered);
    assertEquals(List.of("e0/1", "e0/1", "e1/1"), keys(flaky.attempts).stream().sorted().toList());
    assertEquals(2, flaky.delivered.size());
  }

  @Test
  void idleLane_workerParksInsteadOfSpinning() throws Exception {
    List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(10);
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder()
                .transport(new TestTransport("Fast"))
                .threadFactory(
                    r -> {
                      Thread t = new Thread(r);
                      threads.add(t);
                      return t;
                    })
                .subscribers(List.of(sub("Fast", 1)))
                .listener(countingDeliveries("Fast", done)));
    for (int i = 0; i < 10; i++) {
      d.publish(event(i));
    }
    await(done);
    Thread worker = threads.get(0);
    assertEquals("pamkit-lane-Fast-0", worker.getName());
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (worker.getState() != Thread.State.WAITING && System.nanoTime() < giveUp) {
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    assertEquals(Thread.State.WAITING, worker.getState(), "an idle worker is parked");
    d.publish(event(10));
    assertTrue(d.shutdown(Duration.ofSeconds(WAIT_SECONDS)).drained(), "a parked worker wakes up");
    assertEquals(11, d.metrics("Fast").orElseThrow().delivered());
  }

  @Test
  void shutdown_everythingDelivers_drainedAndTransportsClosed() throws Exception {
    TestTransport fast = new TestTransport("Fast");
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder().transport(fast).subscribers(List.of(sub("Fast", 1))));
    for (int i = 0; i < 100; i++) {
      d.publish(event(i));
    }
    ShutdownReport report = d.shutdown(Duration.ofSeconds(WAIT_SECONDS));

    assertTrue(report.drained());
    assertEquals(100, fast.delivered.size());
    assertEquals(1, fast.closed.get());
    PublishRejectedException e =
        assertThrows(PublishRejectedException.class, () -> d.publish(event(100)));
    assertEquals(PublishRejectedException.Reason.SHUT_DOWN, e.reason());
    assertEquals(report, d.shutdown(Duration.ZERO), "idempotent");
  }

  @Test
  void shutdown_deadlinePasses_reportsInFlightAndUndeliveredEachOnce() throws Exception {
    TestTransport slow = lanes.blocking("Slow");
    EventDispatcher d =
        lanes.dispatcher(
            EventDispatcher.builder()
                .transport(slow, LaneConfig.builder().capacity(8).build())
                .subscribers(List.of(sub("Slow", 1))));
    d.publish(event(0));
    await(lanes.entered);
    for (int i = 1; i < 5; i++) {
      d.publish(event(i));
    }
    ShutdownReport report = d.shutdown(Duration.ofMillis(200));

    assertFalse(report.drained());
    assertEquals(List.of("e0/1"), keys(report.inFlight()));
    assertEquals(List.of("e1/1", "e2/1", "e3/1", "e4/1"), keys(report.undelivered()));
  }
}
