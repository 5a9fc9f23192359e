// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The confirmation dialog of "Disable all enabled services": the services that are on now and would
 * be switched off, and the single-use token that {@link ServiceToggles#disableAll(String, String)}
 * needs.
 *
 * <p>Immutable and thread-safe. The token is not a secret credential, but it is shown only here.
 */
public final class DisableAllConfirmation {
  private final String token;
  private final Set<Service> services;
  private final Instant expiresAt;

  DisableAllConfirmation(String token, Set<Service> services, Instant expiresAt) {
    this.token = requireNonNull(token, "token");
    this.services = Collections.unmodifiableSet(EnumSet.copyOf(services));
    this.expiresAt = requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * Returns the token to pass to {@link ServiceToggles#disableAll(String, String)}.
   *
   * @return a random single-use token
   */
  public String token() {
    return token;
  }

  /**
   * Returns the services that were on when the confirmation was asked for.
   *
   * @return an unmodifiable, non-empty set
   */
  public Set<Service> services() {
    return services;
  }

  /**
   * Returns when the token stops being accepted.
   *
   * @return the expiry instant
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** Returns the services and the expiry, not the token. */
  @Override
  public String toString() {
    return "DisableAllConfirmation{services=" + services + ", expiresAt=" + expiresAt + "}";
  }
}
