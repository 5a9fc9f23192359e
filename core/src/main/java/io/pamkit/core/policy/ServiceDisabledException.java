// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.PamkitException;

/**
 * An operation was refused because the service that governs it is switched off (or, for an object
 * created by discovery or a service account, because the object's services are not yet activated).
 * The caller can retry once an administrator switches it back on.
 */
public final class ServiceDisabledException extends PamkitException {
  private static final long serialVersionUID = 1L;

  /** The message the appliance shows when a disabled feature is used. */
  static final String TEMPORARILY_DISABLED =
      "This feature is temporarily disabled. See your appliance administrator for details.";

  private final Service service;

  ServiceDisabledException(Service service, String message) {
    super(message);
    this.service = requireNonNull(service, "service");
  }

  /**
   * Returns the service that refused the operation.
   *
   * @return the service
   */
  public Service service() {
    return service;
  }
}
