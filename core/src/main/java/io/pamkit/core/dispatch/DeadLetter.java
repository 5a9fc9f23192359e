// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A notification the dispatcher gave up on, with every attempt's reason. Users list dead letters
 * from the {@link DeadLetterSink} and {@linkplain EventDispatcher#redrive(DeadLetter) re-drive}
 * them once the cause is fixed.
 *
 * @param notification the notification, with its original idempotency key
 * @param attempts every failed attempt, oldest first; empty when no attempt was possible (no
 *     transport for the channel)
 * @param reason why it was given up: the last attempt's reason, or why no attempt was made
 * @param deadLetteredAt when it was given up
 */
public record DeadLetter(
    Notification notification, List<Attempt> attempts, String reason, Instant deadLetteredAt) {

  /** Validates the components and copies the attempts. */
  public DeadLetter {
    requireNonNull(notification, "notification");
    attempts = List.copyOf(requireNonNull(attempts, "attempts"));
    requireNonNull(reason, "reason");
    requireNonNull(deadLetteredAt, "deadLetteredAt");
  }

  /** Returns the notification, reason and number of attempts; never event property values. */
  @Override
  public String toString() {
    return "DeadLetter{"
        + notification
        + ", attempts="
        + attempts.size()
        + ", reason="
        + reason
        + ", at="
        + deadLetteredAt
        + "}";
  }
}
