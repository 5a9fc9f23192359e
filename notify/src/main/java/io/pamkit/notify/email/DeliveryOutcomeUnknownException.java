// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import org.jspecify.annotations.Nullable;

/**
 * The request reached the peer, but no answer came back (a response timeout, a connection lost
 * after the message was sent): the email may or may not have been accepted. It is {@link
 * FailureType#TRANSIENT}, so the dispatcher retries it later with the same {@code Message-ID};
 * {@link EmailProviderChain} does not hand it to the next provider at once, which could deliver the
 * email twice.
 */
public final class DeliveryOutcomeUnknownException extends DeliveryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param transportId the transport that sent the request
   * @param message what happened; never a secret
   * @param cause the I/O failure, or null
   */
  public DeliveryOutcomeUnknownException(
      String transportId, String message, @Nullable Throwable cause) {
    super(transportId, FailureType.TRANSIENT, message, cause);
  }
}
