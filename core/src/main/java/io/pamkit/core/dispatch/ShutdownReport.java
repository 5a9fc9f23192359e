// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What {@link EventDispatcher#shutdown(Duration)} (or {@link EventDispatcher#close()}, see {@link
 * EventDispatcher#shutdownReport()}) left undone when its deadline passed. Each notification left
 * is also logged at {@code WARN} and counted in {@link LaneMetrics#leftAtShutdown()}.
 *
 * @param drained true when every accepted notification was delivered or dead-lettered in time
 * @param undelivered notifications never attempted or waiting for a retry when the deadline passed;
 *     they were not delivered (with an {@link Outbox} they stay pending and are resumed at the next
 *     start)
 * @param inFlight notifications a transport was still sending when the deadline passed; whether the
 *     peer got them is unknown (their idempotency key lets a re-send be recognised)
 * @param journaled true when the dispatcher had an {@link Outbox}: everything left is kept there
 *     and resumed at the next start; false when what is left is lost
 */
public record ShutdownReport(
    boolean drained,
    List<Notification> undelivered,
    List<Notification> inFlight,
    boolean journaled) {

  /** Validates the components and copies the lists. */
  public ShutdownReport {
    undelivered = List.copyOf(requireNonNull(undelivered, "undelivered"));
    inFlight = List.copyOf(requireNonNull(inFlight, "inFlight"));
  }

  /**
   * Creates a report of a dispatcher without an outbox.
   *
   * @param drained see the record comment
   * @param undelivered see the record comment
   * @param inFlight see the record comment
   */
  public ShutdownReport(
      boolean drained, List<Notification> undelivered, List<Notification> inFlight) {
    this(drained, undelivered, inFlight, false);
  }

  /**
   * Returns how many notifications were left, undelivered or in flight.
   *
   * @return the count
   */
  public int left() {
    return undelivered.size() + inFlight.size();
  }
}
