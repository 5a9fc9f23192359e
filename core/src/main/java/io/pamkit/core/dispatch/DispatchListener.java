// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import java.time.Duration;

/**
 * Observes the dispatcher without a metrics framework: every method has a no-op default, so an
 * implementation overrides only what it needs, and {@link #NONE} observes nothing.
 *
 * <p>Methods are called on the thread doing the work (a publisher, a lane worker or the scheduler)
 * and must be fast and thread-safe. An exception a listener throws is logged and otherwise ignored:
 * it never changes the fate of a notification.
 */
public interface DispatchListener {

  /** The listener that observes nothing. */
  DispatchListener NONE = new DispatchListener() {};

  /**
   * A notification was created for a matching subscriber and handed to its lane.
   *
   * @param notification the notification
   */
  default void published(Notification notification) {}

  /**
   * A transport delivered a notification.
   *
   * @param notification the notification
   * @param receipt the transport's receipt
   * @param attempt the attempt that succeeded, from 1
   */
  default void delivered(Notification notification, DeliveryReceipt receipt, int attempt) {}

  /**
   * A delivery failed and will be tried again.
   *
   * @param notification the notification
   * @param failed the failed attempt
   * @param delay how long until the next attempt
   */
  default void retryScheduled(Notification notification, Attempt failed, Duration delay) {}

  /**
   * A notification was given up and put in the dead-letter sink.
   *
   * @param deadLetter the dead letter
   */
  default void deadLettered(DeadLetter deadLetter) {}

  /**
   * A lane's circuit breaker changed state.
   *
   * @param transportId the lane's transport id
   * @param from the previous state
   * @param to the new state
   */
  default void breakerStateChanged(String transportId, BreakerState from, BreakerState to) {}
}
