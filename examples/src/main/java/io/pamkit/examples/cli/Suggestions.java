// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tool's "did you mean" hints for the names it knows itself: commands, options, services,
 * subscribers, categories and option choices (event names use the catalog's public {@link
 * io.pamkit.core.event.EventCatalog#suggest}). The examples use only pamkit's exported API, so this
 * is the tool's own small copy of the rule, not the library's internal one.
 *
 * <p>Names are compared on their letters and digits, lower-cased ({@code --confg} is {@code confg},
 * {@code password-change-failed} is {@code passwordchangefailed}), by the number of edits between
 * them: a character inserted, deleted or replaced, or two neighbours swapped. A known name is
 * offered when it needs at most one edit per three characters typed (at least one, at most four);
 * of equally close names the first wins.
 */
final class Suggestions {
  private static final int MOST_EDITS = 4;

  private Suggestions() {}

  /**
   * Returns the hint to append to an error message.
   *
   * @param typed what the user typed
   * @param known the names the command knows, in order of preference
   * @return {@code "; did you mean 'X'?"}, or {@code ""} when no known name is close
   */
  static String hint(String typed, Iterable<String> known) {
    return hint(closest(typed, known));
  }

  /**
   * Returns the hint for a suggestion, e.g. the catalog's {@code suggest} for an event name.
   *
   * @param suggestion the name to offer, or empty
   * @return {@code "; did you mean 'X'?"}, or {@code ""}
   */
  static String hint(Optional<String> suggestion) {
    return suggestion.map(name -> "; did you mean '" + name + "'?").orElse("");
  }

  /**
   * Returns the known name closest to what was typed, if one is close enough.
   *
   * @param typed what the user typed
   * @param known the names the command knows, in order of preference
   * @return the name as spelt in {@code known}, or empty
   */
  static Optional<String> closest(String typed, Iterable<String> known) {
    String t = letters(typed);
    int allowed = Math.max(1, Math.min(MOST_EDITS, t.length() / 3));
    @Nullable String best = null;
    int fewest = allowed + 1;
    for (String name : known) {
      String k = letters(name);
      if (t.isEmpty() || k.isEmpty() || Math.abs(k.length() - t.length()) >= fewest) {
        continue;
      }
      int e = edits(t, k);
      if (e < fewest) {
        best = name;
        fewest = e;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Counts the edits that turn one text into the other (insert, delete, replace, swap neighbours).
   *
   * @param from one text
   * @param to the other
   * @return the number of edits
   */
  static int edits(String from, String to) {
    // three rows of the edit table: two rows back (for swaps), the previous row and this one
    int[] twoBack = new int[to.length() + 1];
    int[] previous = new int[to.length() + 1];
    int[] current = new int[to.length() + 1];
    for (int j = 0; j <= to.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= from.length(); i++) {
      current[0] = i;
      char f = from.charAt(i - 1);
      for (int j = 1; j <= to.length(); j++) {
        char c = to.charAt(j - 1);
        int best = Math.min(previous[j] + 1, current[j - 1] + 1);
        best = Math.min(best, previous[j - 1] + (f == c ? 0 : 1));
        boolean swapped = i > 1 && j > 1 && f == to.charAt(j - 2) && from.charAt(i - 2) == c;
        current[j] = swapped ? Math.min(best, twoBack[j - 2] + 1) : best;
      }
      int[] reuse = twoBack;
      twoBack = previous;
      previous = current;
      current = reuse;
    }
    return previous[to.length()];
  }

  private static String letters(String s) {
    return s.codePoints()
        .filter(Character::isLetterOrDigit)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString()
        .toLowerCase(Locale.ROOT);
  }
}
