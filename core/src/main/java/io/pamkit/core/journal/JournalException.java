// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.PamkitException;
import org.jspecify.annotations.Nullable;

/**
 * The journal refused or failed an operation; {@link #reason()} says why. When {@link
 * Journal#append} throws it, the notification was not accepted (and the dispatcher's publish
 * fails): nothing accepted is ever dropped.
 */
public final class JournalException extends PamkitException {
  private static final long serialVersionUID = 1L;

  /** Why the journal refused or failed. */
  public enum Reason {
    /** Another process (or another journal in this process) holds the directory's lock. */
    LOCKED,
    /** The disk budget is used up; new notifications are refused until work completes. */
    FULL,
    /** Reading or writing the files failed; the cause says how. */
    IO,
    /** The journal is closed. */
    CLOSED
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message what failed, naming the directory
   * @param cause the I/O failure, or null
   */
  public JournalException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = requireNonNull(reason, "reason");
  }

  /**
   * Returns why the journal refused or failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
