// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A scheduler driven by a {@link FakeClock}: tasks run on the test's thread when {@link #advance}
 * moves the clock past their due time, in due order. Records every requested delay.
 */
final class ManualScheduler implements Scheduler {
  private final FakeClock clock;
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.seq));
  private final List<Duration> delays = new ArrayList<>();
  private long seq;

  ManualScheduler(FakeClock clock) {
    this.clock = clock;
  }

  private static final class Task {
    final Instant due;
    final long seq;
    final FutureTask<Void> future;

    Task(Instant due, long seq, FutureTask<Void> future) {
      this.due = due;
      this.seq = seq;
      this.future = future;
    }
  }

  @Override
  public synchronized Future<?> schedule(Runnable task, Duration delay) {
    delays.add(delay);
    FutureTask<Void> f = new FutureTask<>(task, null);
    tasks.add(new Task(clock.instant().plus(delay), seq++, f));
    return f;
  }

  synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  synchronized int pending() {
    return (int) tasks.stream().filter(t -> !t.future.isCancelled()).count();
  }

  /** Advances the clock by {@code d}, running every task due on the way, each at its due time. */
  void advance(Duration d) {
    Instant end = clock.instant().plus(d);
    for (; ; ) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.due.isAfter(end)) {
          break;
        }
        tasks.poll();
      }
      if (next.due.isAfter(clock.instant())) {
        clock.set(next.due);
      }
      next.future.run();
    }
    clock.set(end);
  }
}
