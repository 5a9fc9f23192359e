// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

/**
 * How an account or asset came to the appliance, which decides whether its services (scheduled
 * check and change, release requests) start enabled.
 */
public enum ObjectOrigin {
  /** Added by an administrator: services start enabled. */
  ADDED(true),
  /** A service account: services start disabled until it is modified to follow the schedules. */
  SERVICE_ACCOUNT(false),
  /** An account found by a discovery job: services start disabled until it is activated. */
  DISCOVERED_ACCOUNT(false),
  /** An asset found by a discovery job: services start disabled until it is managed. */
  DISCOVERED_ASSET(false);

  private final boolean servicesEnabledInitially;

  ObjectOrigin(boolean servicesEnabledInitially) {
    this.servicesEnabledInitially = servicesEnabledInitially;
  }

  /**
   * Returns whether an object of this origin starts with its services enabled.
   *
   * @return true only for {@link #ADDED}
   */
  public boolean servicesEnabledInitially() {
    return servicesEnabledInitially;
  }
}
