// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core;

import static java.util.Objects.requireNonNull;

/**
 * One broken rule: where (a field name or a JSON path such as {@code
 * $.EmailClientConfig.PortNumber}) and what is wrong with the value, including the rule.
 *
 * @param path the field name or JSON path of the offending value
 * @param message the value's problem and the rule it breaks, e.g. {@code "70000 is outside
 *     1..65535"}; never contains a secret
 */
public record Violation(String path, String message) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if either component is null
   */
  public Violation {
    requireNonNull(path, "path");
    requireNonNull(message, "message");
  }

  /** Returns {@code path + ": " + message}. */
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
