// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.function.DoubleSupplier;

/**
 * What a {@link Lane} needs from the dispatcher that owns it, handed over once at construction: the
 * clock, the retry scheduler, the jitter source, how to make worker threads, and the sink of the
 * lane's events. The lane never calls its owner back, so the dependency goes one way: {@link
 * EventDispatcher} builds lanes; a lane knows only this context.
 *
 * @param clock the clock of attempt and dead-letter times and of the circuit breaker
 * @param scheduler runs the lane's retries
 * @param jitter the retry jitter, each value in {@code [0, 1)}; thread-safe
 * @param synchronous whether the lane delivers on the publisher's thread (no queue, no workers)
 * @param threads makes the lane's worker threads
 * @param events where the lane reports what happened to its notifications
 */
record LaneContext(
    Clock clock,
    Scheduler scheduler,
    DoubleSupplier jitter,
    boolean synchronous,
    ThreadFactory threads,
    Events events) {

  LaneContext {
    requireNonNull(clock, "clock");
    requireNonNull(scheduler, "scheduler");
    requireNonNull(jitter, "jitter");
    requireNonNull(threads, "threads");
    requireNonNull(events, "events");
  }

  /**
   * The sink of a lane's events: the dispatcher's listener, outbox and dead-letter sink behind one
   * interface. Implementations contain their own failures: none of these methods throws.
   */
  interface Events {
    /**
     * Whether anyone observes deliveries (a listener or an outbox). When false, the lanes skip
     * {@link #delivered} and the publisher may take the paths that create no notification.
     */
    boolean observed();

    /** A notification was created and is about to be handed to its lane. */
    void published(Notification n);

    /** A notification was delivered by the given attempt (from 1). */
    void delivered(Notification n, DeliveryReceipt receipt, int attempt);

    /** An attempt failed; the notification is tried again after {@code delay}. */
    void retryScheduled(Notification n, Attempt failed, Duration delay);

    /** A notification was given up. */
    void deadLetter(DeadLetter deadLetter);

    /** A lane's circuit breaker changed state. */
    void breakerChanged(String channel, BreakerState from, BreakerState to);
  }
}
