// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogFacility;
import io.pamkit.core.subscription.SyslogFormat;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The formatter tests' fixture: a {@link MessageFormatter} whose settings default to short test
 * values (facility User, RFC 5424, plain text, UTC, host {@code h}, app {@code a}, PROCID {@code
 * 1}, no BOM, CEF device {@code V}, {@code P}, {@code 1}), and formatting that checks what every
 * message must be: strict UTF-8 without a control character.
 */
final class TestFormatter {
  private SyslogFacility facility = SyslogFacility.USER;
  private boolean legacy;
  private @Nullable SyslogFormat format;
  private @Nullable String keyPrefix;
  private ZoneId zone = ZoneId.of("UTC");
  private String hostName = "h";
  private String appName = "a";
  private String procId = "1";
  private boolean bom;
  private String cefVendor = "V";
  private String cefProduct = "P";
  private String cefVersion = "1";

  private TestFormatter() {}

  static TestFormatter formatter() {
    return new TestFormatter();
  }

  TestFormatter facility(SyslogFacility value) {
    this.facility = value;
    return this;
  }

  TestFormatter legacy(boolean value) {
    this.legacy = value;
    return this;
  }

  TestFormatter logFormat(@Nullable SyslogFormat value) {
    this.format = value;
    return this;
  }

  TestFormatter keyPrefix(@Nullable String value) {
    this.keyPrefix = value;
    return this;
  }

  TestFormatter zone(String value) {
    this.zone = ZoneId.of(value);
    return this;
  }

  TestFormatter header(String host, String app, String proc) {
    this.hostName = host;
    this.appName = app;
    this.procId = proc;
    return this;
  }

  TestFormatter bom(boolean value) {
    this.bom = value;
    return this;
  }

  TestFormatter cefDevice(String vendor, String product, String version) {
    this.cefVendor = vendor;
    this.cefProduct = product;
    this.cefVersion = version;
    return this;
  }

  MessageFormatter build() {
    return new MessageFormatter(
        facility,
        legacy,
        format,
        keyPrefix,
        zone,
        hostName,
        appName,
        procId,
        32473,
        bom,
        cefVendor,
        cefProduct,
        cefVersion,
        EventCatalog.defaults());
  }

  /** Formats with a new formatter of these settings; see {@link #checked}. */
  String format(Notification n) {
    return checked(build(), n);
  }

  /**
   * Formats the notification, decodes the message as strict UTF-8 and asserts that it holds no
   * control character ({@link MessageFormatter#isControl(char)}).
   */
  static String checked(MessageFormatter f, Notification n) {
    ByteBuf buf = new ByteBuf(16);
    f.format(n, buf);
    String s = StrictSyslog.utf8(buf.array(), buf.length());
    for (int i = 0; i < s.length(); i++) {
      assertFalse(
          MessageFormatter.isControl(s.charAt(i)),
          "control U+" + Integer.toHexString(s.charAt(i)) + " at " + i + " in " + s);
    }
    return s;
  }

  /** The notification of the event for syslog subscriber {@code subscriberId}. */
  static Notification notification(ApplianceEvent e, int subscriberId) {
    return Notification.of(
        e.id() + "/" + subscriberId,
        e,
        Subscriber.builder(Subscriber.SYSLOG).id(subscriberId).build(),
        Subscriber.SYSLOG);
  }
}
