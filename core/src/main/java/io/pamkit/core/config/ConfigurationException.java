// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import java.util.List;

/**
 * A configuration document that cannot be used: not JSON, unknown fields, values of the wrong type
 * and broken rules. It lists <em>every</em> problem found, each with its JSON path (e.g. {@code
 * $.EmailClientConfig.PortNumber: 70000 is outside 1..65535}), so that a document can be fixed in
 * one pass. Messages never contain a secret.
 */
public final class ConfigurationException extends ValidationException {
  /** The serialized form's version. */
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param violations every problem found, in the order found; not empty
   */
  public ConfigurationException(List<Violation> violations) {
    super(violations);
  }
}
