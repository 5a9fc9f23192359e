// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import static io.pamkit.core.journal.JournalTestData.ALICE;
import static io.pamkit.core.journal.JournalTestData.event;
import static io.pamkit.core.journal.JournalTestData.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.Outbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power loss and bit rot: a journal cut at every byte offset of its last records, and a journal
 * with a flipped bit in every byte of a record, opens with everything before the damage kept, the
 * records after a corrupt one kept, and the damage reported.
 */
final class JournalRecoveryTest {
  private static final String SEGMENT = "0000000000000001.seg";
  private static final int RECORDS = 4;

  @TempDir Path dir;

  /** The journal's bytes and where each record ends. */
  private byte[] data = new byte[0];

  private final long[] ends = new long[RECORDS];

  @BeforeEach
  void write() throws IOException {
    Path source = dir.resolve("source");
    try (Journal j = Journal.builder(source).fsyncPolicy(FsyncPolicy.NONE).build()) {
      for (int i = 0; i < RECORDS; i++) {
        j.append(notification("e" + i, ALICE));
        ends[i] = j.diskUsage();
      }
    }
    data = Files.readAllBytes(source.resolve(SEGMENT));
    assertEquals(ends[RECORDS - 1], data.length);
  }

  private Journal openWith(byte[] bytes, String name) throws IOException {
    Path d = dir.resolve(name);
    Files.createDirectories(d);
    Files.write(d.resolve(SEGMENT), bytes);
    return Journal.builder(d).fsyncPolicy(FsyncPolicy.NONE).build();
  }

  private static List<String> keys(Journal j) {
    return j.pending().stream().map(Outbox.Entry::idempotencyKey).toList();
  }

  @Test
  void open_cutAtEveryOffsetOfTheLastTwoRecords_keepsWholeRecordsAndReportsTheTornTail()
      throws IOException {
    for (long cut = ends[RECORDS - 3]; cut <= data.length; cut++) {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < RECORDS; i++) {
        if (ends[i] <= cut) {
          expected.add("e" + i + "/7");
        }
      }
      long c = cut;
      boolean onBoundary = c == 0 || Arrays.stream(ends).anyMatch(e -> e == c);
      try (Journal j = openWith(Arrays.copyOf(data, (int) cut), "cut" + cut)) {
        assertEquals(expected, keys(j), "cut at " + cut);
        assertEquals(onBoundary, j.recovery().clean(), "cut at " + cut);
        if (!onBoundary) {
          RecoveryReport.Damage d = j.recovery().damage().get(0);
          assertEquals(RecoveryReport.Action.TRUNCATED, d.action());
          assertEquals(ends[expected.size() - 1], d.offset());
        }
        // The journal is usable after the truncation: a new record lands on a clean tail.
        j.append(notification("after", ALICE));
      }
      try (Journal j = Journal.open(dir.resolve("cut" + cut))) {
        assertTrue(j.recovery().clean(), "reopened after cut at " + cut);
        assertEquals(expected.size() + 1, j.pending().size());
        assertEquals(event("e0"), j.pending().get(0).event());
      }
    }
  }

  @Test
  void open_flippedBitInEveryByteOfAMiddleRecord_skipsItKeepsTheOthersAndReportsIt()
      throws IOException {
    int start = (int) ends[0];
    int end = (int) ends[1];
    for (int at = start; at < end; at++) {
      byte[] damaged = data.clone();
      damaged[at] ^= (byte) (1 << (at % 8));
      try (Journal j = openWith(damaged, "flip" + at)) {
        assertEquals(List.of("e0/7", "e2/7", "e3/7"), keys(j), "bit flipped at " + at);
        assertFalse(j.recovery().clean());
        RecoveryReport.Damage d = j.recovery().damage().get(0);
        assertEquals(RecoveryReport.Action.SKIPPED, d.action(), "bit flipped at " + at);
        assertEquals(start, d.offset());
        assertEquals(end - start, d.length());
      }
    }
  }

  @Test
  void open_flippedBitInTheLastRecord_truncatesItAndKeepsTheOthers() throws IOException {
    int start = (int) ends[RECORDS - 2];
    for (int at = start; at < data.length; at += 7) {
      byte[] damaged = data.clone();
      damaged[at] ^= 0x10;
      try (Journal j = openWith(damaged, "last" + at)) {
        assertEquals(List.of("e0/7", "e1/7", "e2/7"), keys(j), "bit flipped at " + at);
        assertEquals(RecoveryReport.Action.TRUNCATED, j.recovery().damage().get(0).action());
      }
    }
  }

  @Test
  void open_garbageBetweenRecords_isSkipped() throws IOException {
    byte[] garbage =
        "PJR1 not a record at all, écrit à moitié"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] damaged = new byte[data.length + garbage.length];
    System.arraycopy(data, 0, damaged, 0, (int) ends[1]);
    System.arraycopy(garbage, 0, damaged, (int) ends[1], garbage.length);
    System.arraycopy(
        data, (int) ends[1], damaged, (int) ends[1] + garbage.length, data.length - (int) ends[1]);
    try (Journal j = openWith(damaged, "garbage")) {
      assertEquals(List.of("e0/7", "e1/7", "e2/7", "e3/7"), keys(j));
      assertEquals(1, j.recovery().damage().size());
      assertEquals(garbage.length, j.recovery().damage().get(0).length());
    }
  }
}
