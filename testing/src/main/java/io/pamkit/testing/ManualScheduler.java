// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A {@link Scheduler} driven by a {@link FakeClock}: nothing runs until the test calls {@link
 * #advance}, which moves the clock and runs, on the calling thread, every task that falls due on
 * the way, in due order, each with the clock set to its due time. Every requested delay is
 * recorded, so a test can assert a back-off sequence.
 *
 * <pre>{@code
 * FakeClock clock = new FakeClock();
 * ManualScheduler scheduler = new ManualScheduler(clock);
 * EventDispatcher dispatcher = EventDispatcher.builder().clock(clock).scheduler(scheduler)
 *     .transport(transport).subscribers(subscribers).build();
 * scheduler.advance(Duration.ofSeconds(2));   // runs the first retry (1 s, 20 % jitter)
 * }</pre>
 *
 * <p>This example is compiled and run by the testing module's {@code JavadocExamplesTest}.
 *
 * <p>Thread-safe: tasks may be scheduled from any thread.
 */
public final class ManualScheduler implements Scheduler {
  private final FakeClock clock;
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(Comparator.comparing(Task::due).thenComparingLong(Task::seq));
  private final List<Duration> delays = new ArrayList<>();
  private long seq;

  /**
   * Creates a scheduler on a clock.
   *
   * @param clock the clock that {@link #advance} moves
   */
  public ManualScheduler(FakeClock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  private record Task(Instant due, long seq, FutureTask<Void> future) {}

  /**
   * Queues a task to run when the clock reaches now plus {@code delay}.
   *
   * @param task the task
   * @param delay zero or positive
   * @return a future that cancels the task
   * @throws IllegalArgumentException if the delay is negative
   */
  @Override
  public synchronized Future<?> schedule(Runnable task, Duration delay) {
    requireNonNull(task, "task");
    requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    delays.add(delay);
    FutureTask<Void> f = new FutureTask<>(task, null);
    tasks.add(new Task(clock.instant().plus(delay), seq++, f));
    return f;
  }

  /**
   * Returns every delay asked for so far, in order.
   *
   * @return an immutable snapshot
   */
  public synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  /**
   * Returns how many tasks wait to run (cancelled ones not counted).
   *
   * @return the count
   */
  public synchronized int pending() {
    return (int) tasks.stream().filter(t -> !t.future().isCancelled()).count();
  }

  /**
   * Runs the tasks that are due now, without moving the clock.
   *
   * @return how many tasks ran (cancelled ones not counted)
   */
  public int runDue() {
    return advance(Duration.ZERO);
  }

  /**
   * Advances the clock by {@code duration}, running every task due on the way at its due time. A
   * task that schedules another task due within the window runs it too.
   *
   * @param duration zero or positive
   * @return how many tasks ran (cancelled ones not counted)
   * @throws IllegalArgumentException if the duration is negative
   */
  public int advance(Duration duration) {
    requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    Instant end = clock.instant().plus(duration);
    int ran = 0;
    for (; ; ) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.due().isAfter(end)) {
          break;
        }
        tasks.poll();
      }
      if (next.due().isAfter(clock.instant())) {
        clock.set(next.due());
      }
      if (!next.future().isCancelled()) {
        next.future().run();
        ran++;
      }
    }
    clock.set(end);
    return ran;
  }
}
