// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class FakeClockTest {

  @Test
  void instant_untouched_staysAtStart() {
    FakeClock clock = new FakeClock();
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), clock.instant());
    assertEquals(clock.instant(), clock.instant());
    assertEquals(ZoneOffset.UTC, clock.getZone());
  }

  @Test
  void advanceAndSet_moveTheReading() {
    FakeClock clock = new FakeClock(Instant.parse("2026-05-01T10:00:00Z"));
    assertEquals(Instant.parse("2026-05-01T10:00:30Z"), clock.advance(Duration.ofSeconds(30)));
    clock.set(Instant.parse("2020-01-01T00:00:00Z"));
    assertEquals(Instant.parse("2020-01-01T00:00:00Z"), clock.instant());
  }

  @Test
  void advance_negative_rejected() {
    assertThrows(
        IllegalArgumentException.class, () -> new FakeClock().advance(Duration.ofSeconds(-1)));
  }

  @Test
  void withZone_followsTheSourceClock() {
    FakeClock clock = new FakeClock();
    var berlin = clock.withZone(ZoneId.of("Europe/Berlin"));
    clock.advance(Duration.ofHours(1));
    assertEquals(clock.instant(), berlin.instant());
    assertEquals(ZoneId.of("Europe/Berlin"), berlin.getZone());
  }
}
