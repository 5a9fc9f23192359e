// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The exponential reconnect back-off shared by the TCP, TLS and RELP senders: after a failed
 * connect no new attempt is made before the delay has passed (measured on the caller's clock); each
 * further failure doubles the delay up to the maximum, and a successful connect resets it. Not
 * thread-safe: each sender guards it with its own lock.
 */
final class ReconnectBackoff {
  private final Duration initial;
  private final Duration max;
  private Duration delay;
  private Instant nextAttempt = Instant.MIN;
  private @Nullable String lastFailure;

  /**
   * Creates a back-off that allows an attempt at once.
   *
   * @param initial the first delay after a failure
   * @param max the longest delay
   */
  ReconnectBackoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.delay = initial;
  }

  /**
   * Returns how long to wait before the next attempt, or null when one may be made now.
   *
   * @param now the current time
   * @return the time left, or null
   */
  @Nullable Duration remaining(Instant now) {
    return now.isBefore(nextAttempt) ? Duration.between(now, nextAttempt) : null;
  }

  /**
   * Refuses an attempt while backing off: throws a {@link DeliveryException} saying the sender is
   * not reconnecting to {@code server} before the next attempt, with the failure that started the
   * back-off and the time left as its retry delay; returns when an attempt may be made now.
   *
   * @param now the current time
   * @param transportId the transport named in the exception
   * @param type the failure type of the refusal (the last connect failure's)
   * @param server what is not reconnected to, for example {@code "syslog server host:514"}
   * @throws DeliveryException while backing off
   */
  void check(Instant now, String transportId, FailureType type, String server)
      throws DeliveryException {
    Duration wait = remaining(now);
    if (wait != null) {
      throw new DeliveryException(
          transportId,
          type,
          "not reconnecting to "
              + server
              + " before "
              + nextAttempt
              + " (back-off after: "
              + lastFailure
              + ")",
          wait,
          null);
    }
  }

  /**
   * Records a failed attempt: the next one waits for the current delay, which then doubles.
   *
   * @param now the time of the failure
   * @param failure what failed, for the messages of refused sends
   * @return the delay before the next attempt
   */
  Duration failed(Instant now, String failure) {
    Duration wait = delay;
    lastFailure = failure;
    nextAttempt = now.plus(wait);
    Duration doubled = delay.multipliedBy(2);
    delay = doubled.compareTo(max) > 0 ? max : doubled;
    return wait;
  }

  /** Records a successful attempt: the delay starts again from the initial one. */
  void succeeded() {
    delay = initial;
    nextAttempt = Instant.MIN;
  }
}
