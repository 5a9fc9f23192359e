// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import io.pamkit.core.event.ApplianceEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Durable record of accepted notifications, so that a restart resumes what was not delivered. When
 * a dispatcher has an outbox, {@link EventDispatcher#publish} returns only after {@link #append}
 * returned for every accepted notification; a notification is {@linkplain #complete completed} once
 * delivered or dead-lettered. At start, the dispatcher re-queues every {@linkplain #pending()
 * pending} entry whose subscriber still exists (and dead-letters the others).
 *
 * <p>Implementations must be thread-safe. {@link io.pamkit.core.journal.Journal} is the durable
 * journal (segmented, checksummed, group commit); {@link FileOutbox} is the older single-file one.
 */
public interface Outbox extends AutoCloseable {

  /**
   * Records an accepted notification durably before returning.
   *
   * @param notification the notification
   * @throws io.pamkit.core.PamkitException if it cannot be recorded; publish then fails
   */
  void append(Notification notification);

  /**
   * Records an accepted notification, returning before it is durable: the future completes once it
   * is. Lets a publisher of many notifications wait for the disk once for all of them ({@link
   * EventDispatcher#publishAsync}). The default calls {@link #append} and returns a completed
   * future; {@link io.pamkit.core.journal.Journal} queues the record for its writer.
   *
   * @param notification the notification
   * @return a future completed when the notification is recorded durably, or exceptionally when
   *     recording it failed
   * @throws io.pamkit.core.PamkitException if it cannot be accepted at all (journal full or
   *     closed); publish then fails
   */
  default CompletableFuture<Void> appendAsync(Notification notification) {
    append(notification);
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Records that a notification was delivered or dead-lettered; it will not be resumed.
   *
   * @param notification the notification
   */
  void complete(Notification notification);

  /**
   * Records that a notification was dead-lettered; it will not be resumed. The default {@linkplain
   * #complete completes} it; a journal that keeps dead letters durably (such as {@link
   * io.pamkit.core.journal.Journal}) records the dead letter with its reason instead.
   *
   * @param deadLetter the dead letter
   */
  default void deadLettered(DeadLetter deadLetter) {
    complete(deadLetter.notification());
  }

  /**
   * Returns the notifications appended and not completed, oldest first.
   *
   * @return the pending entries
   */
  List<Entry> pending();

  /** Releases the outbox's files or connections. */
  @Override
  void close();

  /**
   * A pending notification as the outbox stores it: the subscriber by id, so that it is resolved
   * against the subscribers known at restart.
   *
   * @param idempotencyKey the notification's key
   * @param channel the notification's channel
   * @param subscriberId the subscriber's id
   * @param event the event
   */
  record Entry(String idempotencyKey, String channel, int subscriberId, ApplianceEvent event) {

    /** Validates the components. */
    public Entry {
      java.util.Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      java.util.Objects.requireNonNull(channel, "channel");
      java.util.Objects.requireNonNull(event, "event");
    }
  }
}
