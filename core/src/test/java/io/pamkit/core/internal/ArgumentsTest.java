// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class ArgumentsTest {
  @Test
  void inRange_bounds_areAllowed() {
    assertEquals(0, Arguments.inRange("retries", 0, 0, 10));
    assertEquals(10, Arguments.inRange("retries", 10, 0, 10));
  }

  @Test
  void inRange_outside_namesArgumentValueAndRange() {
    IllegalArgumentException low =
        assertThrows(IllegalArgumentException.class, () -> Arguments.inRange("retries", -1, 0, 10));
    assertEquals("retries -1 outside 0..10", low.getMessage());
    IllegalArgumentException high =
        assertThrows(
            IllegalArgumentException.class, () -> Arguments.inRange("size", 65001, 2048, 65000));
    assertEquals("size 65001 outside 2048..65000", high.getMessage());
  }

  @Test
  void positive_zeroNegativeOrNull_isRefused() {
    assertEquals(Duration.ofMillis(1), Arguments.positive("timeout", Duration.ofMillis(1)));
    assertEquals(
        "timeout must be positive: PT0S",
        assertThrows(
                IllegalArgumentException.class, () -> Arguments.positive("timeout", Duration.ZERO))
            .getMessage());
    assertEquals(
        "timeout must be positive: PT-1S",
        assertThrows(
                IllegalArgumentException.class,
                () -> Arguments.positive("timeout", Duration.ofSeconds(-1)))
            .getMessage());
    @SuppressWarnings("NullAway")
    NullPointerException npe =
        assertThrows(NullPointerException.class, () -> Arguments.positive("timeout", null));
    assertEquals("timeout", npe.getMessage());
  }
}
