// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.net;

import static java.util.Objects.requireNonNull;

/**
 * The user name of a connection (for example the Connection User of a session-appliance link): 1 to
 * 255 characters with no spaces, no other white space and no control characters, as the appliance
 * requires ("Do not include spaces in the user name").
 *
 * @param value the user name
 */
public record ConnectionUserName(String value) {

  /**
   * Validates the user name.
   *
   * @param value the user name
   * @throws NullPointerException if {@code value} is null
   * @throws InvalidValueException (field {@code ConnectionUserName}) if it breaks the rule
   */
  public ConnectionUserName {
    check("ConnectionUserName", value);
  }

  /**
   * Returns a user name.
   *
   * @param value 1 to 255 characters without spaces
   * @return the user name
   * @throws InvalidValueException (field {@code ConnectionUserName}) if it breaks the rule
   */
  public static ConnectionUserName of(String value) {
    return new ConnectionUserName(value);
  }

  /**
   * Checks a user name held by a field of another name.
   *
   * @param field the field name for the error
   * @param value the user name
   * @return the user name
   * @throws InvalidValueException naming {@code field} if it breaks the rule
   */
  public static ConnectionUserName of(String field, String value) {
    check(field, value);
    return new ConnectionUserName(value);
  }

  private static void check(String field, String value) {
    requireNonNull(value, field);
    if (value.isEmpty()) {
      throw new InvalidValueException(field, "is empty; a user name is required");
    }
    if (value.length() > 255) {
      throw new InvalidValueException(
          field, "is " + value.length() + " characters long; at most 255 are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ') {
        throw new InvalidValueException(
            field,
            "'" + value + "' contains a space at index " + i + "; user names have no spaces");
      }
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw new InvalidValueException(
            field,
            "contains white space or a control character (U+"
                + String.format("%04X", (int) c)
                + ") at index "
                + i
                + "; user names have no spaces");
      }
    }
  }

  /** Returns the user name. */
  @Override
  public String toString() {
    return value;
  }
}
