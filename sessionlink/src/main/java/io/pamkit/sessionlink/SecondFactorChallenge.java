// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What the appliance asks for in the second factor of a PKCE login: the secondary provider named by
 * step 3's {@code SecondaryProviderID} and the {@code Message} of step 7, if any.
 *
 * @param secondaryProviderId the secondary identity provider
 * @param message the appliance's prompt, e.g. "Enter your one-time password", or null
 */
public record SecondFactorChallenge(String secondaryProviderId, @Nullable String message) {
  /** Checks the provider. */
  public SecondFactorChallenge {
    requireNonNull(secondaryProviderId, "secondaryProviderId");
  }
}
