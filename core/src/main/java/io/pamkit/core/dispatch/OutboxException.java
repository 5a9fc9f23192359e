// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import io.pamkit.core.PamkitException;

/**
 * An {@link Outbox} could not record or read notifications; the I/O failure is the cause. When it
 * happens in {@link EventDispatcher#publish}, the notification was not accepted.
 */
public final class OutboxException extends PamkitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the file
   * @param cause the I/O failure
   */
  public OutboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
