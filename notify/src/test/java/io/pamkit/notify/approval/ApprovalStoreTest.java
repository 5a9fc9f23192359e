// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.notify.email.ApprovalDecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ApprovalStoreTest {
  private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

  @TempDir Path dir;

  @Test
  void reopen_keepsMessagesAndDecisions() {
    Path f = dir.resolve("s.json");
    ApprovalStore s = ApprovalStore.open(f);
    s.recordMessage("<a@x>", T0.plusSeconds(60), T0);
    s.recordDecision(
        "R-1", "alice@x.com", ApprovalDecision.APPROVED, "<b@x>", T0.plusSeconds(60), T0);

    ApprovalStore again = ApprovalStore.open(f);

    assertTrue(again.processed("<a@x>"));
    assertTrue(again.processed("<b@x>"));
    assertEquals(Optional.of(ApprovalDecision.APPROVED), again.decision("R-1"));
    assertFalse(Files.exists(dir.resolve("s.json.tmp")), "the temporary file was renamed");
  }

  @Test
  void record_prunesEntriesPastTheirTokenExpiry() {
    ApprovalStore s = ApprovalStore.open(dir.resolve("s.json"));
    s.recordMessage("<old@x>", T0.plusSeconds(10), T0);
    s.recordMessage("<new@x>", T0.plusSeconds(100), T0.plusSeconds(20));

    assertFalse(s.processed("<old@x>"));
    assertTrue(s.processed("<new@x>"));
    assertEquals(1, ApprovalStore.open(dir.resolve("s.json")).size());
  }

  @Test
  void record_full_refusedRatherThanForgetting() {
    ApprovalStore s = ApprovalStore.open(dir.resolve("s.json"), 2);
    s.recordMessage("<1@x>", T0.plusSeconds(100), T0);
    s.recordMessage("<2@x>", T0.plusSeconds(100), T0);

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> s.recordMessage("<3@x>", T0.plusSeconds(100), T0));
    assertTrue(e.getMessage().contains("maxEntries"));
    assertTrue(s.processed("<1@x>"));
  }

  @Test
  void open_corruptFile_namesTheProblem() throws Exception {
    Path f = Files.writeString(dir.resolve("s.json"), "{\"Version\":7}");
    ValidationException e = assertThrows(ValidationException.class, () -> ApprovalStore.open(f));
    assertTrue(e.getMessage().contains("Version"), e.getMessage());
  }
}
