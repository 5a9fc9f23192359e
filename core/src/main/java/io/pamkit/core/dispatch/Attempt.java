// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One failed delivery attempt of a notification, as kept by a {@link DeadLetter}.
 *
 * @param number the attempt number, from 1
 * @param at when the attempt ended
 * @param failureType the kind of failure
 * @param reason what went wrong, never a secret nor an event property value
 */
public record Attempt(int number, Instant at, FailureType failureType, String reason) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if {@code number} is less than 1
   */
  public Attempt {
    if (number < 1) {
      throw new IllegalArgumentException("number must be at least 1: " + number);
    }
    requireNonNull(at, "at");
    requireNonNull(failureType, "failureType");
    requireNonNull(reason, "reason");
  }
}
