// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A transport that keeps what it is given in memory: for tests, demos and dry runs. It implements
 * the SPI like any other transport, records every delivered notification in order, and can be told
 * to fail the next sends with a chosen {@link FailureType}.
 *
 * <p>Thread-safe. {@link #awaitCount} lets a test wait for asynchronous deliveries.
 */
public final class InMemoryTransport implements Transport {
  private final String id;
  private final Clock clock;
  private final List<Notification> received = new ArrayList<>();
  private final Deque<DeliveryException> failures = new ArrayDeque<>();
  private long sequence;
  private boolean closed;

  private InMemoryTransport(String id, Clock clock) {
    this.id = id;
    this.clock = clock;
  }

  /**
   * Creates an in-memory transport serving a channel, with the system clock.
   *
   * @param id the channel id, e.g. {@code "Email"}; not blank
   * @return a new transport
   */
  public static InMemoryTransport create(String id) {
    return create(id, Clock.systemUTC());
  }

  /**
   * Creates an in-memory transport serving a channel.
   *
   * @param id the channel id, e.g. {@code "Email"}; not blank
   * @param clock the clock that stamps receipts
   * @return a new transport
   */
  public static InMemoryTransport create(String id, Clock clock) {
    requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    return new InMemoryTransport(id, requireNonNull(clock, "clock"));
  }

  @Override
  public String channel() {
    return id;
  }

  /**
   * Records the notification, or throws the next scripted failure.
   *
   * @param notification the notification
   * @return a receipt whose peer message id is {@code "memory-<n>"}, n counting from 1
   * @throws DeliveryException a failure scripted with {@link #failNext}, or {@code
   *     PERMANENT_TRANSPORT} once closed
   */
  @Override
  public synchronized DeliveryReceipt send(Notification notification) {
    requireNonNull(notification, "notification");
    if (closed) {
      throw new DeliveryException(
          id, FailureType.PERMANENT_TRANSPORT, "transport '" + id + "' is closed", null);
    }
    DeliveryException failure = failures.poll();
    if (failure != null) {
      throw failure;
    }
    received.add(notification);
    notifyAll();
    return DeliveryReceipt.acknowledged(id, "memory-" + (++sequence), clock.instant());
  }

  /**
   * Makes the next send fail instead of recording its notification. Calls queue up: n calls fail
   * the next n sends.
   *
   * @param type the failure type to report
   * @param message the failure's message
   */
  public void failNext(FailureType type, String message) {
    failNext(type, message, null);
  }

  /**
   * Makes the next send fail with a retry-after, as a rate-limiting peer would.
   *
   * @param type the failure type to report
   * @param message the failure's message
   * @param retryAfter the delay the peer asks for, or null
   */
  public synchronized void failNext(
      FailureType type, String message, @Nullable Duration retryAfter) {
    failures.add(new DeliveryException(id, type, message, retryAfter, null));
  }

  /**
   * Returns what was delivered so far, in order.
   *
   * @return an immutable snapshot
   */
  public synchronized List<Notification> received() {
    return List.copyOf(received);
  }

  /**
   * Returns how many notifications were delivered.
   *
   * @return the count
   */
  public synchronized int count() {
    return received.size();
  }

  /** Forgets what was delivered and any scripted failures. */
  public synchronized void clear() {
    received.clear();
    failures.clear();
  }

  /**
   * Waits until at least {@code n} notifications were delivered.
   *
   * @param n the count to wait for
   * @param timeout how long to wait at most
   * @return true when the count was reached, false on timeout
   * @throws InterruptedException if interrupted while waiting
   */
  public synchronized boolean awaitCount(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      long millis = Math.max(1, left / 1_000_000);
      wait(millis);
    }
    return true;
  }

  /** Marks the transport closed; later sends fail with {@code PERMANENT_TRANSPORT}. */
  @Override
  public synchronized void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "InMemoryTransport{" + id + "}";
  }
}
