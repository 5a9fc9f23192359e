// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One checked prerequisite or rule: what it is, its outcome, why, and what to do about it.
 *
 * @param id a stable identifier, e.g. {@code CENTRAL_MANAGEMENT}
 * @param rule the prerequisite in words
 * @param status the outcome
 * @param detail what was found
 * @param remedy what to do when it failed or is unknown; null when it passed
 */
public record Check(
    String id, String rule, CheckStatus status, String detail, @Nullable String remedy) {
  /**
   * Validates the components.
   *
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a failed or unknown check has no remedy
   */
  public Check {
    requireNonNull(id, "id");
    requireNonNull(rule, "rule");
    requireNonNull(status, "status");
    requireNonNull(detail, "detail");
    if (status != CheckStatus.PASS && remedy == null) {
      throw new IllegalArgumentException("check " + id + " is " + status + " but has no remedy");
    }
  }

  static Check pass(String id, String rule, String detail) {
    return new Check(id, rule, CheckStatus.PASS, detail, null);
  }

  static Check fail(String id, String rule, String detail, String remedy) {
    return new Check(id, rule, CheckStatus.FAIL, detail, remedy);
  }

  static Check unknown(String id, String rule, String remedy) {
    return new Check(id, rule, CheckStatus.UNKNOWN, "not known", remedy);
  }

  /** Returns {@code [STATUS] id: detail (remedy)}. */
  @Override
  public String toString() {
    return "[" + status + "] " + id + ": " + detail + (remedy == null ? "" : " -> " + remedy);
  }
}
