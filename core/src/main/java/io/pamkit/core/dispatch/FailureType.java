// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

/**
 * Why a delivery failed, and so whether a retry can help. Transports choose the type; the dispatch
 * engine's retry policy and circuit breaker act on it.
 */
public enum FailureType {
  /** A passing fault (connection refused, timeout, SMTP 4xx): retry with back-off. */
  TRANSIENT(true),
  /** The peer asked to slow down (HTTP 429, SMTP 421/450): retry after its retry-after. */
  RATE_LIMITED(true),
  /** This message can never be delivered (SMTP 5xx for the recipient, HTTP 400): dead-letter. */
  PERMANENT_MESSAGE(false),
  /**
   * The transport cannot deliver anything until someone fixes its configuration (bad credentials,
   * SMTP 535, HTTP 401/403): dead-letter and open the transport's circuit breaker.
   */
  PERMANENT_TRANSPORT(false);

  private final boolean retryable;

  FailureType(boolean retryable) {
    this.retryable = retryable;
  }

  /**
   * Returns whether retrying the same notification later can succeed.
   *
   * @return true for {@link #TRANSIENT} and {@link #RATE_LIMITED}
   */
  public boolean retryable() {
    return retryable;
  }
}
