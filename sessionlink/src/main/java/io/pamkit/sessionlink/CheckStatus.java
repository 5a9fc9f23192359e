// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

/** The outcome of one pre-flight or workflow check. */
public enum CheckStatus {
  /** The prerequisite is met. */
  PASS,
  /** The prerequisite is not met; the check's remedy says what to do. */
  FAIL,
  /** Not enough is known to decide; the remedy says what to verify. */
  UNKNOWN
}
