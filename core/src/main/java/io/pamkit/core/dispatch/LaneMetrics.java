package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot of one lane's counters.
 *
 * @param transportId the lane's transport id
 * @param breakerState the circuit breaker's state
 * @param queued notifications waiting in the queue or for a retry
 * @param inFlight notifications a worker or a scheduled retry is sending now (sends on the
 *     threads of synchronous publishers are not counted)
 * @param delivered notifications delivered since the start
 * @param failedAttempts delivery attempts that failed since the start (each retry counts)
 * @param retried retries scheduled since the start
 * @param deadLettered notifications dead-lettered since the start
 * @param latency how long the transport took per send: every failed send and retry, and one
 *     first-attempt success in 16 (timing every send would cost more than the send)
 */
public record LaneMetrics(
    String transportId,
    BreakerState breakerState,
    long queued,
    long inFlight,
    long delivered,
    long failedAttempts,
    long retried,
    long deadLettered,
    LatencyHistogram latency) {

  /** Validates the components. */
  public LaneMetrics {
    requireNonNull(transportId, "transportId");
    requireNonNull(breakerState, "breakerState");
    requireNonNull(latency, "latency");
  }
}
