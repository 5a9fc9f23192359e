// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Checks of builder arguments that throw {@link IllegalArgumentException} naming the argument, its
 * value and the rule: a programming error, not document input (which gets a {@code
 * ValidationException}).
 */
public final class Arguments {
  private Arguments() {}

  /**
   * Returns {@code value} if it lies in {@code min..max}.
   *
   * @param name the argument's name, as the message shows it
   * @param value the value
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @return {@code value}
   * @throws IllegalArgumentException {@code "name value outside min..max"} otherwise
   */
  public static int inRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " " + value + " outside " + min + ".." + max);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is longer than zero.
   *
   * @param name the argument's name, as the message shows it
   * @param value the duration
   * @return {@code value}
   * @throws NullPointerException naming {@code name} if the duration is null
   * @throws IllegalArgumentException {@code "name must be positive: value"} otherwise
   */
  public static Duration positive(String name, Duration value) {
    requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }
}
