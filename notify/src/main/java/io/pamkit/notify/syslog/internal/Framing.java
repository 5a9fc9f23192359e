// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import io.pamkit.core.subscription.SyslogTcpFraming;

/**
 * RFC 6587 / RFC 5425 framing of one message on a stream.
 *
 * <p>Octet counting writes {@code MSG-LEN SP MSG} and needs no escaping. With a character framing
 * ({@code LF}, {@code CR}, {@code CRLF}, {@code NUL}) the message must never contain the delimiter.
 * Receivers often split on more than the configured delimiter (rsyslog always splits on LF), so
 * every LF, CR and NUL inside the message is replaced by a backslash escape: {@code \n}, {@code \r}
 * and {@code \0}. These bytes never occur inside a multi-byte UTF-8 sequence, so the replacement
 * keeps the text valid.
 */
public final class Framing {
  private Framing() {}

  /**
   * Writes the frame of a message; {@code out} is reset first.
   *
   * @param msg the message
   * @param length the number of bytes of {@code msg} to send
   * @param framing the framing
   * @param out the buffer that receives the frame
   * @return the number of delimiter bytes that were escaped
   */
  public static int frame(ByteBuf msg, int length, SyslogTcpFraming framing, ByteBuf out) {
    out.reset();
    byte[] src = msg.array();
    if (framing == SyslogTcpFraming.OCTET_COUNTING) {
      out.decimal(length).put(' ').put(src, 0, length);
      return 0;
    }
    int escaped = 0;
    int start = 0;
    for (int i = 0; i < length; i++) {
      byte b = src[i];
      char replacement;
      if (b == '\n') {
        replacement = 'n';
      } else if (b == '\r') {
        replacement = 'r';
      } else if (b == 0) {
        replacement = '0';
      } else {
        continue;
      }
      out.put(src, start, i - start).put('\\').put(replacement);
      start = i + 1;
      escaped++;
    }
    out.put(src, start, length - start);
    switch (framing) {
      case LF -> out.put('\n');
      case CR -> out.put('\r');
      case CRLF -> out.put('\r').put('\n');
      default -> out.put(0);
    }
    return escaped;
  }
}
