// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import io.pamkit.core.PamkitException;

/**
 * An attempt to remove a system-owned ({@code IsSystemOwned}) subscriber. Built-in subscribers
 * cannot be removed; disable them with {@link Subscriber.Builder#enabled(boolean)} instead.
 */
public final class SystemOwnedSubscriberException extends PamkitException {
  /** The serialized form's version. */
  private static final long serialVersionUID = 1L;

  /** The subscriber id. */
  private final int id;

  /**
   * Creates the exception.
   *
   * @param id the id of the system-owned subscriber
   */
  public SystemOwnedSubscriberException(int id) {
    super(
        "Id: subscriber "
            + id
            + " is system-owned (IsSystemOwned) and cannot be removed;"
            + " disable it instead");
    this.id = id;
  }

  /**
   * Returns the id of the system-owned subscriber.
   *
   * @return the id
   */
  public int id() {
    return id;
  }
}
