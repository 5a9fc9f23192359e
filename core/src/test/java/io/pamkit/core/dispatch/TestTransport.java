// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import io.pamkit.core.dispatch.spi.Transport;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** A transport whose behaviour a test scripts; records every attempt and every delivery. */
final class TestTransport implements Transport {
  /** What to do for one attempt: return normally to deliver, or throw. */
  @FunctionalInterface
  interface Behaviour {
    void onSend(Notification n, int attempt) throws Exception;
  }

  private final String id;
  private volatile Behaviour behaviour;
  final List<Notification> attempts = new CopyOnWriteArrayList<>();
  final List<Notification> delivered = new CopyOnWriteArrayList<>();
  final AtomicInteger closed = new AtomicInteger();

  TestTransport(String id, Behaviour behaviour) {
    this.id = id;
    this.behaviour = behaviour;
  }

  TestTransport(String id) {
    this(id, (n, a) -> {});
  }

  void behaviour(Behaviour behaviour) {
    this.behaviour = behaviour;
  }

  @Override
  public String channel() {
    return id;
  }

  @Override
  public DeliveryReceipt send(Notification notification) {
    attempts.add(notification);
    try {
      behaviour.onSend(notification, attempts.size());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    delivered.add(notification);
    return new DeliveryReceipt(id, null, Instant.EPOCH);
  }

  @Override
  public void close() {
    closed.incrementAndGet();
  }

  static DeliveryException failure(String id, FailureType type, String message) {
    return new DeliveryException(id, type, message, null);
  }

  /** A transport that fails every attempt with this failure type and reason. */
  static TestTransport failingAlways(String id, FailureType type, String reason) {
    return new TestTransport(
        id,
        (n, attempt) -> {
          throw failure(id, type, reason);
        });
  }

  /**
   * A transport that throws {@code failure.apply(attempt)} for the first {@code failures} attempts
   * and delivers from then on.
   */
  static TestTransport failingFirst(
      String id, int failures, IntFunction<? extends RuntimeException> failure) {
    return new TestTransport(
        id,
        (n, attempt) -> {
          if (attempt <= failures) {
            throw failure.apply(attempt);
          }
        });
  }

  /**
   * A transport whose send counts {@code entered} down, then blocks until {@code release} opens
   * (waiting at most {@code waitSeconds} at a time), ignoring but keeping interrupts.
   */
  static TestTransport blocking(
      String id, CountDownLatch entered, CountDownLatch release, long waitSeconds) {
    return new TestTransport(
        id,
        (n, attempt) -> {
          entered.countDown();
          boolean interrupted = false;
          while (true) {
            try {
              if (release.await(waitSeconds, TimeUnit.SECONDS)) {
                break;
              }
            } catch (InterruptedException e) {
              interrupted = true;
            }
          }
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
        });
  }
}
