// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * When the journal forces its writes to the storage device ({@code fsync}), and so what a publisher
 * that waits for {@link Journal#append} is promised when the call returns:
 *
 * <ul>
 *   <li>{@link #EVERY_RECORD}: each record is forced on its own before its publisher returns. The
 *       record survives a process crash and a power loss. One {@code fsync} per record: slowest.
 *   <li>{@link #GROUP_COMMIT} (the default): the writer thread writes every record that is waiting,
 *       forces them with one {@code fsync}, then releases all their publishers. Same promise as
 *       {@link #EVERY_RECORD}; under load, many records share one {@code fsync}.
 *   <li>{@link #interval(Duration) INTERVAL}: the publisher returns once its record is written to
 *       the operating system; the writer forces at most every interval. The record survives a
 *       process crash (even {@code SIGKILL}); a power loss or kernel crash can lose the records of
 *       the last interval.
 *   <li>{@link #NONE}: written to the operating system, forced only when a segment is full and at
 *       close. Survives a process crash; a power loss can lose anything not yet forced.
 * </ul>
 *
 * <p>Records that only finish work (delivered, dead-lettered by the dispatcher) are never waited
 * for: if they are lost, the notification is delivered again after a restart (at least once).
 *
 * <p>Immutable and thread-safe.
 */
public final class FsyncPolicy {

  /** The kinds of policy. */
  public enum Mode {
    /** One {@code fsync} per record before its publisher returns. */
    EVERY_RECORD,
    /** One {@code fsync} per batch before the batch's publishers return. */
    GROUP_COMMIT,
    /** Publishers return after the write; an {@code fsync} at most every interval. */
    INTERVAL,
    /** Publishers return after the write; {@code fsync} only at segment end and close. */
    NONE
  }

  /** One {@code fsync} per record; see the class comment. */
  public static final FsyncPolicy EVERY_RECORD = new FsyncPolicy(Mode.EVERY_RECORD, null);

  /** One {@code fsync} per batch, the default; see the class comment. */
  public static final FsyncPolicy GROUP_COMMIT = new FsyncPolicy(Mode.GROUP_COMMIT, null);

  /** No {@code fsync} but at segment end and close; see the class comment. */
  public static final FsyncPolicy NONE = new FsyncPolicy(Mode.NONE, null);

  private final Mode mode;
  private final @Nullable Duration interval;

  private FsyncPolicy(Mode mode, @Nullable Duration interval) {
    this.mode = mode;
    this.interval = interval;
  }

  /**
   * Returns the policy that forces at most every {@code interval}; see the class comment.
   *
   * @param interval at least 1 ms, at most 1 hour
   * @return the policy
   * @throws IllegalArgumentException if out of range
   */
  public static FsyncPolicy interval(Duration interval) {
    requireNonNull(interval, "interval");
    if (interval.compareTo(Duration.ofMillis(1)) < 0
        || interval.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("interval must be between 1 ms and 1 hour: " + interval);
    }
    return new FsyncPolicy(Mode.INTERVAL, interval);
  }

  /**
   * Returns the kind of policy.
   *
   * @return the mode
   */
  public Mode mode() {
    return mode;
  }

  /**
   * Returns the interval of an {@link Mode#INTERVAL} policy.
   *
   * @return the interval, or zero for the other modes
   */
  public Duration interval() {
    return interval != null ? interval : Duration.ZERO;
  }

  /** Whether publishers wait for the {@code fsync} of their record. */
  boolean waitsForFsync() {
    return mode == Mode.EVERY_RECORD || mode == Mode.GROUP_COMMIT;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FsyncPolicy p && p.mode == mode && interval().equals(p.interval());
  }

  @Override
  public int hashCode() {
    return mode.hashCode() * 31 + interval().hashCode();
  }

  @Override
  public String toString() {
    return mode == Mode.INTERVAL ? "INTERVAL(" + interval().toMillis() + " ms)" : mode.name();
  }
}
