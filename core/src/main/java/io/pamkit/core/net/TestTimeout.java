// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.net;

import java.time.Duration;

/**
 * The timeout of a test email, per IP address tried: from the start of delivery until the email is
 * sent or an error returns. The appliance allows 1 to 255 seconds.
 *
 * @param seconds 1 to 255
 */
public record TestTimeout(int seconds) {

  /**
   * Validates the timeout.
   *
   * @param seconds 1 to 255
   * @throws InvalidValueException (field {@code TimeoutSeconds}) if outside 1..255
   */
  public TestTimeout {
    if (seconds < 1 || seconds > 255) {
      throw new InvalidValueException("TimeoutSeconds", seconds + " is outside 1..255 seconds");
    }
  }

  /**
   * Returns a timeout.
   *
   * @param seconds 1 to 255
   * @return the timeout
   * @throws InvalidValueException (field {@code TimeoutSeconds}) if outside 1..255
   */
  public static TestTimeout ofSeconds(int seconds) {
    return new TestTimeout(seconds);
  }

  /**
   * Returns the timeout as a duration.
   *
   * @return the duration
   */
  public Duration duration() {
    return Duration.ofSeconds(seconds);
  }
}
