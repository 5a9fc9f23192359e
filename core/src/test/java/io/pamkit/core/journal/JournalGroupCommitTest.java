// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import static io.pamkit.core.journal.JournalTestData.ALICE;
import static io.pamkit.core.journal.JournalTestData.BOB;
import static io.pamkit.core.journal.JournalTestData.event;
import static io.pamkit.core.journal.JournalTestData.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.journal.internal.JournalRecord;
import io.pamkit.core.journal.internal.SegmentScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing many events and waiting for the disk once: {@link EventDispatcher#publishAsync} and
 * {@link Journal#appendAsync}.
 */
final class JournalGroupCommitTest {
  @TempDir Path dir;

  /** A peer that is down: every send fails transiently, so every notification stays pending. */
  static final class Down implements Transport {
    @Override
    public String channel() {
      return "Email";
    }

    @Override
    public DeliveryReceipt send(Notification n) throws DeliveryException {
      throw new DeliveryException("Email", FailureType.TRANSIENT, "connection refused", null);
    }
  }

  private Set<String> acceptedOnDisk() throws IOException {
    Set<String> keys = new HashSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".seg")).sorted().toList()) {
        for (JournalRecord r : SegmentScanner.scan(Files.readAllBytes(p)).records()) {
          if (r.op() == JournalRecord.Op.ACCEPTED) {
            keys.add(r.key());
          }
        }
      }
    }
    return keys;
  }

  @Test
  void publishAsync_manyEvents_everyRecordOnDiskWhenTheFuturesComplete() throws Exception {
    try (EventDispatcher d =
        EventDispatcher.builder()
            .transport(new Down())
            .subscribers(List.of(ALICE, BOB))
            .outbox(Journal.open(dir))
            .closeTimeout(Duration.ZERO)
            .build()) {
      List<CompletableFuture<Void>> durable = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        durable.add(d.publishAsync(event("e" + i)));
      }
      CompletableFuture.allOf(durable.toArray(new CompletableFuture<?>[0])).join();

      Set<String> keys = acceptedOnDisk(); // read while the journal is open: written, not cached
      assertEquals(600, keys.size(), "one ACCEPTED record per notification, both subscribers");
      assertTrue(keys.contains("e299/7") && keys.contains("e299/8"), keys.toString());
    }
    try (Journal j = Journal.open(dir)) {
      assertEquals(600, j.pending().size(), "all resumed at the next start");
    }
  }

  @Test
  void publishAsync_synchronousDispatcher_alreadyComplete() {
    Transport up =
        new Transport() {
          @Override
          public String channel() {
            return "Email";
          }

          @Override
          public DeliveryReceipt send(Notification n) {
            return DeliveryReceipt.acknowledged("Email", null, java.time.Instant.EPOCH);
          }
        };
    try (EventDispatcher d =
        EventDispatcher.builder()
            .synchronous(true)
            .transport(up)
            .subscribers(List.of(ALICE))
            .outbox(Journal.open(dir))
            .build()) {
      assertTrue(d.publishAsync(event("s1")).isDone());
    }
  }

  @Test
  void appendAsync_futureCompletesAndRecordIsPending() throws Exception {
    try (Journal j = Journal.open(dir)) {
      j.appendAsync(notification("a1", ALICE)).get();
      assertEquals(1, j.pending().size());
      assertEquals(Set.of("a1/7"), acceptedOnDisk());
    }
  }

  @Test
  void appendAsync_budgetUsedUp_refusedAtOnce() {
    try (Journal j = Journal.builder(dir).diskBudget(4096).build()) {
      JournalException e =
          assertThrows(
              JournalException.class,
              () -> {
                for (int i = 0; i < 1000; i++) {
                  j.appendAsync(notification("full-" + i, ALICE));
                }
              });
      assertEquals(JournalException.Reason.FULL, e.reason());
    }
  }
}
