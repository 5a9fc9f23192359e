// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import io.pamkit.core.PamkitException;
import java.util.List;

/**
 * {@link EventDispatcher#publish} could not hand some notifications to their lanes: a lane was full
 * (and its back-pressure policy refused, possibly after blocking), or the dispatcher is shutting
 * down. The notifications listed by {@link #rejected()} were not accepted, and the caller may
 * publish again later; every other matching notification was accepted.
 */
public final class PublishRejectedException extends PamkitException {
  private static final long serialVersionUID = 1L;

  /** Why notifications were rejected. */
  public enum Reason {
    /** A lane's queue was full. */
    LANE_FULL,
    /** The dispatcher no longer accepts events. */
    SHUT_DOWN
  }

  private final Reason reason;
  private final transient List<Notification> rejected;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param rejected the notifications not accepted
   * @param message a description naming the lanes concerned
   */
  public PublishRejectedException(Reason reason, List<Notification> rejected, String message) {
    super(message);
    this.reason = reason;
    this.rejected = List.copyOf(rejected);
  }

  /**
   * Returns why the notifications were rejected.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the notifications that were not accepted.
   *
   * @return an immutable list; empty when the whole event was refused before routing
   */
  public List<Notification> rejected() {
    return rejected;
  }
}
