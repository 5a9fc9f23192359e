// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.event;

import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/**
 * The appliance's {@code EventLevel}: the severity of an event. Maps onto syslog severities (RFC
 * 5424 section 6.2.1) and onto the kind of SNMP trap pamkit sends.
 */
public enum EventLevel implements WireNamed {
  /** Diagnostic detail. Syslog severity 7 (debug). */
  DEBUG("Debug", 7),
  /** Normal operation worth recording. Syslog severity 6 (informational). */
  INFO("Info", 6),
  /** Something needs attention. Syslog severity 4 (warning). */
  WARN("Warn", 4),
  /** Something failed. Syslog severity 3 (error). */
  ERROR("Error", 3),
  /** No level given. Sent as syslog severity 5 (notice). */
  NONE("None", 5);

  private static final Map<String, EventLevel> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;
  private final int syslogSeverity;

  /**
   * Returns the appliance's name for this constant, its {@linkplain #wireName() wire name}: e.g.
   * {@code Info} for {@link #INFO}.
   */
  @Override
  public String toString() {
    return wireName;
  }

  EventLevel(String wireName, int syslogSeverity) {
    this.wireName = wireName;
    this.syslogSeverity = syslogSeverity;
  }

  /**
   * Looks up a constant by its {@linkplain #wireName() wire name}, spelled exactly: {@code Info}
   * gives {@link #INFO}.
   *
   * @param wireName the wire name
   * @return the constant, or empty when no constant has that wire name
   */
  public static Optional<EventLevel> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }

  /**
   * Returns the RFC 5424 severity code for this level.
   *
   * @return a value from 0 (emergency) to 7 (debug)
   */
  public int syslogSeverity() {
    return syslogSeverity;
  }

  /**
   * Returns the RFC 5424 keyword of this level's syslog severity, as syslog daemons print it.
   *
   * @return {@code debug}, {@code info}, {@code warning}, {@code err} or {@code notice}
   */
  public String syslogSeverityName() {
    return switch (this) {
      case DEBUG -> "debug";
      case INFO -> "info";
      case WARN -> "warning";
      case ERROR -> "err";
      case NONE -> "notice";
    };
  }

  /**
   * Returns the CEF severity (0 to 10) pamkit's syslog transport writes for this level in {@code
   * CEF} bodies.
   *
   * @return 1 for {@code Debug}, 6 for {@code Warn}, 8 for {@code Error}, 3 otherwise
   */
  public int cefSeverity() {
    return switch (this) {
      case DEBUG -> 1;
      case WARN -> 6;
      case ERROR -> 8;
      case INFO, NONE -> 3;
    };
  }

  /**
   * Returns the SNMP trap kind for this level: events at {@link #ERROR} and {@link #WARN} are sent
   * as alarms, the others as informational notifications. In pamkit's MIB the kind is the last
   * sub-identifier of the notification OID (1 informational, 2 warning, 3 alarm).
   *
   * @return 3 for {@code Error}, 2 for {@code Warn}, 1 otherwise
   */
  public int snmpTrapKind() {
    return switch (this) {
      case ERROR -> 3;
      case WARN -> 2;
      case DEBUG, INFO, NONE -> 1;
    };
  }
}
