// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the records of one segment's bytes. A stretch that is not a valid record (wrong magic,
 * impossible length, checksum mismatch, undecodable payload) is damage: when a valid record follows
 * it, the stretch is a corrupt record that is skipped; when none follows, it is a torn tail, which
 * recovery truncates. Stateless.
 */
public final class SegmentScanner {

  private SegmentScanner() {}

  /**
   * A stretch of bytes that is not a record.
   *
   * @param offset where it starts
   * @param length how long it is
   * @param tail true when no valid record follows it (a torn tail)
   * @param why what was wrong at its start
   */
  public record Damage(long offset, long length, boolean tail, String why) {}

  /**
   * What a segment holds.
   *
   * @param records the valid records, in order
   * @param damage the damaged stretches, in order
   * @param validEnd the end of the last valid record: the length to truncate a torn tail to
   */
  public record Result(List<JournalRecord> records, List<Damage> damage, long validEnd) {}

  /**
   * Scans a segment.
   *
   * @param data the segment's bytes
   * @return the records and the damage
   */
  public static Result scan(byte[] data) {
    List<JournalRecord> records = new ArrayList<>();
    List<Damage> damage = new ArrayList<>();
    int pos = 0;
    int validEnd = 0;
    int n = data.length;
    while (pos < n) {
      String why = check(data, pos);
      if (why == null) {
        int length = ByteBuffer.wrap(data).getInt(pos + 4);
        records.add(JournalRecord.decode(data, pos + JournalRecord.HEADER, length));
        pos += JournalRecord.HEADER + length;
        validEnd = pos;
        continue;
      }
      int next = -1;
      for (int q = pos + 1; q + JournalRecord.HEADER <= n; q++) {
        if (data[q] == 'P' && check(data, q) == null) {
          next = q;
          break;
        }
      }
      if (next < 0) {
        damage.add(new Damage(pos, n - pos, true, why));
        break;
      }
      damage.add(new Damage(pos, next - pos, false, why));
      pos = next;
    }
    return new Result(records, damage, validEnd);
  }

  /** Returns null when a valid record starts at {@code pos}, else what is wrong. */
  private static @Nullable String check(byte[] data, int pos) {
    int n = data.length;
    if (n - pos < JournalRecord.HEADER) {
      return "incomplete header";
    }
    ByteBuffer b = ByteBuffer.wrap(data);
    if (b.getInt(pos) != JournalRecord.MAGIC) {
      return "no record marker";
    }
    int length = b.getInt(pos + 4);
    if (length <= 0 || length > JournalRecord.MAX_PAYLOAD) {
      return "impossible length " + length;
    }
    if ((long) pos + JournalRecord.HEADER + length > n) {
      return "incomplete record";
    }
    if (b.getInt(pos + 8) != JournalRecord.checksum(data, pos + 4, length)) {
      return "checksum mismatch";
    }
    try {
      JournalRecord.decode(data, pos + JournalRecord.HEADER, length);
    } catch (IllegalArgumentException e) {
      return "undecodable record";
    }
    return null;
  }
}
