// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The result of a set of checks (the join pre-flight, the sessions-initiated workflow checks), in
 * the order checked. Immutable and thread-safe.
 */
public final class CheckReport {
  private final String title;
  private final List<Check> checks;

  CheckReport(String title, List<Check> checks) {
    this.title = requireNonNull(title, "title");
    this.checks = List.copyOf(checks);
  }

  /**
   * Returns every check, in order.
   *
   * @return the checks
   */
  public List<Check> checks() {
    return checks;
  }

  /**
   * Returns the check with the given id.
   *
   * @param id e.g. {@code VERSIONS}
   * @return the check, or empty when not part of this report
   */
  public Optional<Check> check(String id) {
    return checks.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * Returns the checks with the given outcome.
   *
   * @param status the outcome
   * @return the checks
   */
  public List<Check> withStatus(CheckStatus status) {
    return checks.stream()
        .filter(c -> c.status() == status)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * Returns whether every check passed.
   *
   * @return true when nothing failed and nothing is unknown
   */
  public boolean allPassed() {
    return checks.stream().allMatch(c -> c.status() == CheckStatus.PASS);
  }

  /**
   * Returns whether any check failed.
   *
   * @return true when at least one failed
   */
  public boolean anyFailed() {
    return checks.stream().anyMatch(c -> c.status() == CheckStatus.FAIL);
  }

  /** Returns the title and one line per check. */
  @Override
  public String toString() {
    return title + "\n" + checks.stream().map(c -> "  " + c).collect(Collectors.joining("\n"));
  }
}
