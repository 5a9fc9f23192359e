package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a lane retries a notification whose delivery failed with a retryable {@link FailureType}:
 * exponential back-off with jitter, never sooner than the peer's retry-after, up to a number of
 * attempts after which the notification is dead-lettered.
 *
 * <p>The delay before attempt {@code n + 1} (after {@code n} failures) is {@code initialDelay *
 * multiplier^(n-1)}, capped at {@code maxDelay}, then multiplied by a random factor in {@code [1 -
 * jitter, 1 + jitter]}; if the failure carried a retry-after longer than that, the retry-after is
 * used instead (and may exceed {@code maxDelay}: the peer asked for it).
 *
 * <p>Immutable and thread-safe; the builder is not.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *     .maxAttempts(4)
 *     .initialDelay(Duration.ofSeconds(2))
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

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialDelay = b.initialDelay;
    this.multiplier = b.multiplier;
    this.maxDelay = b.maxDelay;
    this.jitter = b.jitter;
  }

  /**
   * Returns the default policy: 5 attempts, 1 s initial delay, multiplier 2, at most 5 minutes,
   * jitter 0.2.
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
        .jitter(jitter);
  }

  /**
   * Returns the total number of attempts, the first included.
   *
   * @return at least 1
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
   * Computes the delay before the next attempt.
   *
   * @param failures how many attempts have failed so far; at least 1
   * @param retryAfter the retry-after the last failure carried, or null
   * @param random a uniformly distributed value in {@code [0, 1)} that chooses the jitter
   * @return the delay
   * @throws IllegalArgumentException if {@code failures} is less than 1 or {@code random} is out
   *     of range
   */
  public Duration delayAfter(int failures, @Nullable Duration retryAfter, double random) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1: " + failures);
    }
    if (!(random >= 0 && random < 1)) {
      throw new IllegalArgumentException("random must be in [0, 1): " + random);
    }
    double base = initialDelay.toNanos() * Math.pow(multiplier, failures - 1);
    base = Math.min(base, maxDelay.toNanos());
    double factor = 1 + jitter * (2 * random - 1);
    long nanos = (long) Math.max(0, base * factor);
    Duration delay = Duration.ofNanos(nanos);
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      return retryAfter;
    }
    return delay;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay
        + ", multiplier=" + multiplier + ", maxDelay=" + maxDelay + ", jitter=" + jitter + "}";
  }

  /** Builds {@link RetryPolicy} instances. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private int maxAttempts = 5;
    private Duration initialDelay = Duration.ofSeconds(1);
    private double multiplier = 2;
    private Duration maxDelay = Duration.ofMinutes(5);
    private double jitter = 0.2;

    private Builder() {}

    /**
     * Sets the total number of attempts, the first included. Default: 5. 1 means no retry.
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
     * @param initialDelay zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = nonNegative("initialDelay", initialDelay);
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
     * Sets the cap of the back-off (a peer's retry-after may exceed it). Default: 5 minutes.
     *
     * @param maxDelay zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = nonNegative("maxDelay", maxDelay);
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
