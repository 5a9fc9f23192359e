// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.PamkitException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A notification could not be delivered by a transport. The {@link #failureType()} tells the
 * dispatch engine whether and when to retry. The message never contains secrets.
 */
public class DeliveryException extends PamkitException {
  private static final long serialVersionUID = 1L;

  private final String transportId;
  private final FailureType failureType;
  private final @Nullable Duration retryAfter;

  /**
   * Creates a delivery failure.
   *
   * @param transportId the id of the transport that failed
   * @param failureType whether a retry can help
   * @param message what went wrong; never a secret
   * @param retryAfter how long the peer asked us to wait, or null when it said nothing
   * @param cause the underlying failure, or null
   */
  public DeliveryException(
      String transportId,
      FailureType failureType,
      String message,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.transportId = requireNonNull(transportId, "transportId");
    this.failureType = requireNonNull(failureType, "failureType");
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  /**
   * Creates a delivery failure without retry-after.
   *
   * @param transportId the id of the transport that failed
   * @param failureType whether a retry can help
   * @param message what went wrong; never a secret
   * @param cause the underlying failure, or null
   */
  public DeliveryException(
      String transportId, FailureType failureType, String message, @Nullable Throwable cause) {
    this(transportId, failureType, message, null, cause);
  }

  /**
   * Returns the id of the transport that failed.
   *
   * @return the transport id
   */
  public String transportId() {
    return transportId;
  }

  /**
   * Returns the kind of failure.
   *
   * @return the failure type
   */
  public FailureType failureType() {
    return failureType;
  }

  /**
   * Returns whether a retry can help; shorthand for {@code failureType().retryable()}.
   *
   * @return true when the notification should be retried
   */
  public boolean retryable() {
    return failureType.retryable();
  }

  /**
   * Returns how long the peer asked the sender to wait before trying again.
   *
   * @return the delay, or empty when the peer said nothing
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
