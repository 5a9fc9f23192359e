package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What {@link EventDispatcher#shutdown(Duration)} left undone when its deadline passed.
 *
 * @param drained true when every accepted notification was delivered or dead-lettered in time
 * @param undelivered notifications never attempted or waiting for a retry when the deadline
 *     passed; they were not delivered (with an {@link Outbox} they stay pending and are resumed
 *     at the next start)
 * @param inFlight notifications a transport was still sending when the deadline passed; whether
 *     the peer got them is unknown (their idempotency key lets a re-send be recognised)
 */
public record ShutdownReport(
    boolean drained, List<Notification> undelivered, List<Notification> inFlight) {

  /** Validates the components and copies the lists. */
  public ShutdownReport {
    undelivered = List.copyOf(requireNonNull(undelivered, "undelivered"));
    inFlight = List.copyOf(requireNonNull(inFlight, "inFlight"));
  }
}
