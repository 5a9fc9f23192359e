// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that nothing signals: an external process to listen on a port, a file to be
 * written, a metric to change. Where a latch, a future or a receiver's blocking read can tell the
 * test, use that instead.
 */
public final class Await {
  private Await() {}

  /**
   * Checks {@code condition} every 10 ms until it holds.
   *
   * @param what what is waited for, for the failure message
   * @param timeout how long to wait at most
   * @param condition the condition
   * @throws AssertionError naming {@code what} if the condition did not hold in time
   * @throws InterruptedException if interrupted while waiting
   */
  public static void until(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    requireNonNull(what, "what");
    requireNonNull(condition, "condition");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
