// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.spi;

import java.util.Optional;

/**
 * Resolves a user to the address that receives the user's email: a local user's contact
 * information, a directory user's mail attribute. Email transports call it for subscribers that
 * name a {@code UserId} instead of an {@code EmailAddress}; a user without an address makes the
 * notification fail permanently (and be dead-lettered) with that reason.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RecipientResolver {

  /**
   * Returns a resolver that knows no user.
   *
   * @return a resolver whose {@link #emailAddress} is always empty
   */
  static RecipientResolver none() {
    return userId -> Optional.empty();
  }

  /**
   * Looks up a user's email address.
   *
   * @param userId the user's database id, as the subscriber's {@code UserId}
   * @return the address, or empty when the user is unknown or has no address
   */
  Optional<String> emailAddress(int userId);
}
