// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.SyslogFacility;
import io.pamkit.core.subscription.SyslogFormat;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever goes into the syslog formatter, what comes out parses back with the receiver's rules
 * ({@link StrictSyslog}) to the same values, after the documented mapping of control characters;
 * and no message holds a control character, so each is one line at every receiver.
 */
final class MessageFormatterPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u00ff')
        .withChars("\u2028\u2029\ufeff\u20ac\ud83d\ude00\ud800\udc00\"\\]|= ")
        .ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> names() {
    return values().filter(s -> !s.isBlank() && s.chars().noneMatch(Character::isISOControl));
  }

  @Provide
  Arbitrary<Map<String, String>> properties() {
    return Arbitraries.maps(names(), values()).ofMaxSize(5).map(LinkedHashMap::new);
  }

  private static Notification notification(
      String name, String applianceId, Map<String, String> props) {
    ApplianceEvent.Builder b =
        ApplianceEvent.uncheckedBuilder(name)
            .id("ev-1")
            .time(Instant.parse("2026-03-04T05:06:07.089Z"))
            .applianceId(applianceId);
    props.forEach(b::property);
    return TestFormatter.notification(b.build(), 7);
  }

  private static String format(boolean legacy, SyslogFormat format, String prefix, Notification n) {
    return TestFormatter.formatter()
        .facility(SyslogFacility.LOCAL3)
        .legacy(legacy)
        .logFormat(format)
        .keyPrefix(prefix)
        .header("host.example", "pamkit", "42")
        .bom(true)
        .cefDevice("Vendor|\\", "P\nq", "1.0")
        .format(n);
  }

  @Property(tries = 300)
  void rfc5424Text_structuredDataAndBodyParseBackToTheValues(
      @ForAll("names") String name,
      @ForAll("values") String applianceId,
      @ForAll("properties") Map<String, String> props) {
    String id =
        applianceId.isBlank() || applianceId.chars().anyMatch(Character::isISOControl)
            ? ""
            : applianceId;
    StrictSyslog.Message m =
        StrictSyslog.parse5424(format(false, null, null, notification(name, id, props)));
    assertEquals(SyslogFacility.LOCAL3.code() * 8 + 6, m.pri());
    assertEquals(props.isEmpty() ? 1 : 2, m.sd().size(), m.toString());
    Map<String, String> meta = new LinkedHashMap<>();
    m.sd().get(0).params().forEach(e -> meta.put(e.getKey(), e.getValue()));
    assertEquals(StrictSyslog.controlsEscaped(name), meta.get("EventName"));
    assertEquals("ev-1/7", meta.get("IdempotencyKey"));
    List<Map.Entry<String, String>> expected = new ArrayList<>();
    props.forEach(
        (k, v) ->
            expected.add(
                new SimpleEntry<>(StrictSyslog.sdNameOf(k), StrictSyslog.controlsEscaped(v))));
    if (!props.isEmpty()) {
      assertEquals("props@32473", m.sd().get(1).id());
      assertEquals(expected, m.sd().get(1).params());
    }
    List<Map.Entry<String, String>> text = new ArrayList<>();
    props.forEach(
        (k, v) -> text.add(new SimpleEntry<>(textKeyOf(k), StrictSyslog.controlsEscaped(v))));
    assertEquals(text, StrictSyslog.parseText(m.msg()));
  }

  @Property(tries = 300)
  void cef_headerAndExtensionParseBackToTheValues(
      @ForAll("names") String name,
      @ForAll("properties") Map<String, String> props,
      @ForAll boolean prefixed) {
    String prefix = prefixed ? "p" : null;
    StrictSyslog.Message m =
        StrictSyslog.parse5424(
            format(false, SyslogFormat.CEF, prefix, notification(name, "", props)));
    StrictSyslog.Cef cef = StrictSyslog.parseCef(m.msg());
    assertEquals("Vendor|\\", cef.header().get(0));
    assertEquals("P q", cef.header().get(1));
    assertEquals(
        StrictSyslog.cefExpected(name).replace('\n', ' ').replace('\r', ' '), cef.header().get(3));
    Map<String, Integer> counts = new LinkedHashMap<>();
    cef.extension().forEach(e -> counts.merge(e.getKey(), 1, Integer::sum));
    for (String own : List.of("rt", "cat", "externalId", "dvchost", "cs1Label", "cs1")) {
      assertEquals(1, counts.get(own), own + " spoofed or missing: " + cef.extension());
    }
    List<Map.Entry<String, String>> custom =
        cef.extension().subList(cef.extension().size() - props.size(), cef.extension().size());
    List<Map.Entry<String, String>> expected = new ArrayList<>();
    props.forEach(
        (k, v) ->
            expected.add(new SimpleEntry<>(cefKeyOf(prefix, k), StrictSyslog.cefExpected(v))));
    assertEquals(expected, custom);
  }

  @Property(tries = 300)
  void json_bodyParsesBackToTheExactValues(
      @ForAll("names") String name,
      @ForAll("properties") Map<String, String> props,
      @ForAll boolean legacy)
      throws Exception {
    // Two keys can become the same member name (every lone surrogate becomes '?'), and a JSON
    // reader keeps only the last of equal names: such a sample says nothing about the values.
    Assume.that(
        props.keySet().stream().map(MessageFormatterPropertiesTest::jsonKeyOf).distinct().count()
            == props.size());
    String s = format(legacy, SyslogFormat.JSON, null, notification(name, "", props));
    String msg = legacy ? s.substring(s.indexOf("]: ") + 3) : StrictSyslog.parse5424(s).msg();
    JsonNode body = JSON.readTree(msg);
    assertEquals(StrictSyslog.jsonExpected(name), body.path("EventName").asText());
    assertEquals("ev-1/7", body.path("IdempotencyKey").asText());
    props.forEach(
        (k, v) -> {
          String key = jsonKeyOf(k);
          assertEquals(StrictSyslog.jsonExpected(v), body.path(key).asText(), key);
        });
  }

  /** The JSON member name a property key becomes (no key prefix). */
  private static String jsonKeyOf(String k) {
    return StrictSyslog.jsonExpected(k) + (MessageFormatter.isStandardJsonKey(k) ? "_" : "");
  }

  private static String textKeyOf(String k) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (MessageFormatter.isControl(c)
          || Character.isSpaceChar(c)
          || c == '='
          || c == '"'
          || c == '\\'
          || c == '\ufeff') {
        b.append('_');
      } else if (Character.isHighSurrogate(c)
          && i + 1 < k.length()
          && Character.isLowSurrogate(k.charAt(i + 1))) {
        b.append(c).append(k.charAt(++i));
      } else {
        b.append(Character.isSurrogate(c) ? '?' : c);
      }
    }
    return b + (MessageFormatter.isStandardTextKey(k) ? "_" : "");
  }

  private static String cefKeyOf(String prefix, String k) {
    StringBuilder b = new StringBuilder();
    for (char c : ((prefix == null ? "" : prefix) + k).toCharArray()) {
      b.append(
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
              ? c
              : '_');
    }
    String key = b.length() == 0 ? "_" : b.toString();
    return MessageFormatter.isReservedCefKey(key) ? key + "_" : key;
  }
}
