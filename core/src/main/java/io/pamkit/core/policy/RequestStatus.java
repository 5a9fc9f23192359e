// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

/** The state of an open release request registered with {@link ServiceToggles}. */
public enum RequestStatus {
  /** The request's service is on: the request proceeds. */
  OPEN,
  /** The request's service is off: the request waits until it is switched back on. */
  ON_HOLD
}
