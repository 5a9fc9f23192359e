// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

/** The exit codes of the {@code pamkit} tool. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** A delivery failed, or a remote appliance answered with an error. */
  public static final int FAILURE = 1;

  /** Bad input: a missing file, a malformed document, an unknown name or option. */
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
