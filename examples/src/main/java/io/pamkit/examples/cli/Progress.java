// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar for long runs, drawn only when the tool writes to a terminal ({@code
 * System.console() != null}) and never when output is redirected or in {@code --json} mode.
 */
final class Progress implements AutoCloseable {
  private static final int WIDTH = 30;
  private final PrintWriter out;
  private final String label;
  private final long total;
  private final boolean enabled;
  private boolean drawn;

  private Progress(PrintWriter out, String label, long total, boolean enabled) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.enabled = enabled;
  }

  /**
   * Starts a bar.
   *
   * @param out where to draw it (the command's error stream, so that standard output stays clean)
   * @param label what is being done
   * @param total the number of steps
   * @param json whether the command prints JSON (then no bar is drawn)
   * @return the bar
   */
  static Progress start(PrintWriter out, String label, long total, boolean json) {
    return new Progress(
        out, label, total, !json && !PamkitCli.quiet() && System.console() != null && total > 0);
  }

  /**
   * Shows the number of steps done.
   *
   * @param done the steps done so far
   */
  void update(long done) {
    if (!enabled) {
      return;
    }
    long d = Math.min(done, total);
    int filled = (int) (WIDTH * d / total);
    out.print(
        "\r"
            + label
            + " ["
            + "#".repeat(filled)
            + " ".repeat(WIDTH - filled)
            + "] "
            + d
            + "/"
            + total);
    out.flush();
    drawn = true;
  }

  @Override
  public void close() {
    if (drawn) {
      out.println();
      out.flush();
    }
  }
}
