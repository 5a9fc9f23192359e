// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class LaneConfigTest {

  @Test
  void defaults_documentedValues() {
    LaneConfig c = LaneConfig.defaults();
    assertEquals(1024, c.capacity());
    assertEquals(1, c.workers());
    assertEquals(BackPressure.block(Duration.ofSeconds(1)), c.backPressure());
    assertEquals(Integer.MAX_VALUE, c.retryPolicy().maxAttempts());
    assertEquals(Duration.ofHours(24), c.retryPolicy().maxAge());
    assertEquals(5, c.circuitBreaker().failureThreshold());
    assertEquals(Duration.ofSeconds(30), c.circuitBreaker().openDuration());
    assertEquals(c.toString(), c.toBuilder().build().toString());
  }

  @Test
  void capacity_roundedUpToPowerOfTwo() {
    assertEquals(2, LaneConfig.builder().capacity(1).build().capacity());
    assertEquals(1024, LaneConfig.builder().capacity(1000).build().capacity());
    assertEquals(64, LaneConfig.builder().capacity(64).build().capacity());
  }

  @Test
  void setters_outOfRange_throwNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LaneConfig.builder().capacity(0));
    assertTrue(e.getMessage().contains("capacity") && e.getMessage().contains("0"));
    assertThrows(IllegalArgumentException.class, () -> LaneConfig.builder().workers(65));
    assertThrows(NullPointerException.class, () -> LaneConfig.builder().backPressure(null));
    assertThrows(IllegalArgumentException.class, () -> BackPressure.block(Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> CircuitBreakerConfig.builder().failureThreshold(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> CircuitBreakerConfig.builder().openDuration(Duration.ofMillis(-1)));
    assertThrows(
        IllegalArgumentException.class, () -> CircuitBreakerConfig.builder().halfOpenSuccesses(0));
  }

  @Test
  void backPressure_refuseAndBlock() {
    assertFalse(BackPressure.refuse().blocks());
    assertEquals(Duration.ZERO, BackPressure.refuse().timeout());
    assertTrue(BackPressure.block(Duration.ofMillis(5)).blocks());
    assertEquals(
        "BackPressure.block(PT0.005S)", BackPressure.block(Duration.ofMillis(5)).toString());
  }

  @Test
  void latencyHistogram_bucketsAndPercentiles() {
    long[] counts = new long[LatencyHistogram.BUCKETS];
    counts[LatencyHistogram.bucketOf(1_000)] = 90;
    counts[LatencyHistogram.bucketOf(1_000_000)] = 10;
    LatencyHistogram h = new LatencyHistogram(counts);
    assertEquals(100, h.count());
    assertEquals(9, LatencyHistogram.bucketOf(1_000));
    assertEquals(Duration.ofNanos(1024), h.percentile(50));
    assertEquals(Duration.ofNanos(1024), h.percentile(90));
    assertEquals(Duration.ofNanos(1 << 20), h.percentile(99));
    assertEquals(
        Duration.ZERO, new LatencyHistogram(new long[LatencyHistogram.BUCKETS]).percentile(99));
    assertThrows(IllegalArgumentException.class, () -> h.percentile(0));
  }
}
