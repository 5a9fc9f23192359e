// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import static io.pamkit.core.journal.JournalTestData.ALICE;
import static io.pamkit.core.journal.JournalTestData.BOB;
import static io.pamkit.core.journal.JournalTestData.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.DeadLetter;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal under a real dispatcher: dead letters across a restart, re-driven by the API. */
final class JournalDispatchTest {
  @TempDir Path dir;

  /** Delivers to a list, or refuses every message permanently. */
  static final class Mailbox implements Transport {
    final List<String> delivered = new CopyOnWriteArrayList<>();
    private final boolean refuse;

    Mailbox(boolean refuse) {
      this.refuse = refuse;
    }

    @Override
    public String channel() {
      return "Email";
    }

    @Override
    public DeliveryReceipt send(Notification n) throws DeliveryException {
      if (refuse) {
        throw new DeliveryException(
            "Email", FailureType.PERMANENT_MESSAGE, "550 mailbox full", null);
      }
      delivered.add(n.idempotencyKey() + " to " + n.subscriber().emailAddress().orElse("?"));
      return new DeliveryReceipt("Email", null, Instant.now());
    }
  }

  private static EventDispatcher dispatcher(Mailbox box, Journal journal) {
    return EventDispatcher.builder()
        .synchronous(true)
        .transport(box)
        .subscribers(List.of(ALICE, BOB))
        .outbox(journal)
        .build();
  }

  @Test
  void deadLetters_surviveRestart_andDispatcherRedrivesThemToTheRightSubscriber() {
    Mailbox refusing = new Mailbox(true);
    try (EventDispatcher d = dispatcher(refusing, Journal.open(dir))) {
      d.publish(event("e1"));
      assertEquals(2, d.deadLetterSink().list().size());
      assertTrue(d.deadLetterSink() instanceof Journal, "the journal is the dead-letter sink");
    }
    Mailbox working = new Mailbox(false);
    try (EventDispatcher d = dispatcher(working, Journal.open(dir))) {
      List<DeadLetter> dead = d.deadLetterSink().list();
      assertEquals(2, dead.size(), "dead letters survived the restart");
      assertEquals("550 mailbox full", dead.get(0).reason());
      assertEquals(List.of(), working.delivered, "dead letters are not resumed by themselves");
      assertEquals(2, d.redriveAll());
      assertEquals(
          List.of("e1/7 to alice@example.com", "e1/8 to bob@example.com"), working.delivered);
      assertEquals(List.of(), d.deadLetterSink().list());
      d.shutdown(Duration.ofSeconds(5));
    }
    try (Journal j = Journal.open(dir)) {
      assertEquals(List.of(), j.pending());
      assertEquals(List.of(), j.deadLetters());
    }
  }
}
