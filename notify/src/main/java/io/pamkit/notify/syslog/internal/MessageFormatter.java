// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventCategory;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.subscription.SyslogFacility;
import io.pamkit.core.subscription.SyslogFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes one notification as a syslog message (RFC 5424, or RFC 3164 for {@code LegacyUdp}) with a
 * plain text, CEF or JSON body, straight into a reused {@link ByteBuf}.
 *
 * <p>Design: every field is escaped for the grammar it lands in while it is encoded, so no
 * intermediate strings are built. The invariant every format keeps is that no message ever holds a
 * control character (C0, DEL, C1) or a Unicode line or paragraph separator, so each message is one
 * line at every receiver whatever the framing, and no value can end a field early:
 *
 * <ul>
 *   <li>Header fields (HOSTNAME, APP-NAME, PROCID, MSGID, the RFC 3164 TAG) are reduced to
 *       PRINTUSASCII and cut to their RFC lengths; an empty field is {@code -}.
 *   <li>SD-NAMEs are 1 to 32 printable US-ASCII characters without {@code =}, space, {@code ]} and
 *       {@code "} (others become {@code _}). PARAM-VALUEs get {@code "}, {@code \} and {@code ]}
 *       backslash-escaped (RFC 5424 6.3.3), and control characters written as the C-style escapes
 *       {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}.
 *   <li>The plain text MSG writes values quoted, with {@code "} and {@code \} escaped and control
 *       characters escaped as in PARAM-VALUEs; keys and unquoted tokens lose spaces, {@code =} and
 *       {@code "}.
 *   <li>CEF header fields escape {@code |} and {@code \} and turn controls into spaces; extension
 *       keys are letters, digits and {@code _}; extension values escape {@code \} and {@code =},
 *       write CR and LF as {@code \r} and {@code \n}, and turn other controls into spaces. A
 *       property whose key would equal one of pamkit's own keys ({@code rt}, {@code cs1}, ...) gets
 *       a trailing {@code _}.
 *   <li>JSON strings follow RFC 8259, and also escape DEL, C1 and U+2028/U+2029; a property whose
 *       (prefixed) name equals a member of pamkit's own gets a trailing {@code _}.
 * </ul>
 *
 * <p>Immutable and thread-safe; the buffer passed in is not.
 */
public final class MessageFormatter {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  /** Nothing: every PRINTUSASCII character is allowed. */
  private static final boolean[] NONE = asciiSet("");

  /** What an SD-NAME must not hold besides space (RFC 5424 6.3.3). */
  private static final boolean[] SD_NAME_EXCLUDED = asciiSet("=]\"");

  /** The characters that end an RFC 3164 TAG. */
  private static final boolean[] TAG_EXCLUDED = asciiSet("[]:");

  /** What a PARAM-VALUE escapes with a backslash (RFC 5424 6.3.3). */
  private static final boolean[] SD_VALUE_BACKSLASHED = asciiSet("\"\\]");

  /** What a quoted plain text value and a JSON string escape with a backslash. */
  private static final boolean[] QUOTED_BACKSLASHED = asciiSet("\"\\");

  /** What a CEF header field escapes with a backslash. */
  private static final boolean[] CEF_HEADER_BACKSLASHED = asciiSet("\\|");

  /** What a CEF extension value escapes with a backslash. */
  private static final boolean[] CEF_VALUE_BACKSLASHED = asciiSet("\\=");

  private final int facility;
  private final boolean legacy;
  private final @Nullable SyslogFormat logFormat;
  private final String keyPrefix;
  private final ZoneRules zoneRules;
  private final String hostName;
  private final String appName;
  private final String procId;
  private final String metaSdId;
  private final String propsSdId;
  private final boolean bom;
  private final String cefVendor;
  private final String cefProduct;
  private final String cefVersion;
  private final EventCatalog catalog;
  private final Map<String, EventCategory> categories = new ConcurrentHashMap<>();

  /** Returns a table indexed by US-ASCII code that is true for the given characters. */
  private static boolean[] asciiSet(String chars) {
    boolean[] set = new boolean[128];
    for (int i = 0; i < chars.length(); i++) {
      set[chars.charAt(i)] = true;
    }
    return set;
  }

  /**
   * Creates a formatter.
   *
   * @param facility the facility
   * @param legacy true for RFC 3164, false for RFC 5424
   * @param logFormat CEF, JSON, or null for plain text
   * @param keyPrefix the prefix of custom keys in CEF and JSON bodies, or null
   * @param zone the zone of the timestamps
   * @param hostName the HOSTNAME field (PRINTUSASCII, at most 255)
   * @param appName the APP-NAME field (PRINTUSASCII, at most 48)
   * @param procId the PROCID field
   * @param enterpriseNumber the private enterprise number of the SD-IDs
   * @param bom whether an RFC 5424 MSG starts with the UTF-8 BOM
   * @param cefVendor the CEF Device Vendor
   * @param cefProduct the CEF Device Product
   * @param cefVersion the CEF Device Version
   * @param catalog the catalog giving each event name's category
   */
  public MessageFormatter(
      SyslogFacility facility,
      boolean legacy,
      @Nullable SyslogFormat logFormat,
      @Nullable String keyPrefix,
      ZoneId zone,
      String hostName,
      String appName,
      String procId,
      long enterpriseNumber,
      boolean bom,
      String cefVendor,
      String cefProduct,
      String cefVersion,
      EventCatalog catalog) {
    this.facility = facility.code();
    this.legacy = legacy;
    this.logFormat = logFormat;
    this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
    this.zoneRules = zone.getRules();
    this.hostName = hostName;
    this.appName = appName;
    this.procId = procId;
    this.metaSdId = "pamkit@" + enterpriseNumber;
    this.propsSdId = "props@" + enterpriseNumber;
    this.bom = bom;
    this.cefVendor = cefVendor;
    this.cefProduct = cefProduct;
    this.cefVersion = cefVersion;
    this.catalog = requireNonNull(catalog, "catalog");
  }

  /**
   * Writes the message of a notification; the buffer is reset first.
   *
   * @param notification the notification
   * @param out the buffer that receives the message
   */
  public void format(Notification notification, ByteBuf out) {
    out.reset();
    ApplianceEvent event = notification.event();
    int pri = facility * 8 + event.level().syslogSeverity();
    out.put('<').decimal(pri).put('>');
    if (legacy) {
      timestamp3164(event.time(), out);
      out.put(' ');
      printable(hostName, 255, out);
      out.put(' ');
      tag(appName, out);
      out.put('[');
      tag(procId, out);
      out.ascii("]: ");
    } else {
      out.ascii("1 ");
      timestamp3339(event.time(), out);
      out.put(' ');
      printable(hostName, 255, out);
      out.put(' ');
      printable(appName, 48, out);
      out.put(' ');
      printable(procId, 128, out);
      out.put(' ');
      printable(event.name(), 32, out);
      out.put(' ');
      structuredData(notification, out);
      out.put(' ');
      if (bom) {
        out.put(BOM, 0, BOM.length);
      }
    }
    body(notification, out);
  }

  private void body(Notification n, ByteBuf out) {
    if (logFormat == SyslogFormat.CEF) {
      cef(n, out);
    } else if (logFormat == SyslogFormat.JSON) {
      json(n, out);
    } else {
      text(n, out);
    }
  }

  private EventCategory category(String name) {
    EventCategory c = categories.get(name);
    if (c == null) {
      Optional<EventDefinition> d = catalog.find(name);
      c = d.isPresent() ? d.get().category() : EventCategory.UNKNOWN;
      if (categories.size() < 4096) {
        categories.put(name, c);
      }
    }
    return c;
  }

  // ---------------------------------------------------------------- RFC 5424 structured data

  private void structuredData(Notification n, ByteBuf out) {
    ApplianceEvent e = n.event();
    out.put('[').ascii(metaSdId);
    sdParam("EventName", e.name(), out);
    sdParam("EventId", e.id(), out);
    sdParam("Level", e.level().wireName(), out);
    sdParam("Category", category(e.name()).wireName(), out);
    if (!e.applianceId().isEmpty()) {
      sdParam("ApplianceId", e.applianceId(), out);
    }
    String objectType = e.objectType();
    String objectId = e.objectId();
    if (objectType != null && objectId != null) {
      sdParam("ObjectType", objectType, out);
      sdParam("ObjectId", objectId, out);
    }
    sdParam("IdempotencyKey", n.idempotencyKey(), out);
    out.put(']');
    Map<String, String> props = e.properties();
    if (!props.isEmpty()) {
      out.put('[').ascii(propsSdId);
      props.forEach((k, v) -> sdParam(k, v, out));
      out.put(']');
    }
  }

  private static void sdParam(String name, String value, ByteBuf out) {
    out.put(' ');
    sdName(name, out);
    out.ascii("=\"");
    sdValue(value, out);
    out.put('"');
  }

  /**
   * Writes an SD-NAME: at most 32 printable US-ASCII characters except {@code =}, space, {@code ]}
   * and {@code "}; any other character becomes {@code _}.
   *
   * @param name the name
   * @param out the buffer
   */
  static void sdName(String name, ByteBuf out) {
    restricted(name, 32, SD_NAME_EXCLUDED, '_', out);
  }

  /**
   * Writes a PARAM-VALUE with {@code "}, {@code \} and {@code ]} escaped (RFC 5424 6.3.3) and
   * control characters as C-style escapes (see {@link #isControl(char)}).
   *
   * @param value the value
   * @param out the buffer
   */
  static void sdValue(String value, ByteBuf out) {
    escaped(value, SD_VALUE_BACKSLASHED, Controls.C_STYLE, out);
  }

  /**
   * Returns whether a character must never appear raw in a message: C0 controls, DEL, C1 controls
   * (U+0085 NEL among them) and the Unicode line and paragraph separators U+2028 and U+2029, all of
   * which some receiver treats as the end of a line or a record.
   *
   * @param c the character
   * @return true when it is escaped or replaced in every format
   */
  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
  }

  /** Writes {@code \n}, {@code \r}, {@code \t}, or {@code \}{@code uXXXX} (4 lower-case hex). */
  private static void controlEscape(char c, ByteBuf out) {
    switch (c) {
      case '\n' -> out.put('\\').put('n');
      case '\r' -> out.put('\\').put('r');
      case '\t' -> out.put('\\').put('t');
      default ->
          out.ascii("\\u")
              .put(hex(c >> 12))
              .put(hex((c >> 8) & 0xF))
              .put(hex((c >> 4) & 0xF))
              .put(hex(c & 0xF));
    }
  }

  /** Writes PRINTUSASCII (33..126), other characters as {@code _}, or {@code -} when empty. */
  static void printable(String s, int max, ByteBuf out) {
    restricted(s, max, NONE, '-', out);
  }

  /**
   * Writes an RFC 3164 TAG: at most 32 characters. RFC 3164 says alphanumeric, but receivers accept
   * (and programs use) any printable character except the {@code [}, {@code ]} and {@code :} that
   * end the tag, so only those and non-printables become {@code _}.
   */
  private static void tag(String s, ByteBuf out) {
    restricted(s, 32, TAG_EXCLUDED, '-', out);
  }

  /**
   * Writes at most {@code max} characters of {@code s}, each PRINTUSASCII (33..126) character not
   * in {@code excluded} (an {@link #asciiSet}) as itself and every other one as {@code _}; an empty
   * {@code s} is written as {@code ifEmpty}.
   */
  private static void restricted(String s, int max, boolean[] excluded, char ifEmpty, ByteBuf out) {
    if (s.isEmpty()) {
      out.put(ifEmpty);
      return;
    }
    int n = Math.min(s.length(), max);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean ok = c > 32 && c < 127 && !excluded[c];
      out.put(ok ? c : '_');
    }
  }

  // ---------------------------------------------------------------- timestamps

  private void timestamp3339(Instant t, ByteBuf out) {
    int offset = zoneRules.getOffset(t).getTotalSeconds();
    long local = t.getEpochSecond() + offset;
    writeDateTime(local, out);
    out.put('.').padded(t.getNano() / 1_000_000, 3);
    if (offset == 0) {
      out.put('Z');
    } else {
      int abs = Math.abs(offset);
      out.put(offset < 0 ? '-' : '+').padded(abs / 3600, 2).put(':').padded(abs / 60 % 60, 2);
    }
  }

  /**
   * Writes {@code Mmm dd hh:mm:ss} (day padded with a space) in the configured zone.
   *
   * @param t the instant
   * @param out the buffer
   */
  private void timestamp3164(Instant t, ByteBuf out) {
    long local = t.getEpochSecond() + zoneRules.getOffset(t).getTotalSeconds();
    long[] ymd = civil(Math.floorDiv(local, 86400));
    out.ascii(MONTHS[(int) ymd[1] - 1]).put(' ');
    if (ymd[2] < 10) {
      out.put(' ');
    }
    out.decimal(ymd[2]).put(' ');
    timeOfDay(local, out);
  }

  private static void writeDateTime(long local, ByteBuf out) {
    long[] ymd = civil(Math.floorDiv(local, 86400));
    out.padded((int) ymd[0], 4).put('-').padded((int) ymd[1], 2).put('-').padded((int) ymd[2], 2);
    out.put('T');
    timeOfDay(local, out);
  }

  /** Writes {@code hh:mm:ss} of a local time in seconds since 1970-01-01T00:00. */
  private static void timeOfDay(long local, ByteBuf out) {
    int secs = Math.floorMod(local, 86400);
    out.padded(secs / 3600, 2).put(':').padded(secs / 60 % 60, 2).put(':').padded(secs % 60, 2);
  }

  /**
   * Returns year, month (1 to 12) and day of a number of days since 1970-01-01 (H. Hinnant's civil
   * date algorithm), without java.time objects.
   */
  private static long[] civil(long days) {
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    return new long[] {m <= 2 ? y + 1 : y, m, d};
  }

  // ---------------------------------------------------------------- plain text

  private void text(Notification n, ByteBuf out) {
    ApplianceEvent e = n.event();
    token(e.name(), out);
    out.ascii(": level=").ascii(e.level().wireName());
    if (!e.applianceId().isEmpty()) {
      out.ascii(" appliance=");
      token(e.applianceId(), out);
    }
    String objectType = e.objectType();
    String objectId = e.objectId();
    if (objectType != null && objectId != null) {
      out.ascii(" object=");
      token(objectType, out);
      out.put('/');
      token(objectId, out);
    }
    e.properties()
        .forEach(
            (k, v) -> {
              out.put(' ');
              token(k, out);
              if (isStandardTextKey(k)) {
                out.put('_');
              }
              out.ascii("=\"");
              quoted(v, out);
              out.put('"');
            });
  }

  /**
   * Returns whether a property name collides with a key of the plain text body's own; such a
   * property is written with a trailing {@code _}.
   *
   * @param key the property name
   * @return true for {@code level}, {@code appliance} and {@code object}
   */
  static boolean isStandardTextKey(String key) {
    return key.equals("level") || key.equals("appliance") || key.equals("object");
  }

  /**
   * Writes an unquoted token of the plain text body: controls, space characters, {@code =}, {@code
   * "}, {@code \} and U+FEFF become {@code _}, so a token can never forge a {@code key=value} pair
   * or end the line, and an event name cannot start the MSG with a BOM that receivers strip (found
   * by MessageFormatterFuzzTest); an empty token is {@code _}.
   *
   * @param s the token
   * @param out the buffer
   */
  static void token(String s, ByteBuf out) {
    if (s.isEmpty()) {
      out.put('_');
      return;
    }
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isControl(c)
          || Character.isSpaceChar(c)
          || c == '='
          || c == '"'
          || c == '\\'
          || c == '\ufeff') {
        out.put('_');
      } else {
        i = utf8Char(s, i, out);
      }
    }
  }

  /**
   * Writes the inside of a quoted plain text value: {@code "} and {@code \} escaped, controls as
   * C-style escapes.
   *
   * @param s the value
   * @param out the buffer
   */
  static void quoted(String s, ByteBuf out) {
    escaped(s, QUOTED_BACKSLASHED, Controls.C_STYLE, out);
  }

  // ---------------------------------------------------------------- CEF

  /**
   * Maps a level to a CEF severity (0 to 10).
   *
   * @param level the level
   * @return 1 debug, 3 info and none, 6 warn, 8 error
   */
  public static int cefSeverity(EventLevel level) {
    return switch (level) {
      case DEBUG -> 1;
      case WARN -> 6;
      case ERROR -> 8;
      default -> 3;
    };
  }

  private void cef(Notification n, ByteBuf out) {
    ApplianceEvent e = n.event();
    out.ascii("CEF:0|");
    cefHeader(cefVendor, out);
    out.put('|');
    cefHeader(cefProduct, out);
    out.put('|');
    cefHeader(cefVersion, out);
    out.put('|');
    cefHeader(e.name(), out);
    out.put('|');
    humanized(e.name(), out);
    out.put('|').decimal(cefSeverity(e.level())).put('|');
    out.ascii("rt=").decimal(e.time().toEpochMilli());
    out.ascii(" cat=").ascii(category(e.name()).wireName());
    out.ascii(" externalId=");
    cefValue(e.id(), out);
    out.ascii(" dvchost=");
    cefValue(hostName, out);
    if (!e.applianceId().isEmpty()) {
      out.ascii(" deviceExternalId=");
      cefValue(e.applianceId(), out);
    }
    out.ascii(" cs1Label=IdempotencyKey cs1=");
    cefValue(n.idempotencyKey(), out);
    String objectType = e.objectType();
    String objectId = e.objectId();
    if (objectType != null && objectId != null) {
      cefCustom("ObjectType", objectType, out);
      cefCustom("ObjectId", objectId, out);
    }
    e.properties().forEach((k, v) -> cefCustom(k, v, out));
  }

  private void cefCustom(String key, String value, ByteBuf out) {
    out.put(' ');
    int start = out.length();
    cefKey(keyPrefix, out);
    cefKey(key, out);
    if (out.length() == start) {
      out.put('_');
    } else if (isReservedCefKey(out, start)) {
      out.put('_');
    }
    out.put('=');
    cefValue(value, out);
  }

  /** The extension keys pamkit writes itself (compared ignoring case; receivers differ). */
  private static final String[] RESERVED_CEF_KEYS = {
    "rt", "cat", "externalId", "dvchost", "deviceExternalId", "cs1Label", "cs1"
  };

  /**
   * Returns whether the key just written from {@code start} equals one of pamkit's own keys,
   * ignoring case.
   */
  private static boolean isReservedCefKey(ByteBuf out, int start) {
    int len = out.length() - start;
    byte[] b = out.array();
    for (String r : RESERVED_CEF_KEYS) {
      if (r.length() == len) {
        boolean same = true;
        for (int i = 0; i < len && same; i++) {
          same = Character.toLowerCase((char) b[start + i]) == Character.toLowerCase(r.charAt(i));
        }
        if (same) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns whether a (prefixed) CEF extension key equals one of pamkit's own keys, ignoring case;
   * such a property is written with a trailing {@code _}.
   *
   * @param key the key as written
   * @return true when the key is taken
   */
  static boolean isReservedCefKey(String key) {
    for (String r : RESERVED_CEF_KEYS) {
      if (r.equalsIgnoreCase(key)) {
        return true;
      }
    }
    return false;
  }

  /** Writes a CEF extension key: letters, digits and {@code _}; anything else becomes {@code _}. */
  static void cefKey(String key, ByteBuf out) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      out.put(ok ? c : '_');
    }
  }

  /** Writes a CEF header field: {@code \} and {@code |} escaped, controls as spaces. */
  static void cefHeader(String s, ByteBuf out) {
    escaped(s, CEF_HEADER_BACKSLASHED, Controls.SPACE, out);
  }

  /**
   * Writes a CEF extension value: {@code \} and {@code =} escaped, CR and LF as {@code \r} and
   * {@code \n}, other controls (tab included: CEF defines no escape for it) as spaces.
   */
  static void cefValue(String s, ByteBuf out) {
    escaped(s, CEF_VALUE_BACKSLASHED, Controls.LINE_BREAKS, out);
  }

  /** How {@link #escaped} writes a control character (see {@link #isControl(char)}). */
  private enum Controls {
    /** As {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}. */
    C_STYLE,
    /** As a space. */
    SPACE,
    /** CR and LF as {@code \r} and {@code \n}, any other as a space. */
    LINE_BREAKS
  }

  /**
   * Writes {@code s} with every character of {@code backslashed} (an {@link #asciiSet}) preceded by
   * {@code \}, control characters as {@code controls} says, and everything else as UTF-8.
   */
  private static void escaped(String s, boolean[] backslashed, Controls controls, ByteBuf out) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      i = escapedChar(s, i, backslashed, controls, out);
    }
  }

  /**
   * Writes the character at {@code i} as {@link #escaped} does and returns the index of the last
   * character written (a surrogate pair is written as one code point).
   */
  private static int escapedChar(
      String s, int i, boolean[] backslashed, Controls controls, ByteBuf out) {
    char c = s.charAt(i);
    if (c < 128 && backslashed[c]) {
      out.put('\\').put(c);
    } else if (!isControl(c)) {
      return utf8Char(s, i, out);
    } else if (controls == Controls.C_STYLE
        || (controls == Controls.LINE_BREAKS && (c == '\n' || c == '\r'))) {
      controlEscape(c, out);
    } else {
      out.put(' ');
    }
    return i;
  }

  private static int utf8Char(String s, int i, ByteBuf out) {
    char c = s.charAt(i);
    if (c < 0x80) {
      out.put(c);
      return i;
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1))) {
      out.codePoint(Character.toCodePoint(c, s.charAt(i + 1)));
      return i + 1;
    }
    out.codePoint(c);
    return i;
  }

  private static void humanized(String name, ByteBuf out) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))) {
        out.put(' ');
      }
      i = escapedChar(name, i, CEF_HEADER_BACKSLASHED, Controls.SPACE, out);
    }
  }

  // ---------------------------------------------------------------- JSON

  private void json(Notification n, ByteBuf out) {
    ApplianceEvent e = n.event();
    out.put('{');
    jsonMember("EventName", e.name(), false, out);
    jsonMember("EventId", e.id(), true, out);
    out.ascii(",\"Time\":\"");
    timestamp3339(e.time(), out);
    out.put('"');
    jsonMember("Level", e.level().wireName(), true, out);
    jsonMember("Category", category(e.name()).wireName(), true, out);
    jsonMember("ApplianceId", e.applianceId(), true, out);
    String objectType = e.objectType();
    String objectId = e.objectId();
    if (objectType != null && objectId != null) {
      jsonMember("ObjectType", objectType, true, out);
      jsonMember("ObjectId", objectId, true, out);
    }
    jsonMember("IdempotencyKey", n.idempotencyKey(), true, out);
    e.properties()
        .forEach(
            (k, v) -> {
              out.ascii(",\"");
              jsonString(keyPrefix, out);
              jsonString(k, out);
              if (isStandardJsonKey(keyPrefix.isEmpty() ? k : keyPrefix + k)) {
                out.put('_');
              }
              out.ascii("\":\"");
              jsonString(v, out);
              out.put('"');
            });
    out.put('}');
  }

  /**
   * Returns whether a property name collides with one of the JSON body's own members; such a
   * property is written with a trailing {@code _} when no key prefix is set.
   *
   * @param key the property name
   * @return true when the name is taken
   */
  static boolean isStandardJsonKey(String key) {
    return switch (key) {
      case "EventName",
          "EventId",
          "Time",
          "Level",
          "Category",
          "ApplianceId",
          "ObjectType",
          "ObjectId",
          "IdempotencyKey" ->
          true;
      default -> false;
    };
  }

  private static void jsonMember(String key, String value, boolean comma, ByteBuf out) {
    if (comma) {
      out.put(',');
    }
    out.put('"').ascii(key).ascii("\":\"");
    jsonString(value, out);
    out.put('"');
  }

  /**
   * Writes the inside of a JSON string (RFC 8259): quotes, backslashes and controls escaped, and
   * also DEL, C1 controls and U+2028/U+2029, which JSON allows raw but line-based readers split on.
   * The C-style escapes of {@link #quoted} are JSON escapes too ({@code \}{@code u00XX} below
   * U+0020), so this is the same writer.
   */
  static void jsonString(String s, ByteBuf out) {
    quoted(s, out);
  }

  private static char hex(int nibble) {
    return (char) (nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
  }
}
