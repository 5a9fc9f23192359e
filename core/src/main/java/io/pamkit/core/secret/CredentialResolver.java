// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.secret;

/**
 * Resolves a reference to an account (a directory account or an asset account whose password the
 * vault manages, as the appliance's email settings describe) to its current secret. Transports call
 * it on every connection so that a rotated password is picked up without reconfiguration.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CredentialResolver {

  /**
   * Resolves an account reference.
   *
   * @param reference the account reference as written in the configuration
   * @return the account's current secret
   * @throws io.pamkit.core.ValidationException if the reference is not known, naming it
   */
  Secret resolve(AccountReference reference);
}
