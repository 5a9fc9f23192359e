// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of how long a lane's transport took to send notifications: counts in power-of-two
 * buckets of nanoseconds (bucket {@code i} holds durations in {@code [2^i, 2^(i+1))} ns, bucket 0
 * also holds 0). Precise to a factor of two, which is what alerting on a slow peer needs.
 *
 * <p>Immutable and thread-safe. Package-private: users read it through {@link
 * LaneMetrics#latencyPercentile(double)} and {@link LaneMetrics#latencySamples()}.
 */
final class LatencyHistogram {
  /** The number of buckets. */
  static final int BUCKETS = 64;

  private final long[] counts;
  private final long total;

  LatencyHistogram(long[] counts) {
    this.counts = counts.clone();
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    this.total = t;
  }

  static int bucketOf(long nanos) {
    return nanos <= 1 ? 0 : 63 - Long.numberOfLeadingZeros(nanos);
  }

  /**
   * Returns how many sends were measured.
   *
   * @return the total count
   */
  long count() {
    return total;
  }

  /**
   * Returns the number of buckets, 64.
   *
   * @return the number of buckets
   */
  int buckets() {
    return BUCKETS;
  }

  /**
   * Returns the count of one bucket.
   *
   * @param bucket between 0 and 63
   * @return how many sends took {@code [2^bucket, 2^(bucket+1))} nanoseconds
   * @throws IndexOutOfBoundsException if {@code bucket} is out of range
   */
  long count(int bucket) {
    return counts[bucket];
  }

  /**
   * Returns an upper bound of the given percentile: the exclusive upper bound of the bucket holding
   * it.
   *
   * @param percentile between 0 (exclusive) and 100 (inclusive)
   * @return the bound, or {@link Duration#ZERO} when nothing was measured
   * @throws IllegalArgumentException if the percentile is out of range
   */
  Duration percentile(double percentile) {
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
    }
    if (total == 0) {
      return Duration.ZERO;
    }
    long rank = (long) Math.ceil(total * percentile / 100);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return i >= 62 ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofNanos(1L << (i + 1));
      }
    }
    return Duration.ofNanos(Long.MAX_VALUE);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof LatencyHistogram h && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    int last = BUCKETS - 1;
    while (last > 0 && counts[last] == 0) {
      last--;
    }
    return "LatencyHistogram{count="
        + total
        + ", buckets="
        + Arrays.toString(Arrays.copyOf(counts, last + 1))
        + "}";
  }
}
