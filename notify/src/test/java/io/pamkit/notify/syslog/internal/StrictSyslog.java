// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strict readers of what pamkit writes, by the receivers' rules: RFC 5424 (header, structured data
 * with its three escapes, MSG), pamkit's plain text body, and CEF (header and extension). They
 * refuse anything the grammar does not allow, so a formatter bug shows as an {@link AssertionError}
 * here rather than as a quietly different value at a SIEM.
 */
final class StrictSyslog {
  private StrictSyslog() {}

  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2})");

  /** One SD-ELEMENT. */
  record Element(String id, List<Map.Entry<String, String>> params) {}

  /** A parsed RFC 5424 message. */
  record Message(
      int pri,
      String host,
      String app,
      String procId,
      String msgId,
      List<Element> sd,
      String msg) {}

  /** Decodes UTF-8, refusing malformed input, as a strict receiver does. */
  static String utf8(byte[] bytes, int length) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("not UTF-8", e);
    }
  }

  private static final class Reader {
    final String s;
    int i;

    Reader(String s) {
      this.s = s;
    }

    AssertionError fail(String what) {
      return new AssertionError(what + " at " + i + " in: " + s);
    }

    char peek() {
      if (i >= s.length()) {
        throw fail("unexpected end");
      }
      return s.charAt(i);
    }

    void expect(char c) {
      if (peek() != c) {
        throw fail("expected '" + c + "'");
      }
      i++;
    }

    /** A header field: 1..max PRINTUSASCII, or "-". */
    String field(int max) {
      int start = i;
      while (i < s.length() && s.charAt(i) != ' ') {
        char c = s.charAt(i);
        if (c < 33 || c > 126) {
          throw fail("not PRINTUSASCII");
        }
        i++;
      }
      String f = s.substring(start, i);
      if (f.isEmpty() || f.length() > max) {
        throw fail("header field length " + f.length());
      }
      return f;
    }

    String sdName() {
      int start = i;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '=' || c == ' ' || c == ']' || c == '"') {
          break;
        }
        if (c < 33 || c > 126) {
          throw fail("SD-NAME not PRINTUSASCII");
        }
        i++;
      }
      String n = s.substring(start, i);
      if (n.isEmpty() || n.length() > 32) {
        throw fail("SD-NAME length " + n.length());
      }
      return n;
    }

    String paramValue() {
      expect('"');
      StringBuilder v = new StringBuilder();
      while (true) {
        char c = peek();
        i++;
        if (c == '"') {
          return v.toString();
        }
        if (c == ']') {
          throw fail("unescaped ] in PARAM-VALUE");
        }
        if (c == '\\' && i < s.length() && "\"\\]".indexOf(s.charAt(i)) >= 0) {
          v.append(s.charAt(i++));
        } else {
          v.append(c);
        }
      }
    }
  }

  /** Reads an RFC 5424 message. */
  static Message parse5424(String s) {
    Reader r = new Reader(s);
    r.expect('<');
    int start = r.i;
    while (Character.isDigit(r.peek())) {
      r.i++;
    }
    String digits = s.substring(start, r.i);
    if (digits.isEmpty()
        || digits.length() > 3
        || (digits.length() > 1 && digits.charAt(0) == '0')) {
      throw r.fail("PRI");
    }
    int pri = Integer.parseInt(digits);
    if (pri > 191) {
      throw r.fail("PRI > 191");
    }
    r.expect('>');
    r.expect('1');
    r.expect(' ');
    String ts = r.field(64);
    if (!ts.equals("-") && !TIMESTAMP.matcher(ts).matches()) {
      throw r.fail("TIMESTAMP " + ts);
    }
    r.expect(' ');
    String host = r.field(255);
    r.expect(' ');
    String app = r.field(48);
    r.expect(' ');
    String procId = r.field(128);
    r.expect(' ');
    String msgId = r.field(32);
    r.expect(' ');
    List<Element> sd = new ArrayList<>();
    if (r.peek() == '-') {
      r.i++;
    } else {
      while (r.i < s.length() && s.charAt(r.i) == '[') {
        r.i++;
        String id = r.sdName();
        List<Map.Entry<String, String>> params = new ArrayList<>();
        while (r.peek() == ' ') {
          r.i++;
          String name = r.sdName();
          r.expect('=');
          params.add(new SimpleEntry<>(name, r.paramValue()));
        }
        r.expect(']');
        sd.add(new Element(id, params));
      }
      if (sd.isEmpty()) {
        throw r.fail("STRUCTURED-DATA");
      }
    }
    String msg = "";
    if (r.i < s.length()) {
      r.expect(' ');
      msg = s.substring(r.i);
      if (msg.startsWith("\ufeff")) {
        msg = msg.substring(1);
      }
    }
    return new Message(pri, host, app, procId, msgId, sd, msg);
  }

  /**
   * Reads pamkit's plain text body, {@code NAME: level=L[ appliance=A][ object=T/I]( K="V")*}, and
   * returns the properties ({@code \"} and {@code \\} decoded, other backslashes literal).
   */
  static List<Map.Entry<String, String>> parseText(String msg) {
    Reader r = new Reader(msg);
    int colon = msg.indexOf(": level=");
    if (colon <= 0) {
      throw r.fail("no ': level='");
    }
    r.i = colon + 8;
    token(r);
    if (msg.startsWith(" appliance=", r.i)) {
      r.i += 11;
      token(r);
    }
    if (msg.startsWith(" object=", r.i)) {
      r.i += 8;
      token(r);
    }
    List<Map.Entry<String, String>> props = new ArrayList<>();
    while (r.i < msg.length()) {
      r.expect(' ');
      int start = r.i;
      while (r.peek() != '=') {
        char c = r.peek();
        if (c == ' ' || c == '"' || c == '\\') {
          throw r.fail("bad key character");
        }
        r.i++;
      }
      String key = msg.substring(start, r.i);
      r.expect('=');
      r.expect('"');
      StringBuilder v = new StringBuilder();
      while (true) {
        char c = r.peek();
        r.i++;
        if (c == '"') {
          break;
        }
        if (c == '\\'
            && r.i < msg.length()
            && (msg.charAt(r.i) == '"' || msg.charAt(r.i) == '\\')) {
          v.append(msg.charAt(r.i++));
        } else {
          v.append(c);
        }
      }
      props.add(new SimpleEntry<>(key, v.toString()));
    }
    return props;
  }

  private static void token(Reader r) {
    int start = r.i;
    while (r.i < r.s.length() && r.s.charAt(r.i) != ' ') {
      char c = r.s.charAt(r.i);
      if (c == '=' || c == '"') {
        throw r.fail("bad token character");
      }
      r.i++;
    }
    if (r.i == start) {
      throw r.fail("empty token");
    }
  }

  /** A parsed CEF event. */
  record Cef(List<String> header, List<Map.Entry<String, String>> extension) {}

  /** Reads a CEF event by the ArcSight rules. */
  static Cef parseCef(String s) {
    Reader r = new Reader(s);
    if (!s.startsWith("CEF:0|")) {
      throw r.fail("not CEF:0");
    }
    r.i = 6;
    List<String> header = new ArrayList<>();
    while (header.size() < 6) {
      StringBuilder f = new StringBuilder();
      while (true) {
        char c = r.peek();
        r.i++;
        if (c == '|') {
          break;
        }
        if (c == '\\') {
          char n = r.peek();
          if (n != '|' && n != '\\') {
            throw r.fail("bad header escape");
          }
          f.append(n);
          r.i++;
        } else if (c == '\r' || c == '\n') {
          throw r.fail("line break in header");
        } else {
          f.append(c);
        }
      }
      header.add(f.toString());
    }
    List<Map.Entry<String, String>> ext = new ArrayList<>();
    while (r.i < s.length()) {
      int start = r.i;
      while (r.peek() != '=') {
        char c = r.peek();
        if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_') {
          throw r.fail("bad extension key character");
        }
        r.i++;
      }
      String key = s.substring(start, r.i);
      if (key.isEmpty()) {
        throw r.fail("empty key");
      }
      r.i++;
      StringBuilder v = new StringBuilder();
      while (r.i < s.length()) {
        char c = s.charAt(r.i);
        if (c == ' ' && startsKey(s, r.i + 1)) {
          r.i++;
          break;
        }
        r.i++;
        if (c == '\\') {
          char n = r.peek();
          r.i++;
          switch (n) {
            case '\\', '=' -> v.append(n);
            case 'n' -> v.append('\n');
            case 'r' -> v.append('\r');
            default -> throw r.fail("bad extension escape");
          }
        } else if (c == '=') {
          throw r.fail("unescaped = in extension value");
        } else if (c == '\r' || c == '\n') {
          throw r.fail("raw line break in extension value");
        } else {
          v.append(c);
        }
      }
      ext.add(new SimpleEntry<>(key, v.toString()));
    }
    return new Cef(header, ext);
  }

  private static boolean startsKey(String s, int i) {
    int j = i;
    while (j < s.length()
        && ((Character.isLetterOrDigit(s.charAt(j)) && s.charAt(j) < 128) || s.charAt(j) == '_')) {
      j++;
    }
    return j > i && j < s.length() && s.charAt(j) == '=';
  }

  // ------------------------------------------------------------------ expected values

  /** The value a receiver sees for a PARAM-VALUE or quoted text value: controls C-escaped. */
  static String controlsEscaped(String v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
        switch (c) {
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          default -> b.append(String.format("\\u%04x", (int) c));
        }
      } else {
        i = surrogateSafe(v, i, b);
      }
    }
    return b.toString();
  }

  /** The value a receiver sees for a CEF extension value: CR and LF kept, other controls spaces. */
  static String cefExpected(String v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\n' || c == '\r') {
        b.append(c);
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
        b.append(' ');
      } else {
        i = surrogateSafe(v, i, b);
      }
    }
    return b.toString();
  }

  /** JSON keeps every value, except that an unpaired surrogate becomes {@code ?}. */
  static String jsonExpected(String v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      i = surrogateSafe(v, i, b);
    }
    return b.toString();
  }

  private static int surrogateSafe(String v, int i, StringBuilder b) {
    char c = v.charAt(i);
    if (Character.isHighSurrogate(c)
        && i + 1 < v.length()
        && Character.isLowSurrogate(v.charAt(i + 1))) {
      b.append(c).append(v.charAt(i + 1));
      return i + 1;
    }
    b.append(Character.isSurrogate(c) ? '?' : c);
    return i;
  }

  /** The SD-NAME a key becomes: its first 32 UTF-16 units, others than SD-NAME characters _. */
  static String sdNameOf(String key) {
    if (key.isEmpty()) {
      return "_";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(32, key.length()); i++) {
      char c = key.charAt(i);
      b.append(c > 32 && c < 127 && c != '=' && c != ']' && c != '"' ? c : '_');
    }
    return b.toString();
  }
}
