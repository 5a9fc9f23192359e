// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds of the TCP sender's resend window: count, bytes, age; oldest first. */
final class ResendWindowTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static byte[] frame(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static List<String> texts(StreamSender.ResendWindow w) {
    return w.frames().stream().map(f -> new String(f, StandardCharsets.US_ASCII)).toList();
  }

  @Test
  void add_overCount_oldestDropped() {
    StreamSender.ResendWindow w = new StreamSender.ResendWindow(3, 1 << 20, Duration.ofMinutes(1));
    for (int i = 1; i <= 5; i++) {
      w.add(frame("m" + i), T0.toEpochMilli());
    }
    assertEquals(List.of("m3", "m4", "m5"), texts(w));
  }

  @Test
  void add_overBytes_oldestDroppedButNewestKeptEvenWhenLarger() {
    StreamSender.ResendWindow w = new StreamSender.ResendWindow(100, 10, Duration.ofMinutes(1));
    w.add(frame("aaaa"), T0.toEpochMilli());
    w.add(frame("bbbb"), T0.toEpochMilli());
    w.add(frame("cccc"), T0.toEpochMilli());
    assertEquals(List.of("bbbb", "cccc"), texts(w));
    byte[] big = frame("x".repeat(50));
    w.add(big, T0.toEpochMilli());
    assertEquals(1, w.size());
    assertArrayEquals(big, w.frames().get(0));
  }

  @Test
  void add_connectionUpForTheAge_olderFramesDropped() {
    StreamSender.ResendWindow w =
        new StreamSender.ResendWindow(100, 1 << 20, Duration.ofSeconds(60));
    w.add(frame("old"), T0.toEpochMilli());
    w.add(frame("recent"), T0.plusSeconds(30).toEpochMilli());
    w.add(frame("now"), T0.plusSeconds(61).toEpochMilli());
    assertEquals(List.of("recent", "now"), texts(w));
  }

  @Test
  void dropWrittenBefore_lossSeenLate_keepsWhatTheAgeBeforeTheLossCovers() {
    StreamSender.ResendWindow w =
        new StreamSender.ResendWindow(100, 1 << 20, Duration.ofSeconds(60));
    w.add(frame("a"), T0.toEpochMilli());
    w.add(frame("b"), T0.plusSeconds(50).toEpochMilli());
    Instant lostAt = T0.plusSeconds(70);
    w.dropWrittenBefore(lostAt.minus(w.maxAge()).toEpochMilli());
    assertEquals(List.of("b"), texts(w));
    w.rewritten(T0.plusSeconds(200).toEpochMilli());
    w.dropWrittenBefore(T0.plusSeconds(150).toEpochMilli());
    assertEquals(List.of("b"), texts(w), "a frame written again is as young as its new write");
    assertTrue(!w.isEmpty());
  }

  @Test
  void new_zeroFrames_illegalArgument() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new StreamSender.ResendWindow(0, 1, Duration.ofSeconds(1)));
    assertTrue(e.getMessage().contains("maxFrames"), e.getMessage());
  }
}
