// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import io.pamkit.core.PamkitException;

/** A {@link SubscriberRegistry} operation named a subscriber id the registry does not hold. */
public final class NoSuchSubscriberException extends PamkitException {
  /** The serialized form's version. */
  private static final long serialVersionUID = 1L;

  /** The subscriber id. */
  private final int id;

  /**
   * Creates the exception.
   *
   * @param id the unknown subscriber id
   */
  public NoSuchSubscriberException(int id) {
    super("Id: there is no subscriber with id " + id);
    this.id = id;
  }

  /**
   * Returns the unknown id.
   *
   * @return the id
   */
  public int id() {
    return id;
  }
}
