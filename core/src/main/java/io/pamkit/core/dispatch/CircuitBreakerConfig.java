// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import io.pamkit.core.internal.Arguments;
import java.time.Duration;

/**
 * When a lane's circuit breaker opens and how it recovers. The breaker opens after {@code
 * failureThreshold} consecutive retryable failures, or at once on a {@link
 * FailureType#PERMANENT_TRANSPORT} failure. While open, the lane attempts nothing (its queue fills
 * and back-pressure applies). After {@code openDuration} it is half-open: one trial delivery at a
 * time; {@code halfOpenSuccesses} successes close it, a failure opens it again.
 *
 * <p>Immutable and thread-safe; the builder is not.
 */
public final class CircuitBreakerConfig {
  private static final CircuitBreakerConfig DEFAULTS = builder().build();

  private final int failureThreshold;
  private final Duration openDuration;
  private final int halfOpenSuccesses;

  private CircuitBreakerConfig(Builder b) {
    this.failureThreshold = b.failureThreshold;
    this.openDuration = b.openDuration;
    this.halfOpenSuccesses = b.halfOpenSuccesses;
  }

  /**
   * Returns the defaults: threshold 5, open for 30 seconds, 1 success to close.
   *
   * @return the default configuration
   */
  public static CircuitBreakerConfig defaults() {
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
        .failureThreshold(failureThreshold)
        .openDuration(openDuration)
        .halfOpenSuccesses(halfOpenSuccesses);
  }

  /**
   * Returns how many consecutive retryable failures open the breaker.
   *
   * @return at least 1
   */
  public int failureThreshold() {
    return failureThreshold;
  }

  /**
   * Returns how long the breaker stays open before a trial.
   *
   * @return a positive duration
   */
  public Duration openDuration() {
    return openDuration;
  }

  /**
   * Returns how many successful trials close a half-open breaker.
   *
   * @return at least 1
   */
  public int halfOpenSuccesses() {
    return halfOpenSuccesses;
  }

  @Override
  public String toString() {
    return "CircuitBreakerConfig{failureThreshold="
        + failureThreshold
        + ", openDuration="
        + openDuration
        + ", halfOpenSuccesses="
        + halfOpenSuccesses
        + "}";
  }

  /** Builds {@link CircuitBreakerConfig}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private int failureThreshold = 5;
    private Duration openDuration = Duration.ofSeconds(30);
    private int halfOpenSuccesses = 1;

    private Builder() {}

    /**
     * Sets how many consecutive retryable failures open the breaker. Default: 5.
     *
     * @param failureThreshold at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder failureThreshold(int failureThreshold) {
      if (failureThreshold < 1) {
        throw new IllegalArgumentException(
            "failureThreshold must be at least 1: " + failureThreshold);
      }
      this.failureThreshold = failureThreshold;
      return this;
    }

    /**
     * Sets how long the breaker stays open before a trial delivery. Default: 30 seconds.
     *
     * @param openDuration positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder openDuration(Duration openDuration) {
      this.openDuration = Arguments.positive("openDuration", openDuration);
      return this;
    }

    /**
     * Sets how many successful trials close a half-open breaker. Default: 1.
     *
     * @param halfOpenSuccesses at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder halfOpenSuccesses(int halfOpenSuccesses) {
      if (halfOpenSuccesses < 1) {
        throw new IllegalArgumentException(
            "halfOpenSuccesses must be at least 1: " + halfOpenSuccesses);
      }
      this.halfOpenSuccesses = halfOpenSuccesses;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     */
    public CircuitBreakerConfig build() {
      return new CircuitBreakerConfig(this);
    }
  }
}
