// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static io.pamkit.core.dispatch.EventDispatcherRoutingTest.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.journal.Journal;
import io.pamkit.core.subscription.Subscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code close()} with the receiver down: what was left is reported ({@link
 * EventDispatcher#shutdownReport()}), counted ({@link LaneMetrics#leftAtShutdown()}) and, with a
 * journal, kept for the next start.
 */
final class ShutdownLeftoversTest {
  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final Subscriber subscriber =
      Subscriber.builder("Email").id(1).subscribe("UserCreated").build();
  @TempDir Path dir;

  private static TestTransport down() {
    return new TestTransport(
        "Email",
        (n, attempt) -> {
          throw TestTransport.failure("Email", FailureType.TRANSIENT, "connection refused");
        });
  }

  private EventDispatcher.Builder builder() {
    return EventDispatcher.builder()
        .synchronous(true)
        .clock(clock)
        .scheduler(scheduler)
        .transport(down())
        .subscribers(List.of(subscriber))
        .closeTimeout(Duration.ZERO);
  }

  private static ApplianceEvent event() {
    return ApplianceEvent.builder("UserCreated").id("e1").build();
  }

  @Test
  void close_receiverDownNoJournal_leftoverReportedAsNotKeptAndCounted() {
    EventDispatcher d = builder().build();
    assertTrue(d.shutdownReport().isEmpty());
    d.publish(event());

    d.close();

    ShutdownReport r = d.shutdownReport().orElseThrow();
    assertFalse(r.drained());
    assertFalse(r.journaled(), "no outbox: what is left is lost, and the report says so");
    assertEquals(List.of("e1/1"), keys(r.undelivered()));
    assertEquals(1, r.left());
    assertEquals(1, d.metrics("Email").orElseThrow().leftAtShutdown());
  }

  @Test
  void close_receiverDownWithJournal_leftoverKeptAndResumable() {
    EventDispatcher d = builder().outbox(Journal.open(dir)).build();
    d.publish(event());

    d.close();

    ShutdownReport r = d.shutdownReport().orElseThrow();
    assertTrue(r.journaled());
    assertEquals(List.of("e1/1"), keys(r.undelivered()));
    try (Journal j = Journal.open(dir)) {
      assertEquals(
          List.of("e1/1"), j.pending().stream().map(Outbox.Entry::idempotencyKey).toList());
    }
  }
}
