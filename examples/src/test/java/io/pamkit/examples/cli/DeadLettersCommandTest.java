// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.DeadLetter;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.journal.Journal;
import io.pamkit.core.subscription.Subscriber;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DeadLettersCommandTest {
  @TempDir Path dir;

  private void deadLetter(String eventId) {
    Subscriber s =
        Subscriber.builder("Email")
            .id(3)
            .emailAddress("a@example.com")
            .subscribe("UserCreated")
            .build();
    try (Journal j = Journal.open(dir)) {
      j.accept(
          new DeadLetter(
              Notification.of(ApplianceEvent.builder("UserCreated").id(eventId).build(), s),
              List.of(),
              "550 mailbox full",
              Instant.parse("2026-01-02T03:04:05Z")));
    }
  }

  @Test
  void listRedrivePurge_changeTheJournal() {
    deadLetter("e1");
    deadLetter("e2");
    CliRun list = CliRun.run("dead-letters", "list", "--outbox", dir.toString());
    assertEquals(0, list.exitCode(), list.err());
    assertTrue(list.out().contains("Email:e1/3  UserCreated  0 attempt(s)"), list.out());
    assertTrue(list.out().contains("550 mailbox full"), list.out());
    assertTrue(list.out().contains("2 dead letter(s)"), list.out());

    CliRun redrive =
        CliRun.run("dead-letters", "redrive", "Email:e1/3", "--outbox", dir.toString());
    assertEquals(0, redrive.exitCode(), redrive.err());
    CliRun purge = CliRun.run("dead-letters", "purge", "Email:e2/3", "--outbox", dir.toString());
    assertEquals(0, purge.exitCode(), purge.err());
    try (Journal j = Journal.open(dir)) {
      assertEquals(List.of(), j.deadLetters());
      assertEquals("e1/3", j.pending().get(0).idempotencyKey());
    }
    CliRun again = CliRun.run("dead-letters", "purge", "Email:e2/3", "--outbox", dir.toString());
    assertEquals(ExitCodes.BAD_INPUT, again.exitCode());
  }

  @Test
  void list_noJournal_badInput() {
    CliRun r = CliRun.run("dead-letters", "list", "--outbox", dir.resolve("nope").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
  }
}
