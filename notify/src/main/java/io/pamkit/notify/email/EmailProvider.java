// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.spi.Transport;

/**
 * One email transport of an {@link EmailProviderChain}, with its name and priority.
 *
 * @param name the name receipts and failure reasons give, e.g. {@code "smtp"}, {@code "sendgrid"};
 *     unique in the chain
 * @param priority the lower the number, the earlier the provider is tried (the appliance's "the
 *     provider with the lowest priority has the higher precedence"); providers of equal priority
 *     are tried in the order added
 * @param transport the transport
 */
public record EmailProvider(String name, int priority, Transport transport) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if the name is blank or has control characters
   */
  public EmailProvider {
    requireNonNull(name, "name");
    requireNonNull(transport, "transport");
    if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "provider name must not be blank or contain control" + " characters");
    }
  }
}
