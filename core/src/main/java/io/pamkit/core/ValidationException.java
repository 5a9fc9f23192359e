// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks one or more rules. Carries every {@link Violation} found, not just the first,
 * so that a user can fix a document in one pass. The message lists them one per line.
 */
public class ValidationException extends PamkitException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  /**
   * Creates an exception for one or more violations.
   *
   * @param violations every broken rule found; must not be empty
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public ValidationException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /**
   * Creates an exception for a single violation.
   *
   * @param path the field name or JSON path of the value
   * @param message the value's problem and the rule it breaks
   */
  public ValidationException(String path, String message) {
    this(List.of(new Violation(path, message)));
  }

  /**
   * Returns every violation found, in the order found.
   *
   * @return an immutable, non-empty list
   */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("violations must not be empty");
    }
    if (violations.size() == 1) {
      return violations.get(0).toString();
    }
    return violations.size()
        + " problems:\n"
        + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
  }
}
