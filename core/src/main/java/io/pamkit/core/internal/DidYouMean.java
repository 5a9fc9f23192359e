// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the known name a user most likely meant, for "did you mean" hints: event names, command
 * names, option names, service and subscriber names.
 *
 * <p>Names are compared case-insensitively, ignoring everything but letters and digits (so {@code
 * password-change-failed} finds {@code PasswordChangeFailed}), by edit distance with adjacent
 * transpositions (optimal string alignment). A candidate is offered only when it is close enough
 * for the given length: one edit for up to five characters, then one more per three characters, at
 * most four. Ties go to the candidate that comes first.
 */
public final class DidYouMean {
  private static final int MAX_DISTANCE = 4;

  private DidYouMean() {}

  /**
   * Returns the candidate closest to what was given, if one is close enough.
   *
   * @param given what the user typed
   * @param candidates the known names, in order of preference
   * @return the closest candidate as spelt in {@code candidates}, or empty
   */
  public static Optional<String> closest(String given, Iterable<String> candidates) {
    requireNonNull(given, "given");
    requireNonNull(candidates, "candidates");
    String g = normalize(given);
    if (g.isEmpty()) {
      return Optional.empty();
    }
    int limit = Math.min(MAX_DISTANCE, Math.max(1, g.length() / 3));
    @Nullable String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String c = normalize(candidate);
      if (c.isEmpty() || Math.abs(c.length() - g.length()) > limit) {
        continue;
      }
      int d = distance(g, c);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
        if (d == 0) {
          break;
        }
      }
    }
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  /**
   * Returns the hint to append to an error message: {@code "; did you mean 'X'?"}, or the empty
   * string when no candidate is close enough.
   *
   * @param given what the user typed
   * @param candidates the known names, in order of preference
   * @return the hint, or {@code ""}
   */
  public static String hint(String given, Iterable<String> candidates) {
    return closest(given, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  private static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isLetterOrDigit(ch)) {
        b.append(ch);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
