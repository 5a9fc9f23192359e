// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when told. Thread-safe.
 *
 * <p>Core's own copy on purpose: pamkit-testing's {@code io.pamkit.testing.FakeClock} depends on
 * pamkit-core, so core's tests cannot use it (Maven forbids the cycle). Every other module's tests,
 * and users, use pamkit-testing's. Public for core's tests of other packages.
 */
public final class FakeClock extends Clock {
  private volatile Instant now;

  /**
   * @param start the clock's time until it is moved
   */
  public FakeClock(Instant start) {
    this.now = start;
  }

  /** Starts at 2026-01-01T00:00:00Z. */
  public FakeClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /**
   * @param d how far to move the clock forward
   */
  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  /**
   * @param instant the clock's new time
   */
  public synchronized void set(Instant instant) {
    now = instant;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
