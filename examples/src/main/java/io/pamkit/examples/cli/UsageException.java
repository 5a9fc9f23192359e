// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import java.util.Collection;

/**
 * Bad input to a {@code pamkit} command that no library type reports: a missing file, an unknown
 * subscriber, a missing confirmation. The tool prints its message on one line and exits with
 * {@value ExitCodes#BAD_INPUT}.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the input, on one line
   */
  public UsageException(String message) {
    super(message);
  }

  /**
   * Creates the exception for a name the command does not know, suggesting the closest known one
   * (compared case-insensitively, by edit distance), or else listing the known names when there are
   * at most 40: {@code unknown service 'SessionRequest'; did you mean 'SessionRequestsEnabled'?}.
   *
   * @param what what kind of name, e.g. {@code "service"} or {@code "subscriber"}
   * @param given the name as typed
   * @param known the names the command knows, in order of preference
   * @return the exception, to throw
   */
  public static UsageException unknownName(String what, String given, Collection<String> known) {
    String hint = hint(given, known);
    String list =
        hint.isEmpty() && !known.isEmpty() && known.size() <= 40
            ? "; the known " + what + " names are " + String.join(", ", known)
            : "";
    return new UsageException("unknown " + what + " '" + given + "'" + hint + list);
  }

  /**
   * Returns the did-you-mean hint for a name: {@code "; did you mean 'X'?"}, or {@code ""} when no
   * known name is close.
   *
   * @param given the name as typed
   * @param known the names the command knows, in order of preference
   * @return the hint to append to a message
   */
  static String hint(String given, Collection<String> known) {
    return Suggestions.hint(given, known);
  }
}
