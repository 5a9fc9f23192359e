// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static java.util.Objects.requireNonNull;

/**
 * Whether this password appliance is linked to a session appliance, as a {@link LinkStatusSource}
 * reports it.
 *
 * @param linked true when a session appliance cluster is linked
 * @param detail a human explanation, e.g. {@code "no session appliance is linked"} or the linked
 *     cluster's master; never a secret
 */
public record LinkStatus(boolean linked, String detail) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code detail} is null
   */
  public LinkStatus {
    requireNonNull(detail, "detail");
  }

  /**
   * Returns a linked status.
   *
   * @param detail what is linked, e.g. the session appliance's host name
   * @return the status
   */
  public static LinkStatus linked(String detail) {
    return new LinkStatus(true, detail);
  }

  /**
   * Returns a not-linked status.
   *
   * @param reason why there is no usable link
   * @return the status
   */
  public static LinkStatus notLinked(String reason) {
    return new LinkStatus(false, reason);
  }
}
