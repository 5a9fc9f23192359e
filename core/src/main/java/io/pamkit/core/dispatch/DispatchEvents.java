// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's {@link LaneContext.Events}: tells the {@link DispatchListener}, keeps the {@link
 * Outbox} current and files dead letters, for the publisher and the lanes alike. A listener or sink
 * that throws is logged and ignored; a dead letter the sink refuses is kept in memory ({@link
 * #unsinkable()}), so none is lost.
 *
 * <p>A delivery whose receipt has a non-zero {@link DeliveryReceipt#settleAfter()} (its transport
 * can still re-send it from memory, so a crash of this process could lose it) is completed in the
 * outbox only once that time has passed: the listener hears of it at once, the outbox entry stays
 * pending until then. Held entries wait in one queue drained by one scheduler task at a time (not
 * one task per notification); an entry behind a longer-held one is completed with it (later, never
 * earlier). At {@link #close(Set)} they are completed if their transport closed cleanly, else left
 * pending: the next start re-drives them.
 */
final class DispatchEvents implements LaneContext.Events {
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final DispatchListener listener;
  private final @Nullable Outbox outbox;
  private final DeadLetterSink deadLetterSink;
  private final InMemoryDeadLetterSink fallbackSink = new InMemoryDeadLetterSink();
  private final boolean observed;
  private final Clock clock;
  private final Scheduler scheduler;

  /** Deliveries waiting for their transport's resend window to pass; guarded by {@code this}. */
  private final ArrayDeque<Held> held = new ArrayDeque<>();

  private boolean drainScheduled;
  private boolean closed;

  private record Held(Notification notification, Instant due) {}

  DispatchEvents(
      DispatchListener listener,
      @Nullable Outbox outbox,
      DeadLetterSink sink,
      Clock clock,
      Scheduler scheduler) {
    this.listener = listener;
    this.outbox = outbox;
    this.deadLetterSink = sink;
    this.clock = clock;
    this.scheduler = scheduler;
    this.observed = listener != DispatchListener.NONE || outbox != null;
  }

  DeadLetterSink deadLetterSink() {
    return deadLetterSink;
  }

  InMemoryDeadLetterSink unsinkable() {
    return fallbackSink;
  }

  @Override
  public boolean observed() {
    return observed;
  }

  @Override
  public void published(Notification n) {
    try {
      listener.published(n);
    } catch (RuntimeException e) {
      listenerFailed("published", e);
    }
  }

  @Override
  public void delivered(Notification n, DeliveryReceipt receipt, int attempt) {
    Duration settle = receipt.settleAfter();
    if (outbox == null || settle.isZero()) {
      complete(n);
    } else {
      hold(n, settle);
    }
    try {
      listener.delivered(n, receipt, attempt);
    } catch (RuntimeException e) {
      listenerFailed("delivered", e);
    }
  }

  @Override
  public void retryScheduled(Notification n, Attempt failed, Duration delay) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "Retrying notification {} on transport '{}' in {} after attempt {}: {}",
          n.idempotencyKey(),
          n.channel(),
          delay,
          failed.number(),
          failed.failureType());
    }
    try {
      listener.retryScheduled(n, failed, delay);
    } catch (RuntimeException e) {
      listenerFailed("retryScheduled", e);
    }
  }

  @Override
  public void deadLetter(DeadLetter deadLetter) {
    Notification n = deadLetter.notification();
    LOG.warn(
        "Dead-lettered notification {} of event {} on channel '{}' after {} attempt(s): {}",
        n.idempotencyKey(),
        n.event().name(),
        n.channel(),
        deadLetter.attempts().size(),
        deadLetter.reason());
    try {
      deadLetterSink.accept(deadLetter);
    } catch (RuntimeException e) {
      LOG.error(
          "Dead-letter sink refused notification {} ({}); kept in memory",
          n.idempotencyKey(),
          e.getClass().getName());
      fallbackSink.accept(deadLetter);
    }
    if (outbox != null) {
      try {
        outbox.deadLettered(deadLetter);
      } catch (RuntimeException e) {
        LOG.warn(
            "Outbox could not record dead letter {} ({}); it stays pending",
            n.idempotencyKey(),
            e.getClass().getName());
      }
    }
    try {
      listener.deadLettered(deadLetter);
    } catch (RuntimeException e) {
      listenerFailed("deadLettered", e);
    }
  }

  @Override
  public void breakerChanged(String channel, BreakerState from, BreakerState to) {
    if (to == BreakerState.OPEN) {
      LOG.warn("Circuit breaker of transport '{}' opened (was {})", channel, from);
    } else {
      LOG.info("Circuit breaker of transport '{}' is now {} (was {})", channel, to, from);
    }
    try {
      listener.breakerStateChanged(channel, from, to);
    } catch (RuntimeException e) {
      listenerFailed("breakerStateChanged", e);
    }
  }

  /**
   * Stops holding deliveries, at shutdown once the transports are closed and before the outbox
   * closes: the held deliveries of a channel whose transport closed cleanly are completed now (its
   * resend window does not outlive the close, and a clean close means it had nothing left to
   * re-send); the others stay pending in the outbox, resumed (sent again, a duplicate the receiver
   * drops by {@code IdempotencyKey}) at the next start.
   *
   * @param cleanChannels the channels whose transport closed without an error
   * @return how many deliveries were left pending
   */
  int close(Set<String> cleanChannels) {
    List<Notification> done = new ArrayList<>();
    int left = 0;
    synchronized (this) {
      closed = true;
      for (Held h : held) {
        if (cleanChannels.contains(h.notification().channel())) {
          done.add(h.notification());
        } else {
          left++;
        }
      }
      held.clear();
    }
    for (Notification n : done) {
      complete(n);
    }
    return left;
  }

  /** Number of deliveries waiting for their transport's resend window to pass. */
  synchronized int held() {
    return held.size();
  }

  private void hold(Notification n, Duration settle) {
    Instant due = clock.instant().plus(settle);
    synchronized (this) {
      if (closed) {
        return; // left pending, resumed at the next start
      }
      held.add(new Held(n, due));
      if (drainScheduled) {
        return;
      }
      drainScheduled = true;
    }
    schedule(settle);
  }

  private void schedule(Duration delay) {
    try {
      scheduler.schedule(this::drain, delay);
    } catch (RuntimeException e) {
      // The scheduler is shut down (the dispatcher is closing): what is held stays pending.
      synchronized (this) {
        drainScheduled = false;
      }
      LOG.debug("Could not schedule held outbox completions ({})", e.getClass().getName());
    }
  }

  /** Completes the held deliveries that are due, then schedules itself for the next one. */
  private void drain() {
    List<Notification> due = new ArrayList<>();
    @Nullable Duration next = null;
    synchronized (this) {
      Instant now = clock.instant();
      Held first = held.peek();
      while (first != null && !first.due().isAfter(now)) {
        held.poll();
        due.add(first.notification());
        first = held.peek();
      }
      if (first == null || closed) {
        drainScheduled = false;
      } else {
        next = Duration.between(now, first.due());
      }
    }
    for (Notification n : due) {
      complete(n);
    }
    if (next != null) {
      schedule(next);
    }
  }

  /**
   * Marks a notification done in the outbox. A failure is logged, not thrown: the notification was
   * delivered (or dead-lettered) all the same, so it must not count as a failed send; its entry
   * stays pending and is resumed after a restart (at least once, never lost).
   */
  private void complete(Notification n) {
    if (outbox != null) {
      try {
        outbox.complete(n);
      } catch (RuntimeException e) {
        LOG.warn(
            "Outbox could not mark notification {} done ({}); it stays pending",
            n.idempotencyKey(),
            e.getClass().getName());
      }
    }
  }

  private static void listenerFailed(String method, RuntimeException e) {
    LOG.warn("DispatchListener.{} threw {}; ignored", method, e.getClass().getName());
  }
}
