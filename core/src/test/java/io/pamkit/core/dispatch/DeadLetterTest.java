// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static io.pamkit.core.dispatch.EventDispatcherRoutingTest.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

final class DeadLetterTest {
  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final AtomicBoolean broken = new AtomicBoolean(true);
  private final TestTransport transport =
      new TestTransport(
          "Email",
          (n, attempt) -> {
            if (broken.get()) {
              throw TestTransport.failure(
                  "Email", FailureType.PERMANENT_MESSAGE, "550 mailbox full");
            }
          });
  private final Subscriber subscriber =
      Subscriber.builder("Email").id(1).subscribe("UserCreated").build();

  private EventDispatcher.Builder builder() {
    return EventDispatcher.builder()
        .synchronous(true)
        .clock(clock)
        .scheduler(scheduler)
        .transport(transport)
        .subscribers(List.of(subscriber));
  }

  private static ApplianceEvent event(String id) {
    return ApplianceEvent.builder("UserCreated").id(id).property("Password", "hunter2").build();
  }

  @Test
  void redrive_afterCauseFixed_deliversWithSameKeyAndEmptiesSink() {
    try (EventDispatcher d = builder().build()) {
      d.publish(event("e1"));
      d.publish(event("e2"));
      List<DeadLetter> letters = d.deadLetterSink().list();
      assertEquals(
          List.of("e1/1", "e2/1"),
          letters.stream().map(l -> l.notification().idempotencyKey()).toList());
      assertEquals(FailureType.PERMANENT_MESSAGE, letters.get(0).attempts().get(0).failureType());
      assertEquals(clock.instant(), letters.get(0).deadLetteredAt());

      broken.set(false);
      assertTrue(d.redrive(letters.get(0)));
      assertFalse(d.redrive(letters.get(0)), "already re-driven");
      assertEquals(1, d.redriveAll());

      assertEquals(List.of("e1/1", "e2/1"), keys(transport.delivered));
      assertEquals(List.of(), d.deadLetterSink().list());
    }
  }

  @Test
  void redrive_stillFailing_deadLetteredAgainWithFreshAttempts() {
    try (EventDispatcher d = builder().build()) {
      d.publish(event("e1"));
      DeadLetter first = d.deadLetterSink().list().get(0);
      assertTrue(d.redrive(first));
      List<DeadLetter> letters = d.deadLetterSink().list();
      assertEquals(1, letters.size());
      assertEquals(1, letters.get(0).attempts().size());
      assertEquals(2, transport.attempts.size());
    }
  }

  @Test
  void sinkThrows_deadLetterKeptInFallback() {
    DeadLetterSink failing =
        new DeadLetterSink() {
          @Override
          public void accept(DeadLetter deadLetter) {
            throw new IllegalStateException("database down");
          }

          @Override
          public List<DeadLetter> list() {
            return List.of();
          }

          @Override
          public boolean remove(DeadLetter deadLetter) {
            return false;
          }
        };
    try (EventDispatcher d = builder().deadLetterSink(failing).build()) {
      d.publish(event("e1"));
      assertEquals(
          List.of("e1/1"),
          d.unsinkableDeadLetters().stream().map(l -> l.notification().idempotencyKey()).toList());
      broken.set(false);
      assertTrue(d.redrive(d.unsinkableDeadLetters().get(0)));
      assertEquals(List.of("e1/1"), keys(transport.delivered));
      assertEquals(List.of(), d.unsinkableDeadLetters());
    }
  }

  @Test
  void listenerThrows_notificationFateUnchanged() {
    List<String> calls = new ArrayList<>();
    DispatchListener angry =
        new DispatchListener() {
          @Override
          public void published(Notification n) {
            calls.add("published");
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void deadLettered(DeadLetter deadLetter) {
            calls.add("deadLettered");
            throw new IllegalStateException("listener bug");
          }
        };
    try (EventDispatcher d = builder().listener(angry).build()) {
      d.publish(event("e1"));
      assertEquals(List.of("published", "deadLettered"), calls);
      assertEquals(1, d.deadLetterSink().list().size());
    }
  }

  @Test
  void toStrings_neverShowPropertyValues() {
    try (EventDispatcher d = builder().build()) {
      d.publish(event("e1"));
      DeadLetter dl = d.deadLetterSink().list().get(0);
      assertFalse(dl.toString().contains("hunter2"), dl.toString());
      assertFalse(dl.notification().toString().contains("hunter2"));
      assertTrue(dl.toString().contains("e1/1"));
    }
  }
}
