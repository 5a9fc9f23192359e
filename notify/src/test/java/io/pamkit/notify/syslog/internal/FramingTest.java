// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pamkit.core.subscription.SyslogTcpFraming;
import org.junit.jupiter.api.Test;

final class FramingTest {

  private static String frame(String msg, SyslogTcpFraming framing) {
    ByteBuf m = new ByteBuf(4);
    m.utf8(msg);
    ByteBuf out = new ByteBuf(4);
    Framing.frame(m, m.length(), framing, out);
    return new String(out.array(), 0, out.length(), UTF_8);
  }

  @Test
  void frame_octetCounting_lengthInBytesAndMessageUnchanged() {
    assertEquals("8 a\nb\u20ac\r\0", frame("a\nb\u20ac\r\0", SyslogTcpFraming.OCTET_COUNTING));
  }

  @Test
  void frame_characterFramings_delimitersInsideEscaped() {
    String msg = "a\nb\rc\0d\u00e9";
    String escaped = "a\\nb\\rc\\0d\u00e9";
    assertEquals(escaped + "\n", frame(msg, SyslogTcpFraming.LF));
    assertEquals(escaped + "\r", frame(msg, SyslogTcpFraming.CR));
    assertEquals(escaped + "\r\n", frame(msg, SyslogTcpFraming.CRLF));
    assertEquals(escaped + "\0", frame(msg, SyslogTcpFraming.NUL));
  }

  @Test
  void frame_countsEscapes() {
    ByteBuf m = new ByteBuf(4);
    m.utf8("\n\n\r");
    assertEquals(3, Framing.frame(m, m.length(), SyslogTcpFraming.LF, new ByteBuf(4)));
  }
}
