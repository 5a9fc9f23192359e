// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay; the dispatcher uses it for retries. Tasks must be short: a retry task
 * only puts a notification back in its lane (in synchronous mode it delivers it).
 *
 * <p>Tests inject a scheduler that runs tasks when a fake clock advances. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface Scheduler {

  /**
   * Schedules a task.
   *
   * @param task the task
   * @param delay how long to wait; zero or positive
   * @return a future that cancels the task
   */
  Future<?> schedule(Runnable task, Duration delay);

  /**
   * Adapts a {@link ScheduledExecutorService}; the caller keeps ownership of it.
   *
   * @param executor the executor
   * @return a scheduler that delegates to it
   */
  static Scheduler of(ScheduledExecutorService executor) {
    requireNonNull(executor, "executor");
    return (task, delay) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
