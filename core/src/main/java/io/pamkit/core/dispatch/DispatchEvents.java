// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's {@link LaneContext.Events}: tells the {@link DispatchListener}, keeps the {@link
 * Outbox} current and files dead letters, for the publisher and the lanes alike. A listener or sink
 * that throws is logged and ignored; a dead letter the sink refuses is kept in memory ({@link
 * #unsinkable()}), so none is lost.
 */
final class DispatchEvents implements LaneContext.Events {
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final DispatchListener listener;
  private final @Nullable Outbox outbox;
  private final DeadLetterSink deadLetterSink;
  private final InMemoryDeadLetterSink fallbackSink = new InMemoryDeadLetterSink();
  private final boolean observed;

  DispatchEvents(DispatchListener listener, @Nullable Outbox outbox, DeadLetterSink sink) {
    this.listener = listener;
    this.outbox = outbox;
    this.deadLetterSink = sink;
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
    complete(n);
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
