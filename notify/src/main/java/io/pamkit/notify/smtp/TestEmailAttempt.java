// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of the test email for one IP address of the server.
 *
 * @param address the IP address tried (or the server name when it could not be resolved)
 * @param outcome what happened
 * @param detail the server's last reply on success, else the reason of the failure; never a secret
 */
public record TestEmailAttempt(String address, Outcome outcome, String detail) {

  /** What happened to one attempt. */
  public enum Outcome {
    /** The server accepted the test email. */
    SENT,
    /** The connection, the TLS handshake, the authentication or the delivery failed. */
    FAILED,
    /** Nothing was decided within the timeout. */
    TIMED_OUT
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public TestEmailAttempt {
    requireNonNull(address, "address");
    requireNonNull(outcome, "outcome");
    requireNonNull(detail, "detail");
  }

  /**
   * Returns whether the server accepted the test email at this address.
   *
   * @return true for {@link Outcome#SENT}
   */
  public boolean sent() {
    return outcome == Outcome.SENT;
  }
}
