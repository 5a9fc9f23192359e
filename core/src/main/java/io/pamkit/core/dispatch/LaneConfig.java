// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

/**
 * The configuration of one transport's lane: its bounded queue, its workers, what a full queue does
 * to publishers, how failures are retried and when the circuit breaker opens.
 *
 * <p>Immutable and thread-safe; the builder is not.
 */
public final class LaneConfig {
  private static final LaneConfig DEFAULTS = builder().build();

  private final int capacity;
  private final int workers;
  private final BackPressure backPressure;
  private final RetryPolicy retryPolicy;
  private final CircuitBreakerConfig circuitBreaker;

  private LaneConfig(Builder b) {
    this.capacity = b.capacity;
    this.workers = b.workers;
    this.backPressure = b.backPressure;
    this.retryPolicy = b.retryPolicy;
    this.circuitBreaker = b.circuitBreaker;
  }

  /**
   * Returns the defaults: capacity 1024, one worker, block up to 1 second then refuse, {@link
   * RetryPolicy#defaults()}, {@link CircuitBreakerConfig#defaults()}.
   *
   * @return the default configuration
   */
  public static LaneConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this configuration's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .capacity(capacity)
        .workers(workers)
        .backPressure(backPressure)
        .retryPolicy(retryPolicy)
        .circuitBreaker(circuitBreaker);
  }

  /**
   * Returns the number of entries the queue holds, rounded up to a power of two. An entry is one
   * notification, or, when the dispatcher has neither listener nor outbox, the notifications of one
   * event to up to 64 subscribers of the lane.
   *
   * @return the capacity
   */
  public int capacity() {
    return capacity;
  }

  /**
   * Returns the number of worker threads of the lane.
   *
   * @return at least 1
   */
  public int workers() {
    return workers;
  }

  /**
   * Returns what a full queue does to publishers.
   *
   * @return the back-pressure policy
   */
  public BackPressure backPressure() {
    return backPressure;
  }

  /**
   * Returns the retry policy.
   *
   * @return the retry policy
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * Returns the circuit breaker configuration.
   *
   * @return the breaker configuration
   */
  public CircuitBreakerConfig circuitBreaker() {
    return circuitBreaker;
  }

  @Override
  public String toString() {
    return "LaneConfig{capacity="
        + capacity
        + ", workers="
        + workers
        + ", backPressure="
        + backPressure
        + ", retryPolicy="
        + retryPolicy
        + ", circuitBreaker="
        + circuitBreaker
        + "}";
  }

  /** Builds {@link LaneConfig}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private int capacity = 1024;
    private int workers = 1;
    private BackPressure backPressure = BackPressure.block(java.time.Duration.ofSeconds(1));
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.defaults();

    private Builder() {}

    /**
     * Sets how many entries the queue holds; rounded up to a power of two. An entry is one
     * notification, or, when the dispatcher has neither listener nor outbox, the notifications of
     * one event to up to 64 subscribers of the lane. Default: 1024.
     *
     * @param capacity between 1 and 2^30
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder capacity(int capacity) {
      if (capacity < 1 || capacity > (1 << 30)) {
        throw new IllegalArgumentException("capacity must be between 1 and 2^30: " + capacity);
      }
      this.capacity = capacity < 2 ? 2 : Integer.highestOneBit(capacity - 1) << 1;
      return this;
    }

    /**
     * Sets the number of worker threads. Default: 1. More workers deliver in parallel (the
     * transport must be thread-safe, which the contract requires) and in no particular order.
     *
     * @param workers between 1 and 64
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder workers(int workers) {
      if (workers < 1 || workers > 64) {
        throw new IllegalArgumentException("workers must be between 1 and 64: " + workers);
      }
      this.workers = workers;
      return this;
    }

    /**
     * Sets what a full queue does to publishers. Default: {@code BackPressure.block(1 second)}.
     *
     * @param backPressure the policy
     * @return this builder
     */
    public Builder backPressure(BackPressure backPressure) {
      this.backPressure = requireNonNull(backPressure, "backPressure");
      return this;
    }

    /**
     * Sets the retry policy. Default: {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Sets the circuit breaker configuration. Default: {@link CircuitBreakerConfig#defaults()}.
     *
     * @param circuitBreaker the configuration
     * @return this builder
     */
    public Builder circuitBreaker(CircuitBreakerConfig circuitBreaker) {
      this.circuitBreaker = requireNonNull(circuitBreaker, "circuitBreaker");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     */
    public LaneConfig build() {
      return new LaneConfig(this);
    }
  }
}
