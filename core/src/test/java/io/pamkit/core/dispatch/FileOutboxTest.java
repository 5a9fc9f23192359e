// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static io.pamkit.core.dispatch.EventDispatcherRoutingTest.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.subscription.Subscriber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FileOutboxTest {
  @TempDir Path dir;

  private final Subscriber subscriber =
      Subscriber.builder("Email").id(7).subscribe("UserCreated").build();

  private static ApplianceEvent event(String id) {
    return ApplianceEvent.builder("UserCreated")
        .id(id)
        .time(Instant.parse("2026-01-02T03:04:05Z"))
        .applianceId("SPP-1")
        .level(EventLevel.WARN)
        .object("User", "42")
        .property("UserName", "alice")
        .property("Note", "line1\nline2 \"quoted\"")
        .build();
  }

  @Test
  void reopen_returnsAppendedNotCompletedEntriesInOrder() {
    Path file = dir.resolve("outbox.jsonl");
    try (FileOutbox box = FileOutbox.open(file)) {
      box.append(Notification.of(event("e1"), subscriber));
      box.append(Notification.of(event("e2"), subscriber));
      box.append(Notification.of(event("e3"), subscriber));
      box.complete(Notification.of(event("e2"), subscriber));
    }
    try (FileOutbox box = FileOutbox.open(file)) {
      List<Outbox.Entry> pending = box.pending();
      assertEquals(
          List.of("e1/7", "e3/7"), pending.stream().map(Outbox.Entry::idempotencyKey).toList());
      assertEquals(event("e1"), pending.get(0).event());
      assertEquals("Email", pending.get(0).channel());
      assertEquals(7, pending.get(0).subscriberId());
    }
  }

  @Test
  void open_lineWrittenBeforeTheEnumRename_readsTheLevelByItsWireName() throws Exception {
    // An outbox line as pamkit wrote it when EventLevel's constants were spelled Debug, Info, Warn.
    Path file = dir.resolve("outbox.jsonl");
    Files.writeString(
        file,
        "{\"op\":\"append\",\"key\":\"e1/7\",\"channel\":\"Email\",\"subscriberId\":7,"
            + "\"event\":{\"id\":\"e1\",\"name\":\"UserCreated\",\"time\":\"2026-01-02T03:04:05Z\","
            + "\"applianceId\":\"SPP-1\",\"level\":\"Warn\",\"objectType\":\"User\","
            + "\"objectId\":\"42\",\"properties\":{\"UserName\":\"alice\","
            + "\"Note\":\"line1\\nline2 \\\"quoted\\\"\"}}}\n",
        StandardCharsets.UTF_8);
    try (FileOutbox box = FileOutbox.open(file)) {
      assertEquals(event("e1"), box.pending().get(0).event());
      assertEquals(EventLevel.WARN, box.pending().get(0).event().level());
      box.append(Notification.of(event("e2"), subscriber));
    }
    // and still writes that spelling
    assertTrue(Files.readString(file).contains("\"level\":\"Warn\""), Files.readString(file));
  }

  @Test
  void open_tornLastLine_isIgnored() throws Exception {
    Path file = dir.resolve("outbox.jsonl");
    try (FileOutbox box = FileOutbox.open(file)) {
      box.append(Notification.of(event("e1"), subscriber));
    }
    Files.writeString(
        file,
        "{\"op\":\"append\",\"key\":\"e2/7\",\"chan",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (FileOutbox box = FileOutbox.open(file)) {
      assertEquals(
          List.of("e1/7"), box.pending().stream().map(Outbox.Entry::idempotencyKey).toList());
    }
  }

  @Test
  void open_corruptLineInTheMiddle_throwsNamingTheLine() throws Exception {
    Path file = dir.resolve("outbox.jsonl");
    Files.writeString(file, "garbage\n{\"op\":\"complete\",\"key\":\"k\",\"channel\":\"c\"}\n");
    OutboxException e = assertThrows(OutboxException.class, () -> FileOutbox.open(file));
    assertTrue(e.getCause().getMessage().contains("line 1"), e.getCause().getMessage());
  }

  @Test
  void dispatcher_restart_resumesUndeliveredNotifications() throws Exception {
    Path file = dir.resolve("outbox.jsonl");
    CountDownLatch never = new CountDownLatch(1);
    TestTransport stuck = new TestTransport("Email", (n, a) -> never.await(30, TimeUnit.SECONDS));
    EventDispatcher first =
        EventDispatcher.builder()
            .transport(stuck)
            .subscribers(List.of(subscriber))
            .outbox(FileOutbox.open(file))
            .build();
    first.publish(event("e1"));
    first.publish(event("e2"));
    ShutdownReport report = first.shutdown(Duration.ZERO);
    never.countDown();
    assertEquals(2, report.undelivered().size() + report.inFlight().size());

    CountDownLatch delivered = new CountDownLatch(2);
    TestTransport working = new TestTransport("Email", (n, a) -> delivered.countDown());
    try (EventDispatcher second =
        EventDispatcher.builder()
            .transport(working)
            .subscribers(List.of(subscriber))
            .outbox(FileOutbox.open(file))
            .build()) {
      assertTrue(delivered.await(30, TimeUnit.SECONDS));
      assertTrue(second.shutdown(Duration.ofSeconds(30)).drained());
      assertEquals(List.of("e1/7", "e2/7"), keys(working.attempts));
      assertEquals(event("e1"), working.attempts.get(0).event());
    }
    try (FileOutbox box = FileOutbox.open(file)) {
      assertEquals(List.of(), box.pending(), "completed after delivery");
    }
  }

  @Test
  void dispatcher_restartWithoutTheSubscriber_deadLettersResumedEntry() {
    Path file = dir.resolve("outbox.jsonl");
    try (FileOutbox box = FileOutbox.open(file)) {
      box.append(Notification.of(event("e1"), subscriber));
    }
    try (EventDispatcher d =
        EventDispatcher.builder()
            .synchronous(true)
            .transport(new TestTransport("Email"))
            .outbox(FileOutbox.open(file))
            .build()) {
      List<DeadLetter> letters = d.deadLetterSink().list();
      assertEquals(1, letters.size());
      assertEquals("subscriber 7 no longer exists", letters.get(0).reason());
      assertEquals("e1/7", letters.get(0).notification().idempotencyKey());
    }
  }
}
