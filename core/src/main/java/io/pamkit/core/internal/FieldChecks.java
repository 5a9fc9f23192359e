// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import io.pamkit.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The rule checks of optional text fields that the configuration document and the appliance's
 * schemas share, each failure a {@link ValidationException} naming the field, what is wrong and the
 * rule. One copy, so that every field of a kind is held to the same rule with the same words.
 */
public final class FieldChecks {
  private FieldChecks() {}

  /**
   * Checks the length and the characters of an optional text.
   *
   * @param field the field's name, for the message
   * @param value the text, or null (which passes)
   * @param min the fewest characters
   * @param max the most characters
   * @param multiline whether CR, LF and TAB are allowed; other control characters never are
   * @return the value
   * @throws ValidationException if the value breaks a rule
   */
  public static @Nullable String text(
      String field, @Nullable String value, int min, int max, boolean multiline) {
    if (value == null) {
      return null;
    }
    if (value.length() < min) {
      throw new ValidationException(
          field,
          min == 1
              ? "is empty; at least 1 character is required"
              : "is " + value.length() + " characters long; at least " + min + " are required");
    }
    if (value.length() > max) {
      throw new ValidationException(
          field, "is " + value.length() + " characters long; at most " + max + " are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && !(multiline && (c == '\r' || c == '\n' || c == '\t'))) {
        throw new ValidationException(
            field, "contains the control character U+" + hex(c) + " at index " + i);
      }
    }
    return value;
  }

  /**
   * Checks an optional RFC 5424 header field (HOSTNAME, APP-NAME): 1 to {@code max} printable
   * US-ASCII characters, no spaces.
   *
   * @param field the field's name, for the message
   * @param value the text, or null (which passes)
   * @param max the most characters
   * @return the value
   * @throws ValidationException if the value breaks the rule
   */
  public static @Nullable String printable(String field, @Nullable String value, int max) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty() || value.length() > max) {
      throw new ValidationException(
          field, "is " + value.length() + " characters long; 1 to " + max + " are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 33 || c > 126) {
        throw new ValidationException(
            field,
            "must be printable US-ASCII without spaces (RFC 5424); found U+"
                + hex(c)
                + " at index "
                + i);
      }
    }
    return value;
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }
}
