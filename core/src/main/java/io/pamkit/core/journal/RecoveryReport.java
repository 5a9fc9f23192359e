// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What opening a journal found: how many records it read, what it resumed, and every stretch of
 * damage, with what was done about it. A torn tail (a record cut short by a crash or a power loss)
 * is truncated; a corrupt record followed by valid ones is skipped and the ones after it are kept.
 *
 * @param segments how many segment files were read
 * @param records how many valid records were read
 * @param pending notifications to resume
 * @param deadLetters dead letters kept
 * @param damage every damaged stretch, oldest first; empty for a clean journal
 */
public record RecoveryReport(
    int segments, long records, int pending, int deadLetters, List<Damage> damage) {

  /** Validates the components and copies the list. */
  public RecoveryReport {
    damage = List.copyOf(requireNonNull(damage, "damage"));
  }

  /**
   * Returns true when nothing was damaged.
   *
   * @return whether {@link #damage()} is empty
   */
  public boolean clean() {
    return damage.isEmpty();
  }

  /**
   * A stretch of a segment that was not a valid record.
   *
   * @param segment the file
   * @param offset where the stretch starts
   * @param length its length in bytes
   * @param action what recovery did: {@link Action#TRUNCATED} or {@link Action#SKIPPED}
   * @param why what was wrong (checksum mismatch, incomplete record, ...)
   */
  public record Damage(Path segment, long offset, long length, Action action, String why) {

    /** Validates the components. */
    public Damage {
      requireNonNull(segment, "segment");
      requireNonNull(action, "action");
      requireNonNull(why, "why");
    }
  }

  /** What recovery did with a damaged stretch. */
  public enum Action {
    /** A torn tail: cut off the file (no valid record followed it). */
    TRUNCATED,
    /** A corrupt record with valid records after it: skipped, the ones after it kept. */
    SKIPPED
  }
}
