// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that moves only when told: inject it wherever pamkit takes a clock (dispatcher,
 * transports, token sources, certificates) and make time-based behaviour deterministic.
 *
 * <pre>{@code
 * FakeClock clock = new FakeClock();
 * clock.advance(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>This example is compiled and run by the testing module's {@code JavadocExamplesTest}.
 *
 * <p>Thread-safe. Its zone is UTC; {@link #withZone} returns a view in another zone that follows
 * this clock.
 */
public final class FakeClock extends Clock {
  /** The start of every clock made with the no-argument constructor. */
  private static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private volatile Instant now;

  /** Creates a clock at 2026-01-01T00:00:00Z. */
  public FakeClock() {
    this(DEFAULT_START);
  }

  /**
   * Creates a clock at the given instant.
   *
   * @param start the clock's first reading
   */
  public FakeClock(Instant start) {
    this.now = requireNonNull(start, "start");
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far; zero or positive
   * @return the new reading
   * @throws IllegalArgumentException if the duration is negative
   */
  public synchronized Instant advance(Duration duration) {
    requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock only moves forward; was " + duration);
    }
    now = now.plus(duration);
    return now;
  }

  /**
   * Sets the clock to an instant, earlier or later than now.
   *
   * @param instant the new reading
   */
  public synchronized void set(Instant instant) {
    now = requireNonNull(instant, "instant");
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    requireNonNull(zone, "zone");
    return zone.equals(ZoneOffset.UTC) ? this : new ZonedView(this, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** Returns the current reading. */
  @Override
  public String toString() {
    return "FakeClock[" + now + "]";
  }

  /** This clock seen in another zone. */
  private static final class ZonedView extends Clock {
    private final FakeClock source;
    private final ZoneId zone;

    ZonedView(FakeClock source, ZoneId zone) {
      this.source = source;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return source.withZone(zone);
    }

    @Override
    public Instant instant() {
      return source.instant();
    }
  }
}
