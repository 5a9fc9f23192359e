// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.SyslogFacility;
import io.pamkit.core.subscription.SyslogFormat;
import java.time.Instant;

/**
 * Coverage-guided fuzzing of the syslog formatter's inputs (event name, appliance id, object,
 * property keys and values, header settings, key prefix): every message is valid UTF-8 without a
 * control character, and an RFC 5424 message parses strictly ({@link StrictSyslog}), its CEF body
 * too. In {@code mvn verify} it replays the saved corpus ({@code MessageFormatterFuzzTestInputs});
 * fuzz for longer with {@code JAZZER_FUZZ=1 mvn -pl notify -am verify
 * -Dtest=MessageFormatterFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Djazzer.max_duration=10m}.
 */
final class MessageFormatterFuzzTest {

  @FuzzTest
  void format(FuzzedDataProvider data) {
    boolean legacy = data.consumeBoolean();
    int f = data.consumeInt(0, 2);
    SyslogFormat format = f == 0 ? null : f == 1 ? SyslogFormat.CEF : SyslogFormat.JSON;
    String prefix = data.consumeBoolean() ? data.consumeString(8) : null;
    String host = data.consumeString(20);
    String app = data.consumeString(20);
    String procId = data.consumeString(10);
    ApplianceEvent.Builder b;
    try {
      b =
          ApplianceEvent.uncheckedBuilder(data.consumeString(40))
              .id(data.consumeString(20) + "x")
              .time(
                  Instant.ofEpochMilli(
                      data.consumeLong(-62_000_000_000_000L, 253_000_000_000_000L)))
              .applianceId(data.consumeString(20));
      if (data.consumeBoolean()) {
        b.object(data.consumeString(10), data.consumeString(10));
      }
      int n = data.consumeInt(0, 6);
      for (int i = 0; i < n; i++) {
        b.property(data.consumeString(20), data.consumeString(60));
      }
    } catch (IllegalArgumentException refusedByTheEvent) {
      return;
    }
    ApplianceEvent event = b.build();
    String s =
        TestFormatter.formatter()
            .facility(SyslogFacility.LOCAL7)
            .legacy(legacy)
            .logFormat(format)
            .keyPrefix(prefix)
            .zone("Europe/Paris")
            .header(host, app, procId)
            .bom(data.consumeBoolean())
            .cefDevice("pamkit", "pamkit", "1.0")
            .format(TestFormatter.notification(event, 1));
    if (!legacy) {
      StrictSyslog.Message m = StrictSyslog.parse5424(s);
      if (format == SyslogFormat.CEF) {
        StrictSyslog.Cef cef = StrictSyslog.parseCef(m.msg());
        assertEquals(
            1, cef.extension().stream().filter(e -> e.getKey().equals("cs1")).count(), m.msg());
      } else if (format == null) {
        StrictSyslog.parseText(m.msg());
      }
    }
  }
}
