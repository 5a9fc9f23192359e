// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SuggestionsTest {
  private static final List<String> SERVICES =
      List.of("SessionRequestsEnabled", "PasswordChangeEnabled", "PasswordCheckEnabled");

  @Test
  void edits_insertDeleteReplaceAndSwap_eachOne() {
    // same, one deleted, one inserted, one replaced, two swapped, all inserted
    Map<String, Integer> toConfig =
        Map.of("config", 0, "confg", 1, "configs", 1, "conf1g", 1, "cofnig", 1, "", 6);
    toConfig.forEach((from, n) -> assertEquals(n, Suggestions.edits(from, "config"), from));
  }

  @Test
  void closest_ignoresCaseAndPunctuation() {
    assertEquals(
        Optional.of("--config"), Suggestions.closest("--confg", List.of("--to", "--config")));
    assertEquals(
        Optional.of("SessionRequestsEnabled"),
        Suggestions.closest("session-request-enabled", SERVICES));
    assertEquals(
        Optional.of("PasswordChangeEnabled"),
        Suggestions.closest("PASSWORD_CHANG_ENABLED", SERVICES));
  }

  @Test
  void closest_tooFarOrEmpty_none() {
    assertEquals(Optional.empty(), Suggestions.closest("frobnicate", List.of("publish", "events")));
    assertEquals(Optional.empty(), Suggestions.closest("--", List.of("--to")));
    // five characters allow one edit, not two
    assertEquals(Optional.empty(), Suggestions.closest("pblsh", List.of("publish")));
  }

  @Test
  void closest_tie_firstKnownNameWins() {
    assertEquals(Optional.of("ab"), Suggestions.closest("ac", List.of("ab", "ad")));
  }

  @Test
  void hint_formatsTheSuggestionOrNothing() {
    assertEquals("; did you mean 'On-call'?", Suggestions.hint("On-cal", List.of("On-call")));
    assertEquals("", Suggestions.hint("nothing like it", List.of("On-call")));
  }
}
