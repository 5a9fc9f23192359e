// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

/**
 * {@link SppClient#softDelete(int)} refused a connection that is already soft deleted: a second
 * DELETE would hard delete it (and its retained values, which access request policies refer to).
 * Nothing was sent.
 */
public final class AlreadySoftDeletedException extends SessionLinkException {
  private static final long serialVersionUID = 1L;

  private final int connectionId;

  /**
   * Creates the exception.
   *
   * @param connectionId the connection's {@code Id}
   */
  public AlreadySoftDeletedException(int connectionId) {
    super(
        "session connection "
            + connectionId
            + " is already soft-deleted: use hardDelete to remove it",
        0,
        null,
        null,
        "leave it (a relink of the same session appliance reuses it), or remove it for good with hardDelete"
            + " (pamkit link delete --hard)",
        null);
    this.connectionId = connectionId;
  }

  /**
   * Returns the connection's {@code Id}.
   *
   * @return the id
   */
  public int connectionId() {
    return connectionId;
  }
}
