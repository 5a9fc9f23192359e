// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CircuitBreakerTest {
  private final FakeClock clock = new FakeClock();
  private final List<String> transitions = new ArrayList<>();
  private final CircuitBreaker breaker =
      new CircuitBreaker(
          CircuitBreakerConfig.builder()
              .failureThreshold(3)
              .openDuration(Duration.ofSeconds(30))
              .halfOpenSuccesses(2)
              .build(),
          clock,
          (from, to) -> transitions.add(from + "->" + to));

  @Test
  void closed_consecutiveFailuresReachThreshold_opens() {
    breaker.onFailure(FailureType.TRANSIENT);
    breaker.onFailure(FailureType.RATE_LIMITED);
    assertEquals(BreakerState.CLOSED, breaker.state());
    breaker.onFailure(FailureType.TRANSIENT);
    assertEquals(BreakerState.OPEN, breaker.state());
    assertEquals(List.of("CLOSED->OPEN"), transitions);
  }

  @Test
  void closed_successResetsTheCount() {
    assertClosedWithTwoFailuresEachSideOf(breaker::onSuccess);
  }

  /** Two transient failures, the answer, two more: the count restarted, so it stays closed. */
  private void assertClosedWithTwoFailuresEachSideOf(Runnable answer) {
    breaker.onFailure(FailureType.TRANSIENT);
    breaker.onFailure(FailureType.TRANSIENT);
    answer.run();
    breaker.onFailure(FailureType.TRANSIENT);
    breaker.onFailure(FailureType.TRANSIENT);
    assertEquals(BreakerState.CLOSED, breaker.state());
  }

  @Test
  void closed_permanentMessageFailure_countsAsAnAnswer() {
    assertClosedWithTwoFailuresEachSideOf(() -> breaker.onFailure(FailureType.PERMANENT_MESSAGE));
  }

  @Test
  void closed_permanentTransportFailure_opensAtOnce() {
    breaker.onFailure(FailureType.PERMANENT_TRANSPORT);
    assertEquals(BreakerState.OPEN, breaker.state());
  }

  @Test
  void open_refusesUntilOpenDurationPassed_thenHalfOpenAllowsOneTrialAtATime() {
    breaker.onFailure(FailureType.PERMANENT_TRANSPORT);
    assertEquals(30_000, breaker.tryAcquire());
    clock.advance(Duration.ofSeconds(29));
    assertEquals(1_000, breaker.tryAcquire());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(0, breaker.tryAcquire(), "the trial");
    assertEquals(BreakerState.HALF_OPEN, breaker.state());
    assertTrue(breaker.tryAcquire() > 0, "a second attempt waits for the trial");
    breaker.onSuccess();
    assertEquals(BreakerState.HALF_OPEN, breaker.state(), "two successes needed");
    assertEquals(0, breaker.tryAcquire());
    breaker.onSuccess();
    assertEquals(BreakerState.CLOSED, breaker.state());
    assertEquals(0, breaker.tryAcquire());
    assertEquals(List.of("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED"), transitions);
  }

  @Test
  void halfOpen_trialFails_opensAgainForAnotherPeriod() {
    breaker.onFailure(FailureType.PERMANENT_TRANSPORT);
    clock.advance(Duration.ofSeconds(30));
    assertEquals(0, breaker.tryAcquire());
    breaker.onFailure(FailureType.TRANSIENT);
    assertEquals(BreakerState.OPEN, breaker.state());
    assertEquals(30_000, breaker.tryAcquire());
    assertEquals(List.of("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN"), transitions);
  }

  /** Through the dispatcher (synchronous mode): the lane's breaker and the listener. */
  @Test
  void dispatcher_permanentTransportFailure_opensBreakerAndDefersOtherNotifications() {
    ManualScheduler scheduler = new ManualScheduler(clock);
    TestTransport t =
        new TestTransport(
            "Email",
            (n, attempt) -> {
              if (attempt == 1) {
                throw TestTransport.failure(
                    "Email", FailureType.PERMANENT_TRANSPORT, "535 auth failed");
              }
            });
    List<String> seen = new ArrayList<>();
    Subscriber s = Subscriber.builder("Email").id(1).subscribe("UserCreated").build();
    try (EventDispatcher d =
        EventDispatcher.builder()
            .synchronous(true)
            .clock(clock)
            .scheduler(scheduler)
            .random(RetryTest.fixed(0.5))
            .transport(
                t,
                LaneConfig.builder()
                    .retryPolicy(RetryPolicy.builder().jitter(0).build())
                    .circuitBreaker(
                        CircuitBreakerConfig.builder().openDuration(Duration.ofSeconds(60)).build())
                    .build())
            .subscribers(List.of(s))
            .listener(
                new DispatchListener() {
                  @Override
                  public void breakerStateChanged(String id, BreakerState from, BreakerState to) {
                    seen.add(id + ":" + from + "->" + to);
                  }
                })
            .build()) {
      d.publish(ApplianceEvent.builder("UserCreated").id("e1").build());
      assertEquals(BreakerState.OPEN, d.metrics("Email").orElseThrow().breakerState());
      assertEquals("535 auth failed", d.deadLetterSink().list().get(0).reason());

      d.publish(ApplianceEvent.builder("UserCreated").id("e2").build());
      assertEquals(1, t.attempts.size(), "no attempt while open");
      assertEquals(List.of(Duration.ofSeconds(60)), scheduler.delays());

      scheduler.advance(Duration.ofSeconds(60));
      assertEquals(List.of("e2/1"), EventDispatcherRoutingTest.keys(t.delivered));
      assertEquals(BreakerState.CLOSED, d.metrics("Email").orElseThrow().breakerState());
      assertEquals(
          List.of("Email:CLOSED->OPEN", "Email:OPEN->HALF_OPEN", "Email:HALF_OPEN->CLOSED"), seen);
    }
  }
}
