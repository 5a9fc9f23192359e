// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.PamkitException;
import org.jspecify.annotations.Nullable;

/**
 * A change of the service switches was refused: the Audit Log Stream Service cannot be switched on
 * without a linked session appliance, "disable all enabled services" found nothing enabled, or its
 * confirmation token is unknown, used or expired. The message gives the reason; nothing was
 * changed.
 */
public final class ToggleRefusedException extends PamkitException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Service service;

  ToggleRefusedException(@Nullable Service service, String message, @Nullable Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.service = service;
  }

  /**
   * Returns the service whose change was refused.
   *
   * @return the service, or null when the refusal concerns "disable all enabled services"
   */
  public @Nullable Service service() {
    return service;
  }
}
