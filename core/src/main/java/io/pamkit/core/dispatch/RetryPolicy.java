// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a lane retries a notification whose delivery failed with a retryable {@link FailureType}:
 * exponential back-off with jitter, never sooner than the peer's retry-after (within a cap), until
 * the notification is too old (or has used its attempts), after which it is dead-lettered. The
 * defaults behave like a mail server's queue: a relay that restarts, or is down for hours, does not
 * produce dead letters.
 *
 * <p>The delay before attempt {@code n + 1} (after {@code n} failures) is {@code initialDelay *
 * multiplier^(n-1)}, multiplied by a random factor in {@code [1 - jitter, 1 + jitter]}, then capped
 * at {@code maxDelay} (so no attempt waits longer than {@code maxDelay} for back-off). If the
 * failure carried a retry-after (HTTP {@code Retry-After}, a throttling hint) longer than that, the
 * retry-after is used, capped at {@code maxRetryAfter}; a retry-after of any size, however huge,
 * cannot overflow. A retry is not scheduled when the notification's age (since its first attempt in
 * this process) plus the delay would exceed {@code maxAge}, nor after {@code maxAttempts}.
 *
 * <p>Immutable and thread-safe; the builder is not.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *     .initialDelay(Duration.ofSeconds(2))
 *     .maxAge(Duration.ofHours(6))
 *     .build();
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxDelay;
  private final double jitter;
  private final Duration maxAge;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialDelay = b.initialDelay;
    this.multiplier = b.multiplier;
    this.maxDelay = b.maxDelay;
    this.jitter = b.jitter;
    this.maxAge = b.maxAge;
    this.maxRetryAfter = b.maxRetryAfter;
  }

  /**
   * Returns the default policy: retries for up to 24 hours (no attempt limit), 1 s initial delay,
   * multiplier 2, at most 5 minutes between attempts, jitter 0.2, a retry-after honoured up to 1
   * hour.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
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
   * Returns a builder holding this policy's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .initialDelay(initialDelay)
        .multiplier(multiplier)
        .maxDelay(maxDelay)
        .jitter(jitter)
        .maxAge(maxAge)
        .maxRetryAfter(maxRetryAfter);
  }

  /**
   * Returns the total number of attempts, the first included.
   *
   * @return at least 1; {@link Integer#MAX_VALUE} means no limit but {@link #maxAge()}
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the delay after the first failure, before jitter.
   *
   * @return the initial delay
   */
  public Duration initialDelay() {
    return initialDelay;
  }

  /**
   * Returns the factor applied to the delay after each further failure.
   *
   * @return at least 1
   */
  public double multiplier() {
    return multiplier;
  }

  /**
   * Returns the cap of the back-off, before jitter.
   *
   * @return the maximum delay
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * Returns the jitter fraction.
   *
   * @return between 0 and 1
   */
  public double jitter() {
    return jitter;
  }

  /**
   * Returns how long a notification is retried, counted from its first attempt.
   *
   * @return the maximum age
   */
  public Duration maxAge() {
    return maxAge;
  }

  /**
   * Returns the longest retry-after (or throttling hint) honoured; a longer one is cut to it.
   *
   * @return the cap
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * Tells whether a retry after {@code delay} is still within the maximum age.
   *
   * @param age how long ago the first attempt was; not negative
   * @param delay the delay before the retry, from {@link #delayAfter}
   * @return true when {@code age + delay <= maxAge}
   */
  public boolean allowsRetry(Duration age, Duration delay) {
    requireNonNull(age, "age");
    requireNonNull(delay, "delay");
    Duration left = maxAge.minus(age.isNegative() ? Duration.ZERO : age);
    return !left.isNegative() && delay.compareTo(left) <= 0;
  }

  /**
   * Computes the delay before the next attempt.
   *
   * @param failures how many attempts have failed so far; at least 1
   * @param retryAfter the retry-after the last failure carried, or null
   * @param random a uniformly distributed value in {@code [0, 1)} that chooses the jitter
   * @return the delay
   * @throws IllegalArgumentException if {@code failures} is less than 1 or {@code random} is out of
   *     range
   */
  public Duration delayAfter(int failures, @Nullable Duration retryAfter, double random) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1: " + failures);
    }
    if (!(random >= 0 && random < 1)) {
      throw new IllegalArgumentException("random must be in [0, 1): " + random);
    }
    double cap = maxDelay.toNanos();
    double base = Math.min(initialDelay.toNanos() * Math.pow(multiplier, failures - 1), cap);
    double factor = 1 + jitter * (2 * random - 1);
    long nanos = (long) Math.min(cap, Math.max(0, base * factor));
    Duration delay = Duration.ofNanos(nanos);
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }
    return delay;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialDelay="
        + initialDelay
        + ", multiplier="
        + multiplier
        + ", maxDelay="
        + maxDelay
        + ", jitter="
        + jitter
        + ", maxAge="
        + maxAge
        + ", maxRetryAfter="
        + maxRetryAfter
        + "}";
  }

  /** Builds {@link RetryPolicy} instances. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private int maxAttempts = Integer.MAX_VALUE;
    private Duration initialDelay = Duration.ofSeconds(1);
    private double multiplier = 2;
    private Duration maxDelay = Duration.ofMinutes(5);
    private double jitter = 0.2;
    private Duration maxAge = Duration.ofHours(24);
    private Duration maxRetryAfter = Duration.ofHours(1);

    private Builder() {}

    /**
     * Sets how long a notification is retried, counted from its first attempt; a retry that would
     * start later is not scheduled and the notification is dead-lettered. Default: 24 hours.
     *
     * @param maxAge positive, at most 365 days
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxAge(Duration maxAge) {
      requireNonNull(maxAge, "maxAge");
      if (maxAge.isNegative() || maxAge.isZero() || maxAge.compareTo(Duration.ofDays(365)) > 0) {
        throw new IllegalArgumentException("maxAge must be positive, at most 365 days: " + maxAge);
      }
      this.maxAge = maxAge;
      return this;
    }

    /**
     * Sets the longest retry-after (or throttling hint) honoured; a longer one is cut to it.
     * Default: 1 hour.
     *
     * @param maxRetryAfter zero or positive, at most 1 day
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      nonNegative("maxRetryAfter", maxRetryAfter);
      if (maxRetryAfter.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("maxRetryAfter must be at most 1 day: " + maxRetryAfter);
      }
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * Sets the total number of attempts, the first included. Default: {@link Integer#MAX_VALUE}, no
     * limit but the {@linkplain #maxAge(Duration) maximum age}. 1 means no retry.
     *
     * @param maxAttempts at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the delay after the first failure. Default: 1 second.
     *
     * @param initialDelay zero or positive, at most 1 day
     * @return this builder
     * @throws IllegalArgumentException if negative or longer
     */
    public Builder initialDelay(Duration initialDelay) {
      nonNegative("initialDelay", initialDelay);
      if (initialDelay.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("initialDelay must be at most 1 day: " + initialDelay);
      }
      this.initialDelay = initialDelay;
      return this;
    }

    /**
     * Sets the factor applied after each further failure. Default: 2.
     *
     * @param multiplier at least 1, finite
     * @return this builder
     * @throws IllegalArgumentException if less than 1 or not finite
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be finite and >= 1: " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * Sets the cap of each back-off delay, jitter included (a peer's retry-after may exceed it, up
     * to {@link #maxRetryAfter(Duration)}). Default: 5 minutes.
     *
     * @param maxDelay zero or positive, at most 1 day
     * @return this builder
     * @throws IllegalArgumentException if negative or longer
     */
    public Builder maxDelay(Duration maxDelay) {
      nonNegative("maxDelay", maxDelay);
      if (maxDelay.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("maxDelay must be at most 1 day: " + maxDelay);
      }
      this.maxDelay = maxDelay;
      return this;
    }

    /**
     * Sets the jitter fraction: each delay is multiplied by a random factor in {@code [1 - jitter,
     * 1 + jitter]}, so that lanes recovering together do not retry in lock-step. Default: 0.2.
     *
     * @param jitter between 0 and 1
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the immutable policy
     * @throws IllegalStateException if {@code initialDelay} exceeds {@code maxDelay}
     */
    public RetryPolicy build() {
      if (initialDelay.compareTo(maxDelay) > 0) {
        throw new IllegalStateException(
            "initialDelay " + initialDelay + " exceeds maxDelay " + maxDelay);
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(String name, Duration d) {
      requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
      return d;
    }
  }
}
