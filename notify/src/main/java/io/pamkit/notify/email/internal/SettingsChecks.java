// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import java.time.Duration;

/** The checks the email settings builders share (SMTP, SendGrid, EWS, Graph, the chain). */
public final class SettingsChecks {
  private SettingsChecks() {}

  /**
   * Checks a channel id.
   *
   * @param channel the subscribers' {@code Type}
   * @return the channel
   * @throws IllegalArgumentException if blank
   */
  public static String channel(String channel) {
    requireNonNull(channel, "channel");
    if (channel.isBlank()) {
      throw new IllegalArgumentException("channel must not be blank");
    }
    return channel;
  }

  /**
   * Checks an HTTP timeout: between 1 ms and 1 hour.
   *
   * @param name the setting, for the message
   * @param timeout the timeout
   * @return the timeout
   * @throws ValidationException naming {@code name} if out of range
   */
  public static Duration httpTimeout(String name, Duration timeout) {
    requireNonNull(timeout, name);
    if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new ValidationException(name, timeout + " is not between 1 ms and 1 hour");
    }
    return timeout;
  }
}
