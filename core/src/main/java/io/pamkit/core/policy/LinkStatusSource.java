// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

/**
 * Tells the service-toggle engine whether a session appliance is linked, which switching the Audit
 * Log Stream Service on requires. The session-link module (or the application) provides it; the
 * engine asks each time the service is switched on.
 */
@FunctionalInterface
public interface LinkStatusSource {

  /**
   * Returns the current link status. Called without locks held by the caller's thread; an exception
   * counts as "not linked" with the exception as the reason.
   *
   * @return the status
   */
  LinkStatus linkStatus();
}
