// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import java.time.Clock;

/**
 * One lane's circuit breaker. The closed state, by far the most common, is decided by one volatile
 * read and no write; transitions take the monitor. Times come from the injected clock.
 */
final class CircuitBreaker {
  /** Told about every transition, outside any lock the caller could observe. */
  interface Observer {
    void changed(BreakerState from, BreakerState to);
  }

  private final CircuitBreakerConfig config;
  private final Clock clock;
  private final Observer observer;

  private volatile BreakerState state = BreakerState.CLOSED;
  private volatile boolean failuresCounted;
  private int consecutiveFailures;
  private long openUntilMillis;
  private boolean trialInFlight;
  private int trialSuccesses;

  CircuitBreaker(CircuitBreakerConfig config, Clock clock, Observer observer) {
    this.config = config;
    this.clock = clock;
    this.observer = observer;
  }

  BreakerState state() {
    return state;
  }

  /**
   * Asks to start an attempt.
   *
   * @return 0 when the attempt may start (a half-open breaker reserves its trial for it), else how
   *     many milliseconds to wait before asking again (at least 1)
   */
  long tryAcquire() {
    if (state == BreakerState.CLOSED) {
      return 0;
    }
    BreakerState from;
    synchronized (this) {
      from = state;
      if (from == BreakerState.OPEN) {
        long now = clock.millis();
        if (now < openUntilMillis) {
          return openUntilMillis - now;
        }
        state = BreakerState.HALF_OPEN;
        trialSuccesses = 0;
        trialInFlight = false;
      }
      if (state == BreakerState.HALF_OPEN) {
        if (trialInFlight) {
          return 1;
        }
        trialInFlight = true;
      }
    }
    if (from == BreakerState.OPEN) {
      observer.changed(BreakerState.OPEN, BreakerState.HALF_OPEN);
    }
    return 0;
  }

  /** The attempt reached the peer and the peer answered (delivered or refused this message). */
  void onSuccess() {
    if (state == BreakerState.CLOSED && !failuresCounted) {
      return;
    }
    boolean closed = false;
    synchronized (this) {
      if (state == BreakerState.CLOSED) {
        consecutiveFailures = 0;
        failuresCounted = false;
      } else if (state == BreakerState.HALF_OPEN) {
        trialInFlight = false;
        if (++trialSuccesses >= config.halfOpenSuccesses()) {
          state = BreakerState.CLOSED;
          consecutiveFailures = 0;
          failuresCounted = false;
          closed = true;
        }
      }
    }
    if (closed) {
      observer.changed(BreakerState.HALF_OPEN, BreakerState.CLOSED);
    }
  }

  /** The attempt failed; {@link FailureType#PERMANENT_MESSAGE} counts as an answer. */
  void onFailure(FailureType type) {
    if (type == FailureType.PERMANENT_MESSAGE) {
      onSuccess();
      return;
    }
    BreakerState from;
    synchronized (this) {
      from = state;
      if (from == BreakerState.OPEN) {
        return;
      }
      boolean open =
          type == FailureType.PERMANENT_TRANSPORT
              || from == BreakerState.HALF_OPEN
              || ++consecutiveFailures >= config.failureThreshold();
      if (!open) {
        failuresCounted = true;
        return;
      }
      state = BreakerState.OPEN;
      openUntilMillis = clock.millis() + config.openDuration().toMillis();
      trialInFlight = false;
      consecutiveFailures = 0;
      failuresCounted = false;
    }
    observer.changed(from, BreakerState.OPEN);
  }
}
