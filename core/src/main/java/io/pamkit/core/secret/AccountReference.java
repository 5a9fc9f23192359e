// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.secret;

import static java.util.Objects.requireNonNull;

/**
 * A reference to an account whose password a {@link CredentialResolver} supplies.
 *
 * @param kind whether the account is a directory account or an asset account
 * @param owner the directory or asset the account belongs to (e.g. {@code "corp.example.com"})
 * @param name the account name (e.g. {@code "svc-smtp"})
 */
public record AccountReference(Kind kind, String owner, String name) {

  /** The two kinds of vaulted account the appliance lets email authentication use. */
  public enum Kind {
    /** An account of a directory (Active Directory, LDAP) the vault manages. */
    DIRECTORY_ACCOUNT,
    /** An account of an asset the vault manages. */
    ASSET_ACCOUNT
  }

  /**
   * Validates the components.
   *
   * @param kind directory or asset account
   * @param owner the directory or asset
   * @param name the account name
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code owner} or {@code name} is blank
   */
  public AccountReference {
    requireNonNull(kind, "kind");
    requireNonNull(owner, "owner");
    requireNonNull(name, "name");
    if (owner.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("account owner and name must not be blank");
    }
  }

  /** Returns {@code kind:owner\name}. */
  @Override
  public String toString() {
    return kind + ":" + owner + "\\" + name;
  }
}
