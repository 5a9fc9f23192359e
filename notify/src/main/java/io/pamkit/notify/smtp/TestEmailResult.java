// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of the appliance's test email: one attempt per IP address the server name resolves to,
 * tried in turn. The test succeeds only when every address accepted the email; one failure fails
 * the whole test.
 *
 * @param serverAddress the {@code ServerAddress} tested, as written
 * @param host the host resolved (the mail exchanger when MX lookup is on)
 * @param toEmail the address the test email was sent to
 * @param attempts each address tried with its outcome, in the order tried; never empty
 */
public record TestEmailResult(
    String serverAddress, String host, String toEmail, List<TestEmailAttempt> attempts) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if there is no attempt
   */
  public TestEmailResult {
    requireNonNull(serverAddress, "serverAddress");
    requireNonNull(host, "host");
    requireNonNull(toEmail, "toEmail");
    attempts = List.copyOf(attempts);
    if (attempts.isEmpty()) {
      throw new IllegalArgumentException("a test email result has at least one attempt");
    }
  }

  /**
   * Returns whether every address accepted the test email.
   *
   * @return true when the test passed
   */
  public boolean success() {
    return attempts.stream().allMatch(TestEmailAttempt::sent);
  }

  /**
   * Returns one line per attempt, {@code address: OUTCOME detail}.
   *
   * @return a human-readable summary
   */
  public String summary() {
    return (success() ? "test email sent" : "test email failed")
        + " through "
        + serverAddress
        + " to "
        + toEmail
        + "\n"
        + attempts.stream()
            .map(a -> "  " + a.address() + ": " + a.outcome() + " " + a.detail())
            .collect(Collectors.joining("\n"));
  }
}
