// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.subscription.SyslogFacility;
import io.pamkit.core.subscription.SyslogFormat;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class MessageFormatterTest {
  static final String DANGEROUS = "q\"b\\s]e=p|l<g>%n\nc\rt\tu\u00e9\u20ac\ud83d\ude00";
  private static final Instant TIME = Instant.parse("2026-03-04T05:06:07.089Z");

  static Notification notification(String name, EventLevel level, String... props) {
    ApplianceEvent.Builder b =
        ApplianceEvent.uncheckedBuilder(name)
            .id("ev-1")
            .time(TIME)
            .applianceId("SPP-1")
            .level(level);
    for (int i = 0; i < props.length; i += 2) {
      b.property(props[i], props[i + 1]);
    }
    return TestFormatter.notification(b.build(), 7);
  }

  private static MessageFormatter formatter(
      SyslogFacility facility,
      boolean legacy,
      @Nullable SyslogFormat format,
      String zone,
      boolean bom) {
    return TestFormatter.formatter()
        .facility(facility)
        .legacy(legacy)
        .logFormat(format)
        .keyPrefix("spp_")
        .zone(zone)
        .header("host.example", "pamkit", "42")
        .bom(bom)
        .cefDevice("Vendor|X", "Prod\\Y", "1.0")
        .build();
  }

  private static String format(MessageFormatter f, Notification n) {
    return TestFormatter.checked(f, n);
  }

  @Test
  void format_rfc5424_everyFieldInOrder() {
    String s =
        format(
            formatter(SyslogFacility.LOCAL4, false, null, "UTC", false),
            notification("PasswordChangeFailed", EventLevel.ERROR, "AssetName", "dc01"));
    assertEquals(
        "<163>1 2026-03-04T05:06:07.089Z host.example pamkit 42 PasswordChangeFailed "
            + "[pamkit@32473 EventName=\"PasswordChangeFailed\" EventId=\"ev-1\" Level=\"Error\" "
            + "Category=\"PasswordManagement\" ApplianceId=\"SPP-1\" IdempotencyKey=\"ev-1/7\"]"
            + "[props@32473 AssetName=\"dc01\"] "
            + "PasswordChangeFailed: level=Error appliance=SPP-1 AssetName=\"dc01\"",
        s);
  }

  @Test
  void format_everyFacilityAndLevel_priIsFacilityTimesEightPlusSeverity() {
    for (SyslogFacility facility : SyslogFacility.values()) {
      for (EventLevel level : EventLevel.values()) {
        String s =
            format(formatter(facility, false, null, "UTC", false), notification("Test", level));
        int pri = facility.ordinal() * 8 + level.syslogSeverity();
        assertTrue(s.startsWith("<" + pri + ">1 "), facility + "/" + level + ": " + s);
      }
    }
    assertEquals(23, SyslogFacility.LOCAL7.code());
  }

  @Test
  void format_timeZone_rfc3339WithOffset() {
    Notification n = notification("Test", EventLevel.INFO);
    assertTrue(
        format(formatter(SyslogFacility.USER, false, null, "America/St_Johns", false), n)
            .contains(" 2026-03-04T01:36:07.089-03:30 "));
    assertTrue(
        format(formatter(SyslogFacility.USER, false, null, "Asia/Kolkata", false), n)
            .contains(" 2026-03-04T10:36:07.089+05:30 "));
  }

  @Test
  void format_dangerousProperty_sdValueEscapesQuoteBackslashBracket() {
    String s =
        format(
            formatter(SyslogFacility.USER, false, null, "UTC", false),
            notification("Test", EventLevel.INFO, "K", "a\"b\\c]d"));
    assertTrue(s.contains("[props@32473 K=\"a\\\"b\\\\c\\]d\"]"), s);
  }

  @Test
  void format_badPropertyName_sdNameLimitedTo32PrintableCharacters() {
    String name = "a b=c]d\"e\u00e9" + "x".repeat(40);
    String s =
        format(
            formatter(SyslogFacility.USER, false, null, "UTC", false),
            notification("Test", EventLevel.INFO, name, "v"));
    assertTrue(s.contains(" a_b_c_d_e_" + "x".repeat(22) + "=\"v\""), s);
  }

  @Test
  void format_longEventName_msgIdCutTo32() {
    String name = "ApplianceHealthCheckUnhealthyStateDetectedOnReplica";
    String s =
        format(
            formatter(SyslogFacility.USER, false, null, "UTC", false),
            notification(name, EventLevel.INFO));
    assertTrue(
        s.contains(" 42 " + name.substring(0, 32) + " [pamkit@32473 EventName=\"" + name), s);
  }

  @Test
  void format_bom_msgStartsWithBom() {
    ByteBuf buf = new ByteBuf(16);
    formatter(SyslogFacility.USER, false, null, "UTC", true)
        .format(notification("Test", EventLevel.INFO), buf);
    String s = new String(buf.array(), 0, buf.length(), UTF_8);
    int msg = s.indexOf("] ") + 2;
    assertEquals('\ufeff', s.charAt(msg));
    assertEquals("Test: level=Info", s.substring(msg + 1, msg + 17));
  }

  @Test
  void format_legacy_rfc3164HeaderWithSpacePaddedDay() {
    String s =
        format(
            formatter(SyslogFacility.DAEMONS, true, null, "UTC", true),
            notification("Test", EventLevel.WARN));
    assertEquals(
        "<28>Mar  4 05:06:07 host.example pamkit[42]: Test: level=Warn appliance=SPP-1", s);
  }

  @Test
  void format_cef_headerAndExtensionEscaped() {
    String s =
        format(
            formatter(SyslogFacility.USER, false, SyslogFormat.CEF, "UTC", false),
            notification("PasswordChangeFailed", EventLevel.ERROR, "Asset Name", DANGEROUS));
    String body = s.substring(s.indexOf("CEF:"));
    assertEquals(
        "CEF:0|Vendor\\|X|Prod\\\\Y|1.0|PasswordChangeFailed|Password Change Failed|8|"
            + "rt="
            + TIME.toEpochMilli()
            + " cat=PasswordManagement externalId=ev-1 "
            + "dvchost=host.example deviceExternalId=SPP-1 cs1Label=IdempotencyKey cs1=ev-1/7 "
            + "spp_Asset_Name=q\"b\\\\s]e\\=p|l<g>%n\\nc\\rt u\u00e9\u20ac\ud83d\ude00",
        body);
    assertEquals(8, MessageFormatter.cefSeverity(EventLevel.ERROR));
    assertEquals(6, MessageFormatter.cefSeverity(EventLevel.WARN));
    assertEquals(3, MessageFormatter.cefSeverity(EventLevel.INFO));
    assertEquals(1, MessageFormatter.cefSeverity(EventLevel.DEBUG));
  }

  @Test
  void format_json_oneObjectWithPrefixedPropertiesAndExactValues() throws Exception {
    String s =
        format(
            formatter(SyslogFacility.USER, false, SyslogFormat.JSON, "Europe/Paris", false),
            notification("UserLoginFailed", EventLevel.WARN, "User", DANGEROUS, "Level", "x"));
    JsonNode json = new ObjectMapper().readTree(s.substring(s.indexOf("] {") + 2));
    assertEquals("UserLoginFailed", json.get("EventName").asText());
    assertEquals("Warn", json.get("Level").asText());
    assertEquals("2026-03-04T06:06:07.089+01:00", json.get("Time").asText());
    assertEquals("ev-1/7", json.get("IdempotencyKey").asText());
    assertEquals(DANGEROUS, json.get("spp_User").asText());
    assertEquals("x", json.get("spp_Level").asText());
    assertEquals("Warn", json.get("Level").asText());
  }

  /** The log-injection example of issue 15: a value that carries a forged second message. */
  static final String FORGED = "x\n<13>1 2025-01-01T00:00:00Z spp pamkit - UserLogin - forged";

  @Test
  void format_lineBreaksInEveryField_messageHasNoControlCharacter() {
    String evil = FORGED + "\r\u0000\u000b\u007f\u0085\u2028\u2029\t";
    for (boolean legacy : new boolean[] {false, true}) {
      for (SyslogFormat f : new SyslogFormat[] {null, SyslogFormat.CEF, SyslogFormat.JSON}) {
        ApplianceEvent e =
            ApplianceEvent.uncheckedBuilder("UserLogin")
                .id("ev-1")
                .time(TIME)
                .applianceId("SPP 1=x")
                .object("As set", "id\"=1")
                .property("UserName", evil)
                .property("Key with space=\"", evil)
                .build();
        // TestFormatter asserts that the message holds no control character
        TestFormatter.formatter()
            .legacy(legacy)
            .logFormat(f)
            .header("host\nname", "app\r", "4\n2")
            .bom(true)
            .cefDevice("V\n", "P\r", "1\u0000")
            .format(TestFormatter.notification(e, 7));
      }
    }
  }

  @Test
  void format_forgedMessageInProperty_sdValueAndTextBodyEscapeLineBreaks() {
    String s =
        format(
            formatter(SyslogFacility.USER, false, null, "UTC", false),
            notification("Test", EventLevel.INFO, "UserName", FORGED + "\u0000"));
    String escaped = "x\\n<13>1 2025-01-01T00:00:00Z spp pamkit - UserLogin - forged\\u0000";
    assertTrue(s.contains("[props@32473 UserName=\"" + escaped + "\"]"), s);
    assertTrue(s.endsWith(" UserName=\"" + escaped + "\""), s);
  }

  @Test
  void format_textBodyKeysAndTokens_cannotForgePairs() {
    ApplianceEvent e =
        ApplianceEvent.uncheckedBuilder("Test")
            .id("ev-1")
            .time(TIME)
            .applianceId("SPP level=Error")
            .property("level", "x")
            .property("a b=\"c", "y")
            .build();
    String s =
        format(
            formatter(SyslogFacility.USER, false, null, "UTC", false),
            TestFormatter.notification(e, 7));
    assertTrue(
        s.endsWith("Test: level=Info appliance=SPP_level_Error level_=\"x\" a_b__c=\"y\""), s);
  }

  @Test
  void format_cefPropertyNamedLikePamkitKey_getsUnderscore() {
    String s =
        TestFormatter.formatter()
            .logFormat(SyslogFormat.CEF)
            .format(
                notification("Test", EventLevel.INFO, "rt", "0", "CS1", "forged", "cs1Label", "x"));
    assertTrue(s.contains(" cs1Label=IdempotencyKey cs1=ev-1/7 rt_=0 CS1_=forged cs1Label_=x"), s);
    assertEquals(1, s.split(" rt=", -1).length - 1, s);
    assertTrue(MessageFormatter.isReservedCefKey("deviceexternalid"));
    assertFalse(MessageFormatter.isReservedCefKey("suser"));
  }

  @Test
  void format_jsonPrefixPlusNameCollides_getsUnderscore() throws Exception {
    String s =
        TestFormatter.formatter()
            .logFormat(SyslogFormat.JSON)
            .keyPrefix("Event")
            .format(
                notification("Test", EventLevel.INFO, "Name", "forged", "V", "\u2028\u0085\u007f"));
    JsonNode body = new ObjectMapper().readTree(s.substring(s.indexOf('{')));
    assertEquals("Test", body.path("EventName").asText());
    assertEquals("forged", body.path("EventName_").asText());
    assertEquals("\u2028\u0085\u007f", body.path("EventV").asText());
    assertTrue(s.contains("\\u2028\\u0085\\u007f"), s);
  }

  @Test
  void utf8Boundary_cutInsideCharacter_stepsBackToItsStart() {
    ByteBuf buf = new ByteBuf(4);
    buf.utf8("ab\u20ac\ud83d\ude00");
    assertEquals(9, buf.length());
    assertEquals(2, buf.utf8Boundary(3));
    assertEquals(2, buf.utf8Boundary(4));
    assertEquals(5, buf.utf8Boundary(5));
    assertEquals(5, buf.utf8Boundary(8));
    assertEquals(9, buf.utf8Boundary(9));
    byte[] cut = Arrays.copyOf(buf.array(), buf.utf8Boundary(7));
    assertEquals("ab\u20ac", new String(cut, UTF_8));
    assertFalse(new String(cut, UTF_8).contains("\ufffd"));
  }

  @Test
  void format_eventNameStartingWithBom_bomNotAtStartOfMsg() {
    // Found by MessageFormatterFuzzTest: receivers strip a leading BOM from MSG.
    String s =
        format(
            formatter(SyslogFacility.USER, false, null, "UTC", false),
            notification("\ufeffTest", EventLevel.INFO));
    assertTrue(s.endsWith("] _Test: level=Info appliance=SPP-1"), s);
  }
}
