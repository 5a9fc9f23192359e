// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.Outbox;
import java.time.Instant;

/**
 * A dead letter as the journal keeps it: durable, with its reason, until it is {@linkplain
 * Journal#redrive(String) re-driven} or {@linkplain Journal#purge(String) purged}.
 *
 * @param id the id to re-drive or purge it by: {@code channel + ":" + idempotencyKey}
 * @param entry the notification (subscriber by id)
 * @param reason why it was given up
 * @param attempts how many attempts failed
 * @param deadLetteredAt when it was given up
 */
public record JournalDeadLetter(
    String id, Outbox.Entry entry, String reason, int attempts, Instant deadLetteredAt) {

  /** Validates the components. */
  public JournalDeadLetter {
    requireNonNull(id, "id");
    requireNonNull(entry, "entry");
    requireNonNull(reason, "reason");
    requireNonNull(deadLetteredAt, "deadLetteredAt");
  }

  /** Returns the id, event name, attempts and reason; never event property values. */
  @Override
  public String toString() {
    return "JournalDeadLetter{"
        + id
        + ", event="
        + entry.event().name()
        + ", attempts="
        + attempts
        + ", reason="
        + reason
        + ", at="
        + deadLetteredAt
        + "}";
  }
}
