// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import io.pamkit.core.PamkitException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link DecisionSink} when the decision is refused for good (the request was decided
 * or closed already, the approver may not decide it); the workflow records the reply as processed
 * and does not try it again.
 */
public final class DecisionRefusedException extends PamkitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the decision was refused
   * @param cause the underlying error, or null
   */
  public DecisionRefusedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
