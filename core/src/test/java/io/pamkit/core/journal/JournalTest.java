// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import static io.pamkit.core.journal.JournalTestData.ALICE;
import static io.pamkit.core.journal.JournalTestData.BOB;
import static io.pamkit.core.journal.JournalTestData.event;
import static io.pamkit.core.journal.JournalTestData.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.DeadLetter;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.Outbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class JournalTest {
  @TempDir Path dir;

  static Stream<FsyncPolicy> policies() {
    return Stream.of(
        FsyncPolicy.EVERY_RECORD,
        FsyncPolicy.GROUP_COMMIT,
        FsyncPolicy.interval(Duration.ofMillis(5)),
        FsyncPolicy.NONE);
  }

  private static List<String> keys(List<Outbox.Entry> entries) {
    return entries.stream().map(Outbox.Entry::idempotencyKey).toList();
  }

  @ParameterizedTest
  @MethodSource("policies")
  void reopen_anyPolicy_keepsAcceptedNotDeliveredInOrder(FsyncPolicy policy) {
    try (Journal j = Journal.builder(dir).fsyncPolicy(policy).build()) {
      j.append(notification("e1", ALICE));
      j.append(notification("e1", BOB));
      j.append(notification("e2", ALICE));
      j.complete(notification("e1", ALICE));
    }
    try (Journal j = Journal.open(dir)) {
      assertEquals(List.of("e1/8", "e2/7"), keys(j.pending()));
      Outbox.Entry first = j.pending().get(0);
      assertEquals(event("e1"), first.event());
      assertEquals(8, first.subscriberId());
      assertEquals("Email", first.channel());
      assertTrue(j.recovery().clean());
      assertEquals(4, j.recovery().records());
    }
  }

  @Test
  void open_twice_secondGetsLockedError() {
    try (Journal j = Journal.open(dir)) {
      JournalException e = assertThrows(JournalException.class, () -> Journal.open(dir));
      assertEquals(JournalException.Reason.LOCKED, e.reason());
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
      j.append(notification("e1", ALICE));
    }
    try (Journal j = Journal.open(dir)) {
      assertEquals(1, j.pending().size());
    }
  }

  @Test
  void append_interruptedPublisher_journalStaysUsable() {
    try (Journal j = Journal.open(dir)) {
      Thread.currentThread().interrupt();
      j.append(notification("e1", ALICE));
      assertTrue(Thread.interrupted(), "the interrupt flag is kept");
      j.append(notification("e2", ALICE));
      assertEquals(List.of("e1/7", "e2/7"), keys(j.pending()));
    }
    try (Journal j = Journal.open(dir)) {
      assertEquals(List.of("e1/7", "e2/7"), keys(j.pending()));
    }
  }

  @Test
  void append_overDiskBudget_refusesNewWorkButKeepsAcceptedAndCompletes() {
    try (Journal j = Journal.builder(dir).diskBudget(4096).segmentSize(4096).build()) {
      List<Notification> accepted = new ArrayList<>();
      JournalException full = null;
      for (int i = 0; i < 1000 && full == null; i++) {
        Notification n = notification("e" + i, ALICE);
        try {
          j.append(n);
          accepted.add(n);
        } catch (JournalException e) {
          full = e;
        }
      }
      assertTrue(full != null, "the budget must be reached");
      assertEquals(JournalException.Reason.FULL, full.reason());
      assertTrue(full.getMessage().contains("disk budget"), full.getMessage());
      assertEquals(accepted.size(), j.pending().size());
      for (Notification n : accepted) {
        j.complete(n);
      }
      assertEquals(0, j.pending().size());
    }
    try (Journal j = Journal.builder(dir).diskBudget(4096).segmentSize(4096).build()) {
      assertEquals(0, j.pending().size(), "completions beyond the budget were written");
    }
  }

  @Test
  void deadLetters_surviveRestart_thenRedriveAndPurge() {
    Notification a = notification("e1", ALICE);
    Notification b = notification("e1", BOB);
    try (Journal j = Journal.open(dir)) {
      j.append(a);
      j.append(b);
      j.deadLettered(
          new DeadLetter(
              a, List.of(), "550 mailbox unavailable", Instant.parse("2026-01-02T03:04:06Z")));
      j.accept(
          new DeadLetter(
              b, List.of(), "certificate expired", Instant.parse("2026-01-02T03:04:07Z")));
      j.complete(a);
      assertEquals(List.of(), j.pending(), "a dead letter is not pending, complete ignores it");
    }
    try (Journal j = Journal.open(dir)) {
      List<JournalDeadLetter> dead = j.deadLetters();
      assertEquals(
          List.of("Email:e1/7", "Email:e1/8"), dead.stream().map(JournalDeadLetter::id).toList());
      assertEquals("550 mailbox unavailable", dead.get(0).reason());
      assertEquals(event("e1"), dead.get(0).entry().event());
      assertEquals(2, j.list().size());
      assertTrue(j.redrive("Email:e1/7"));
      assertFalse(j.redrive("Email:e1/7"), "no longer a dead letter");
      assertTrue(j.purge("Email:e1/8"));
      assertFalse(j.purge("Email:nope"));
    }
    try (Journal j = Journal.open(dir)) {
      assertEquals(List.of("e1/7"), keys(j.pending()), "the re-driven one is resumed");
      assertEquals(List.of(), j.deadLetters(), "the purged one is gone");
    }
  }

  @Test
  void segments_whenWorkIsDone_areDeletedAndLiveRecordsMoved() throws IOException {
    Notification keep = notification("keep", ALICE);
    // NONE: compaction does not depend on the policy, and 4000 fsyncs would only slow the test.
    try (Journal j = Journal.builder(dir).segmentSize(4096).fsyncPolicy(FsyncPolicy.NONE).build()) {
      j.append(keep);
      j.accept(new DeadLetter(notification("dead", BOB), List.of(), "refused", Instant.EPOCH));
      for (int i = 0; i < 2000; i++) {
        Notification n = notification("e" + i, ALICE);
        j.append(n);
        j.complete(n);
      }
      assertTrue(j.diskUsage() < 3 * 4096 + 1024, "disk usage " + j.diskUsage());
    }
    try (Stream<Path> files = Files.list(dir)) {
      long segments = files.filter(p -> p.toString().endsWith(".seg")).count();
      assertTrue(segments <= 3, segments + " segments left");
    }
    try (Journal j = Journal.open(dir)) {
      assertEquals(List.of("keep/7"), keys(j.pending()));
      assertEquals(
          List.of("Email:dead/8"), j.deadLetters().stream().map(JournalDeadLetter::id).toList());
      assertTrue(j.recovery().clean());
    }
  }

  @Test
  void append_manyConcurrentPublishers_allDurable() throws Exception {
    int threads = 8;
    int each = 500;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> publishers = new ArrayList<>();
    try (Journal j = Journal.open(dir)) {
      for (int t = 0; t < threads; t++) {
        int id = t;
        Thread th =
            new Thread(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  for (int i = 0; i < each; i++) {
                    j.append(notification("t" + id + "-" + i, ALICE));
                  }
                });
        th.start();
        publishers.add(th);
      }
      start.countDown();
      for (Thread th : publishers) {
        th.join();
      }
      assertEquals(threads * each, j.pending().size());
    }
    try (Journal j = Journal.open(dir)) {
      assertEquals(threads * each, j.pending().size());
    }
  }

  @Test
  void closed_append_failsWithClosed() {
    Journal j = Journal.open(dir);
    j.close();
    j.close();
    JournalException e =
        assertThrows(JournalException.class, () -> j.append(notification("e1", ALICE)));
    assertEquals(JournalException.Reason.CLOSED, e.reason());
  }

  @Test
  void fsyncPolicy_interval_outOfRange_refused() {
    assertThrows(IllegalArgumentException.class, () -> FsyncPolicy.interval(Duration.ZERO));
    assertEquals("INTERVAL(5 ms)", FsyncPolicy.interval(Duration.ofMillis(5)).toString());
  }
}
