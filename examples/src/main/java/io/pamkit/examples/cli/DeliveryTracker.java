// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.dispatch.DeadLetter;
import io.pamkit.core.dispatch.DeliveryAssurance;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.DispatchListener;
import io.pamkit.core.dispatch.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Counts what the dispatcher did with each notification (accepted, delivered, dead-lettered), so
 * that a command can wait until every accepted notification has an outcome. Thread-safe.
 */
public final class DeliveryTracker implements DispatchListener {
  private long published;
  private long delivered;
  private long deadLettered;
  private final java.util.EnumMap<DeliveryAssurance, Long> assurances =
      new java.util.EnumMap<>(DeliveryAssurance.class);
  private final List<Notification> deliveredNotifications = new ArrayList<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();

  /** Creates a tracker with every count at zero. */
  public DeliveryTracker() {}

  @Override
  public synchronized void published(Notification notification) {
    published++;
    notifyAll();
  }

  @Override
  public synchronized void delivered(
      Notification notification, DeliveryReceipt receipt, int attempt) {
    delivered++;
    assurances.merge(receipt.assurance(), 1L, Long::sum);
    deliveredNotifications.add(notification);
    notifyAll();
  }

  /**
   * Adds notifications that will get an outcome without being published through this dispatcher
   * run, e.g. those an outbox resumes at start.
   *
   * @param count how many
   */
  public synchronized void expect(long count) {
    published += count;
    notifyAll();
  }

  @Override
  public synchronized void deadLettered(DeadLetter deadLetter) {
    if (deadLetter.attempts().isEmpty()) {
      // no attempt: no transport for its channel, or a resumed one whose subscriber is gone;
      // such a notification was never reported as published
      published++;
    }
    deadLettered++;
    deadLetters.add(deadLetter);
    notifyAll();
  }

  /**
   * @return the number of notifications accepted for delivery
   */
  public synchronized long published() {
    return published;
  }

  /**
   * @return the number delivered
   */
  public synchronized long delivered() {
    return delivered;
  }

  /**
   * Returns how many deliveries had the given assurance (acknowledged by the peer, sent but
   * unverified, unknown).
   *
   * @param assurance the assurance
   * @return the number of deliveries whose receipt said it
   */
  public synchronized long delivered(DeliveryAssurance assurance) {
    return assurances.getOrDefault(assurance, 0L);
  }

  /**
   * @return the number dead-lettered
   */
  public synchronized long deadLettered() {
    return deadLettered;
  }

  /**
   * @return the notifications delivered so far, in order
   */
  public synchronized List<Notification> deliveredNotifications() {
    return List.copyOf(deliveredNotifications);
  }

  /**
   * @return the dead letters so far, in order
   */
  public synchronized List<DeadLetter> deadLetters() {
    return List.copyOf(deadLetters);
  }

  /**
   * @return whether every accepted notification is delivered or dead-lettered
   */
  public synchronized boolean settled() {
    return delivered + deadLettered >= published;
  }

  /**
   * Waits until every accepted notification is delivered or dead-lettered.
   *
   * @param timeout how long to wait at most
   * @param progress called with the number of outcomes each time it grows; may be a no-op
   * @return true if every notification has an outcome, false on time-out
   * @throws InterruptedException if interrupted while waiting
   */
  public synchronized boolean awaitSettled(Duration timeout, LongConsumer progress)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long reported = -1;
    while (true) {
      long done = delivered + deadLettered;
      if (done != reported) {
        progress.accept(done);
        reported = done;
      }
      if (done >= published) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
