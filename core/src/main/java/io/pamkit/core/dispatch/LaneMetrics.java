// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one lane's counters, from {@link EventDispatcher#metrics()}.
 *
 * <p>The send latency is kept in power-of-two buckets of nanoseconds: {@link
 * #latencyPercentile(double)} is precise to a factor of two, which is what alerting on a slow peer
 * needs. It counts every failed send and retry, and one first-attempt success in 256 (timing every
 * send would cost more than the send).
 *
 * <p>Immutable and thread-safe.
 */
public final class LaneMetrics {
  private final String transportId;
  private final BreakerState breakerState;
  private final long queued;
  private final long inFlight;
  private final long delivered;
  private final long failedAttempts;
  private final long retried;
  private final long deadLettered;
  private final long leftAtShutdown;
  private final LatencyHistogram latency;

  LaneMetrics(
      String transportId,
      BreakerState breakerState,
      long queued,
      long inFlight,
      long delivered,
      long failedAttempts,
      long retried,
      long deadLettered,
      long leftAtShutdown,
      LatencyHistogram latency) {
    this.transportId = requireNonNull(transportId, "transportId");
    this.breakerState = requireNonNull(breakerState, "breakerState");
    this.queued = queued;
    this.inFlight = inFlight;
    this.delivered = delivered;
    this.failedAttempts = failedAttempts;
    this.retried = retried;
    this.deadLettered = deadLettered;
    this.leftAtShutdown = leftAtShutdown;
    this.latency = requireNonNull(latency, "latency");
  }

  /**
   * Returns the channel of the lane's transport.
   *
   * @return the transport's {@link io.pamkit.core.dispatch.spi.Transport#channel() channel}
   */
  public String transportId() {
    return transportId;
  }

  /**
   * Returns the state of the lane's circuit breaker.
   *
   * @return the state
   */
  public BreakerState breakerState() {
    return breakerState;
  }

  /**
   * Returns how many notifications wait in the queue or for a retry.
   *
   * @return the count
   */
  public long queued() {
    return queued;
  }

  /**
   * Returns how many notifications a worker or a scheduled retry is sending now (sends on the
   * threads of synchronous publishers are not counted).
   *
   * @return the count
   */
  public long inFlight() {
    return inFlight;
  }

  /**
   * Returns how many notifications were delivered since the start.
   *
   * @return the count
   */
  public long delivered() {
    return delivered;
  }

  /**
   * Returns how many delivery attempts failed since the start (each retry counts).
   *
   * @return the count
   */
  public long failedAttempts() {
    return failedAttempts;
  }

  /**
   * Returns how many retries were scheduled since the start.
   *
   * @return the count
   */
  public long retried() {
    return retried;
  }

  /**
   * Returns how many notifications were dead-lettered since the start.
   *
   * @return the count
   */
  public long deadLettered() {
    return deadLettered;
  }

  /**
   * Returns how many accepted notifications the lane still held, undelivered or in flight, when the
   * dispatcher shut down: kept in the journal (resumed at the next start) when there is one, else
   * not delivered. Zero until shutdown.
   *
   * @return the notifications left at shutdown
   */
  public long leftAtShutdown() {
    return leftAtShutdown;
  }

  /**
   * Returns how many sends were timed: every failed send and retry, and one first-attempt success
   * in 256.
   *
   * @return the number of latency samples
   */
  public long latencySamples() {
    return latency.count();
  }

  /**
   * Returns an upper bound of a percentile of the send latency: the exclusive upper bound of the
   * power-of-two bucket of nanoseconds that holds it.
   *
   * @param percentile between 0 (exclusive) and 100 (inclusive), e.g. {@code 99}
   * @return the bound, or {@link Duration#ZERO} when nothing was timed
   * @throws IllegalArgumentException if the percentile is out of range
   */
  public Duration latencyPercentile(double percentile) {
    return latency.percentile(percentile);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof LaneMetrics m
        && transportId.equals(m.transportId)
        && breakerState == m.breakerState
        && queued == m.queued
        && inFlight == m.inFlight
        && delivered == m.delivered
        && failedAttempts == m.failedAttempts
        && retried == m.retried
        && deadLettered == m.deadLettered
        && leftAtShutdown == m.leftAtShutdown
        && latency.equals(m.latency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        transportId,
        breakerState,
        queued,
        inFlight,
        delivered,
        failedAttempts,
        retried,
        deadLettered,
        leftAtShutdown,
        latency);
  }

  @Override
  public String toString() {
    return "LaneMetrics{transportId="
        + transportId
        + ", breakerState="
        + breakerState
        + ", queued="
        + queued
        + ", inFlight="
        + inFlight
        + ", delivered="
        + delivered
        + ", failedAttempts="
        + failedAttempts
        + ", retried="
        + retried
        + ", deadLettered="
        + deadLettered
        + ", leftAtShutdown="
        + leftAtShutdown
        + ", latency="
        + latency
        + "}";
  }
}
