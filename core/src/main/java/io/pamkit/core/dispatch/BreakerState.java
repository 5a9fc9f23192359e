// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

/** The state of a lane's circuit breaker. */
public enum BreakerState {
  /** Deliveries are attempted; consecutive failures are counted. */
  CLOSED,
  /** Deliveries wait: the transport failed too often or reported a permanent fault. */
  OPEN,
  /** The open period is over: trial deliveries decide between closing and opening again. */
  HALF_OPEN
}
