// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

final class ManualSchedulerTest {
  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);

  @Test
  void advance_runsDueTasksInDueOrderAtTheirDueTime() {
    Instant start = clock.instant();
    List<String> ran = new ArrayList<>();
    scheduler.schedule(() -> ran.add("b@" + clock.instant()), Duration.ofSeconds(2));
    scheduler.schedule(() -> ran.add("a@" + clock.instant()), Duration.ofSeconds(1));
    scheduler.schedule(() -> ran.add("c@" + clock.instant()), Duration.ofSeconds(5));

    assertEquals(2, scheduler.advance(Duration.ofSeconds(3)));
    assertEquals(List.of("a@" + start.plusSeconds(1), "b@" + start.plusSeconds(2)), ran);
    assertEquals(start.plusSeconds(3), clock.instant());
    assertEquals(1, scheduler.pending());
    assertEquals(
        List.of(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5)),
        scheduler.delays());
  }

  @Test
  void advance_taskSchedulesAnotherInsideTheWindow_runsItToo() {
    List<Instant> ran = new ArrayList<>();
    scheduler.schedule(
        () -> {
          ran.add(clock.instant());
          scheduler.schedule(() -> ran.add(clock.instant()), Duration.ofSeconds(1));
        },
        Duration.ofSeconds(1));
    assertEquals(2, scheduler.advance(Duration.ofSeconds(10)));
    assertEquals(2, ran.size());
  }

  @Test
  void cancel_cancelledTaskNeverRuns() {
    List<String> ran = new ArrayList<>();
    Future<?> f = scheduler.schedule(() -> ran.add("x"), Duration.ZERO);
    assertTrue(f.cancel(false));
    assertEquals(0, scheduler.pending());
    assertEquals(0, scheduler.runDue());
    assertTrue(ran.isEmpty());
  }
}
