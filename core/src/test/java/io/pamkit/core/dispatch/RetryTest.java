// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static io.pamkit.core.dispatch.EventDispatcherRoutingTest.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

final class RetryTest {
  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final Subscriber subscriber =
      Subscriber.builder("Email").id(1).subscribe("UserCreated").build();

  private EventDispatcher dispatcher(TestTransport t, RetryPolicy retry, DispatchListener l) {
    return EventDispatcher.builder()
        .synchronous(true)
        .clock(clock)
        .scheduler(scheduler)
        .random(fixed(0.5))
        .listener(l)
        .transport(
            t,
            LaneConfig.builder()
                .retryPolicy(retry)
                .circuitBreaker(CircuitBreakerConfig.builder().failureThreshold(100).build())
                .build())
        .subscribers(List.of(subscriber))
        .build();
  }

  private EventDispatcher dispatcher(TestTransport t, RetryPolicy retry) {
    return dispatcher(t, retry, DispatchListener.NONE);
  }

  /** A transport whose first attempt is refused with HTTP 429 and this Retry-After. */
  private static TestTransport rateLimitedOnce(Duration retryAfter) {
    return TestTransport.failingFirst(
        "Email",
        1,
        attempt ->
            new DeliveryException("Email", FailureType.RATE_LIMITED, "429", retryAfter, null));
  }

  /** Records each scheduled retry's failed attempt and delay, and each delivery's attempt. */
  private static final class Recorder implements DispatchListener {
    final List<Attempt> failed = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();
    final List<Integer> deliveredAttempts = new ArrayList<>();

    @Override
    public void retryScheduled(Notification n, Attempt attempt, Duration delay) {
      failed.add(attempt);
      delays.add(delay);
    }

    @Override
    public void delivered(Notification n, DeliveryReceipt r, int attempt) {
      deliveredAttempts.add(attempt);
    }
  }

  static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  private static ApplianceEvent event() {
    return ApplianceEvent.builder("UserCreated").id("e1").build();
  }

  @Test
  void transientFailures_retriedWithExponentialBackoff_thenDelivered() {
    TestTransport t =
        TestTransport.failingFirst(
            "Email",
            3,
            attempt ->
                TestTransport.failure(
                    "Email", FailureType.TRANSIENT, "connection refused " + attempt));
    Recorder l = new Recorder();
    List<Duration> retryDelays = l.delays;
    List<Integer> deliveredAttempt = l.deliveredAttempts;
    RetryPolicy policy =
        RetryPolicy.builder().initialDelay(Duration.ofSeconds(1)).multiplier(2).jitter(0).build();
    try (EventDispatcher d = dispatcher(t, policy, l)) {
      d.publish(event());
      assertEquals(1, t.attempts.size());
      assertEquals(List.of(Duration.ofSeconds(1)), scheduler.delays());

      scheduler.advance(Duration.ofMillis(999));
      assertEquals(1, t.attempts.size(), "not retried before the delay");
      scheduler.advance(Duration.ofMillis(1));
      assertEquals(2, t.attempts.size());
      scheduler.advance(Duration.ofSeconds(2));
      assertEquals(3, t.attempts.size());
      scheduler.advance(Duration.ofSeconds(4));
      assertEquals(4, t.attempts.size());

      assertEquals(
          List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
          retryDelays);
      assertEquals(List.of("e1/1"), keys(t.delivered));
      assertEquals(List.of(4), deliveredAttempt);
      LaneMetrics m = d.metrics("Email").orElseThrow();
      assertEquals(1, m.delivered());
      assertEquals(3, m.failedAttempts());
      assertEquals(3, m.retried());
      assertEquals(0, m.queued());
      assertTrue(m.latencySamples() >= 3, "every retry is timed");
    }
  }

  @Test
  void rateLimited_retryAfterLongerThanBackoff_isHonoured() {
    TestTransport t = rateLimitedOnce(Duration.ofSeconds(30));
    try (EventDispatcher d = dispatcher(t, RetryPolicy.builder().jitter(0).build())) {
      d.publish(event());
      assertEquals(List.of(Duration.ofSeconds(30)), scheduler.delays());
      scheduler.advance(Duration.ofSeconds(29));
      assertEquals(0, t.delivered.size());
      scheduler.advance(Duration.ofSeconds(1));
      assertEquals(1, t.delivered.size());
    }
  }

  @Test
  void maxAttemptsReached_deadLetteredWithEveryAttemptsReason() {
    TestTransport t =
        TestTransport.failingFirst(
            "Email",
            Integer.MAX_VALUE,
            attempt -> TestTransport.failure("Email", FailureType.TRANSIENT, "timeout " + attempt));
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).jitter(0).build();
    try (EventDispatcher d = dispatcher(t, policy)) {
      d.publish(event());
      scheduler.advance(Duration.ofMinutes(10));

      assertEquals(3, t.attempts.size());
      List<DeadLetter> letters = d.deadLetterSink().list();
      assertEquals(1, letters.size());
      DeadLetter dl = letters.get(0);
      assertEquals("e1/1", dl.notification().idempotencyKey());
      assertEquals(
          List.of("timeout 1", "timeout 2", "timeout 3"),
          dl.attempts().stream().map(Attempt::reason).toList());
      assertEquals(List.of(1, 2, 3), dl.attempts().stream().map(Attempt::number).toList());
      assertEquals(Instant.parse("2026-01-01T00:00:00Z"), dl.attempts().get(0).at());
      assertEquals(Instant.parse("2026-01-01T00:00:03Z"), dl.attempts().get(2).at());
      assertEquals("timeout 3 (attempt 3 of 3)", dl.reason());
      assertEquals(1, d.metrics("Email").orElseThrow().deadLettered());
    }
  }

  @Test
  void permanentMessageFailure_deadLetteredWithoutRetry() {
    TestTransport t =
        TestTransport.failingAlways("Email", FailureType.PERMANENT_MESSAGE, "550 no such user");
    try (EventDispatcher d = dispatcher(t, RetryPolicy.defaults())) {
      d.publish(event());
      assertEquals(List.of(), scheduler.delays());
      assertEquals("550 no such user", d.deadLetterSink().list().get(0).reason());
    }
  }

  @Test
  void transportThrowsRuntimeException_treatedAsTransientFailureWithReason() {
    TestTransport t =
        TestTransport.failingFirst(
            "Email", 1, attempt -> new IllegalStateException("secret=hunter2"));
    Recorder l = new Recorder();
    List<Attempt> failed = l.failed;
    try (EventDispatcher d = dispatcher(t, RetryPolicy.builder().jitter(0).build(), l)) {
      d.publish(event());
      assertEquals(FailureType.TRANSIENT, failed.get(0).failureType());
      assertEquals(
          "transport 'Email' threw java.lang.IllegalStateException", failed.get(0).reason());
      scheduler.advance(Duration.ofSeconds(1));
      assertEquals(1, t.delivered.size());
    }
  }

  @Test
  void delayAfter_jitterAndCap() {
    RetryPolicy p =
        RetryPolicy.builder()
            .initialDelay(Duration.ofSeconds(10))
            .multiplier(3)
            .maxDelay(Duration.ofSeconds(60))
            .jitter(0.5)
            .build();
    assertEquals(Duration.ofSeconds(5), p.delayAfter(1, null, 0));
    assertEquals(Duration.ofSeconds(10), p.delayAfter(1, null, 0.5));
    assertEquals(Duration.ofSeconds(30), p.delayAfter(2, null, 0.5));
    assertEquals(Duration.ofSeconds(60), p.delayAfter(3, null, 0.5), "capped");
    assertEquals(
        Duration.ofSeconds(60),
        p.delayAfter(3, null, 0.9999999999),
        "jitter then cap: never longer than maxDelay");
    assertEquals(
        Duration.ofSeconds(60),
        p.delayAfter(Integer.MAX_VALUE, null, 0.9),
        "no overflow for many failures");
    assertEquals(Duration.ofMinutes(10), p.delayAfter(1, Duration.ofMinutes(10), 0.5));
  }

  @Test
  void delayAfter_hugeRetryAfter_cappedWithoutOverflow() {
    RetryPolicy p = RetryPolicy.defaults();
    assertEquals(Duration.ofHours(1), p.delayAfter(1, Duration.ofSeconds(Long.MAX_VALUE), 0.5));
    assertEquals(Duration.ofHours(1), p.delayAfter(1, Duration.ofDays(400_000), 0.5));
    assertEquals(Duration.ofMinutes(2), p.delayAfter(1, Duration.ofMinutes(2), 0.5));
  }

  @Test
  void rateLimited_hugeRetryAfter_retriedAfterTheCapNotStranded() {
    TestTransport t = rateLimitedOnce(Duration.ofSeconds(Long.MAX_VALUE));
    try (EventDispatcher d = dispatcher(t, RetryPolicy.builder().jitter(0).build())) {
      d.publish(event());
      assertEquals(List.of(Duration.ofHours(1)), scheduler.delays());
      scheduler.advance(Duration.ofHours(1));
      assertEquals(1, t.delivered.size());
    }
  }

  @Test
  void defaults_relayDownForAnHour_noDeadLetter() {
    TestTransport t = TestTransport.failingAlways("Email", FailureType.TRANSIENT, "421 restarting");
    try (EventDispatcher d = dispatcher(t, RetryPolicy.defaults())) {
      d.publish(event());
      for (int i = 0; i < 60; i++) {
        scheduler.advance(Duration.ofMinutes(1));
      }
      assertTrue(t.attempts.size() > 10, "still retrying: " + t.attempts.size());
      assertEquals(List.of(), d.deadLetterSink().list());
      t.behaviour((n, attempt) -> {});
      scheduler.advance(Duration.ofMinutes(6));
      assertEquals(1, t.delivered.size());
    }
  }

  @Test
  void maxAge_reached_deadLetteredWithTheReason() {
    TestTransport t = TestTransport.failingAlways("Email", FailureType.TRANSIENT, "421 busy");
    RetryPolicy policy = RetryPolicy.builder().jitter(0).maxAge(Duration.ofSeconds(10)).build();
    try (EventDispatcher d = dispatcher(t, policy)) {
      d.publish(event());
      for (int i = 0; i < 20; i++) {
        scheduler.advance(Duration.ofSeconds(1));
      }
      // 1 + 2 + 4 = 7 s of back-off; the next (8 s) would end after 10 s.
      assertEquals(4, t.attempts.size());
      List<DeadLetter> dead = d.deadLetterSink().list();
      assertEquals(1, dead.size());
      assertTrue(dead.get(0).reason().contains("maximum age PT10S"), dead.get(0).reason());
    }
  }

  @Test
  void jitter_randomSourceChoosesFactor() {
    TestTransport t =
        TestTransport.failingFirst(
            "Email", 1, attempt -> TestTransport.failure("Email", FailureType.TRANSIENT, "x"));
    try (EventDispatcher d =
        EventDispatcher.builder()
            .synchronous(true)
            .clock(clock)
            .scheduler(scheduler)
            .random(fixed(0.0))
            .transport(
                t,
                LaneConfig.builder().retryPolicy(RetryPolicy.builder().jitter(0.2).build()).build())
            .subscribers(List.of(subscriber))
            .build()) {
      d.publish(event());
      assertEquals(List.of(Duration.ofMillis(800)), scheduler.delays());

      ShutdownReport report = d.shutdown(Duration.ZERO);
      assertEquals(false, report.drained());
      assertEquals(List.of("e1/1"), keys(report.undelivered()), "the retry never ran");
      assertEquals(0, scheduler.pending(), "the retry was cancelled");
    }
  }

  @Test
  void builder_invalidValues_throwWithTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0));
    assertTrue(e.getMessage().contains("0"));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().jitter(1.5));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().multiplier(0.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(-1)));
    IllegalStateException s =
        assertThrows(
            IllegalStateException.class,
            () ->
                RetryPolicy.builder()
                    .initialDelay(Duration.ofMinutes(10))
                    .maxDelay(Duration.ofMinutes(1))
                    .build());
    assertTrue(s.getMessage().contains("PT10M"));
    assertEquals(
        RetryPolicy.defaults().toString(), RetryPolicy.defaults().toBuilder().build().toString());
  }
}
