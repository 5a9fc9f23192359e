// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception pamkit throws on purpose. Unchecked; I/O and checked exceptions of
 * the libraries underneath are kept as the {@linkplain #getCause() cause}.
 *
 * <p>Subtypes are grouped by what the caller can do about them: {@link ValidationException} (fix
 * the input), {@code DeliveryException} (retry later or give up), and the module-specific ones.
 * Messages never contain secrets.
 */
public abstract class PamkitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, for a human; never a secret
   */
  protected PamkitException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, for a human; never a secret
   * @param cause the underlying failure
   */
  protected PamkitException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
