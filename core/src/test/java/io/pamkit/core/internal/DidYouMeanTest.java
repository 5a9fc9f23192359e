// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class DidYouMeanTest {
  private static final List<String> NAMES =
      List.of("PasswordChangeFailed", "PasswordChangeSucceeded", "UserLockedOut", "Test");

  @Test
  void closest_transposedLetters_findsTheName() {
    assertEquals(
        Optional.of("PasswordChangeFailed"), DidYouMean.closest("PasswordChangeFialed", NAMES));
  }

  @Test
  void closest_otherCaseAndSeparators_findsTheName() {
    assertEquals(
        Optional.of("PasswordChangeFailed"), DidYouMean.closest("passwordchangefailed", NAMES));
    assertEquals(Optional.of("UserLockedOut"), DidYouMean.closest("user-locked-out", NAMES));
  }

  @Test
  void closest_nothingClose_empty() {
    assertEquals(Optional.empty(), DidYouMean.closest("ApplianceSick", NAMES));
    assertEquals(Optional.empty(), DidYouMean.closest("", NAMES));
    assertEquals(Optional.empty(), DidYouMean.closest("Xyzw", NAMES));
  }

  @Test
  void closest_shortNames_allowOneEdit() {
    assertEquals(Optional.of("Test"), DidYouMean.closest("Tset", NAMES));
    assertEquals(Optional.of("--to"), DidYouMean.closest("--ot", List.of("--to", "--timeout")));
  }

  @Test
  void hint_formatsOrIsEmpty() {
    assertEquals("; did you mean 'UserLockedOut'?", DidYouMean.hint("UserLockedOt", NAMES));
    assertEquals("", DidYouMean.hint("Nothing like it", NAMES));
  }

  @Test
  void distance_countsEditsAndTranspositions() {
    assertEquals(0, DidYouMean.distance("abc", "abc"));
    assertEquals(1, DidYouMean.distance("abc", "acb"));
    assertEquals(1, DidYouMean.distance("abc", "abcd"));
    assertEquals(3, DidYouMean.distance("", "abc"));
  }
}
