// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.net;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;

/**
 * A network value (host address, port, email address, timeout, user name) that breaks its rule.
 * {@link #field()} names the field and {@link #rule()} says what is wrong and which rule applies;
 * the message is {@code field + ": " + rule}, and the single {@linkplain #violations() violation}
 * carries the same two parts, so the configuration reader can re-attach the rule to a JSON path.
 */
public final class InvalidValueException extends ValidationException {
  /** The serialized form's version. */
  private static final long serialVersionUID = 1L;

  /** The field name. */
  private final String field;

  /** The rule text. */
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param field the name of the field holding the value, e.g. {@code "ServerAddress"}
   * @param rule the value's problem and the rule it breaks, e.g. {@code "70000 is outside
   *     1..65535"}; never a secret
   */
  public InvalidValueException(String field, String rule) {
    super(requireNonNull(field, "field"), requireNonNull(rule, "rule"));
    this.field = field;
    this.rule = rule;
  }

  /**
   * Returns the name of the field whose value is invalid.
   *
   * @return the field name
   */
  public String field() {
    return field;
  }

  /**
   * Returns the value's problem and the rule it breaks, without the field name.
   *
   * @return the rule text
   */
  public String rule() {
    return rule;
  }
}
