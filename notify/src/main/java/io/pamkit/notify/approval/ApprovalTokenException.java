// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.PamkitException;

/** An approval token that {@link ApprovalTokens#verify} refused, with the reason. */
public final class ApprovalTokenException extends PamkitException {
  private static final long serialVersionUID = 1L;

  /** Why a token was refused. */
  public enum Reason {
    /** The text is not a pamkit approval token (wrong shape, version or encoding). */
    MALFORMED,
    /** The token was issued to another approver than the address that replied. */
    WRONG_APPROVER,
    /** The token's MAC does not match: it was altered or made without the key. */
    FORGED,
    /** The token's expiry has passed. */
    EXPIRED
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason the reason
   * @param message what was refused and why; never the token's MAC
   */
  public ApprovalTokenException(Reason reason, String message) {
    super(message);
    this.reason = requireNonNull(reason, "reason");
  }

  /**
   * Returns why the token was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
