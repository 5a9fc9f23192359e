// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --wait SECONDS} and the wait of the commands that publish: until every notification is
 * delivered or dead-lettered, with a progress bar on a terminal, then exit code 1 with one line on
 * standard error when one was dead-lettered or is still pending.
 */
final class DeliveryWait {
  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "How long to wait for the outcomes (default: ${DEFAULT-VALUE}).")
  int seconds;

  /**
   * Checks the option before anything is sent.
   *
   * @throws UsageException if it is below one second
   */
  void check() {
    if (seconds < 1) {
      throw new UsageException("--wait: " + seconds + " must be at least 1");
    }
  }

  /**
   * Waits for the outcomes of what was published (see {@link Integration#awaitSettled}).
   *
   * @param integration the running integration
   * @param spec the command, whose standard error shows the progress bar
   * @param label what the bar says is being done
   * @param json whether the command prints JSON (then no bar)
   * @return true if every notification has an outcome, false on time-out
   * @throws InterruptedException if interrupted while waiting
   */
  boolean await(Integration integration, CommandSpec spec, String label, boolean json)
      throws InterruptedException {
    try (Progress progress =
        Progress.start(
            spec.commandLine().getErr(), label, integration.tracker().published(), json)) {
      return integration.awaitSettled(Duration.ofSeconds(seconds), progress::update);
    }
  }

  /**
   * Returns the command's exit code, printing the reason of a failure.
   *
   * @param spec the command
   * @param tracker the outcomes
   * @param settled what {@link #await} returned
   * @return {@value ExitCodes#OK}, or {@value ExitCodes#FAILURE} when a notification was
   *     dead-lettered or is still pending
   */
  int exitCode(CommandSpec spec, DeliveryTracker tracker, boolean settled) {
    long dead = tracker.deadLettered();
    if (dead > 0 || !settled) {
      return PamkitCli.failure(
          spec,
          dead
              + " notification(s) dead-lettered"
              + (settled ? "" : ", some still pending after " + seconds + " s"));
    }
    return ExitCodes.OK;
  }
}
