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
   * Checks the login name of an email provider's account: not blank, at most {@code maxLength}
   * characters, no control characters and none of {@code forbidden}.
   *
   * @param name the setting, for the message
   * @param userName the login
   * @param maxLength the longest allowed
   * @param forbidden characters the protocol cannot carry in a login (e.g. {@code ':'} for Basic)
   * @return the login
   * @throws IllegalArgumentException naming {@code name} and the rule
   */
  public static String userName(String name, String userName, int maxLength, String forbidden) {
    requireNonNull(userName, name);
    if (userName.isBlank()
        || userName.length() > maxLength
        || userName.chars().anyMatch(c -> Character.isISOControl(c) || forbidden.indexOf(c) >= 0)) {
      throw new IllegalArgumentException(
          name
              + " must be 1 to "
              + maxLength
              + " characters without control characters"
              + (forbidden.isEmpty() ? "" : " or any of '" + forbidden + "'"));
    }
    return userName;
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
