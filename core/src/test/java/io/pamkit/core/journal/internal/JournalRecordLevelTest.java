// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The journal keeps the event level's wire name ({@code "Warn"}), the spelling written before the
 * enum constants became UPPER_SNAKE_CASE, so journals written by earlier versions still open.
 */
final class JournalRecordLevelTest {
  private static final Instant TIME = Instant.parse("2026-01-02T03:04:05.000000006Z");

  /** An ACCEPTED record framed by hand in the on-disk format, with {@code level} as given. */
  private static byte[] frame(String level) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(JournalRecord.MAGIC);
    out.writeInt(0); // length, patched below
    out.writeInt(0); // checksum, patched below
    out.writeByte(1); // ACCEPTED
    str(out, "e1/7");
    str(out, "Email");
    out.writeLong(TIME.getEpochSecond());
    out.writeInt(TIME.getNano());
    out.writeInt(7); // subscriber
    str(out, "e1");
    str(out, "UserCreated");
    out.writeLong(TIME.getEpochSecond());
    out.writeInt(TIME.getNano());
    str(out, "SPP-1");
    str(out, level);
    out.writeByte(0); // no object
    out.writeInt(0); // no properties
    byte[] framed = bytes.toByteArray();
    int length = framed.length - JournalRecord.HEADER;
    ByteBuffer b = ByteBuffer.wrap(framed);
    b.putInt(4, length);
    b.putInt(8, JournalRecord.checksum(framed, 4, length));
    return framed;
  }

  private static void str(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static JournalRecord record(EventLevel level) {
    ApplianceEvent event =
        ApplianceEvent.builder("UserCreated")
            .id("e1")
            .time(TIME)
            .applianceId("SPP-1")
            .level(level)
            .build();
    return new JournalRecord(JournalRecord.Op.ACCEPTED, "e1/7", "Email", 7, event, "", 0, TIME);
  }

  @ParameterizedTest
  @EnumSource(EventLevel.class)
  void decode_recordWrittenWithTheOldLevelName_readsTheLevel(EventLevel level) throws IOException {
    // Before the rename the journal wrote EventLevel.name(): "Debug", "Info", "Warn", ...
    List<JournalRecord> records = SegmentScanner.scan(frame(level.wireName())).records();

    assertEquals(1, records.size());
    ApplianceEvent event = records.get(0).event();
    assertEquals(level, event == null ? null : event.level());
  }

  @ParameterizedTest
  @EnumSource(EventLevel.class)
  void encode_anyLevel_writesTheSameBytesAsBeforeTheRename(EventLevel level) throws IOException {
    assertArrayEquals(frame(level.wireName()), record(level).encode());
    assertTrue(
        new String(record(level).encode(), StandardCharsets.ISO_8859_1).contains(level.wireName()));
  }

  @Test
  void decode_unknownLevelName_isRejectedAsDamage() throws IOException {
    byte[] framed = frame("Warning");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                JournalRecord.decode(
                    framed, JournalRecord.HEADER, framed.length - JournalRecord.HEADER));
    assertTrue(e.getMessage().contains("unknown event level 'Warning'"), e.getMessage());
  }
}
