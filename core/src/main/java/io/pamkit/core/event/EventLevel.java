// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.event;

/**
 * The appliance's {@code EventLevel}: the severity of an event. Maps onto syslog severities (RFC
 * 5424 section 6.2.1) and onto the kind of SNMP trap pamkit sends.
 */
public enum EventLevel {
  /** Diagnostic detail. Syslog severity 7 (debug). */
  Debug(7),
  /** Normal operation worth recording. Syslog severity 6 (informational). */
  Info(6),
  /** Something needs attention. Syslog severity 4 (warning). */
  Warn(4),
  /** Something failed. Syslog severity 3 (error). */
  Error(3),
  /** No level given. Sent as syslog severity 5 (notice). */
  None(5);

  private final int syslogSeverity;

  EventLevel(int syslogSeverity) {
    this.syslogSeverity = syslogSeverity;
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
      case Debug -> "debug";
      case Info -> "info";
      case Warn -> "warning";
      case Error -> "err";
      case None -> "notice";
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
      case Debug -> 1;
      case Warn -> 6;
      case Error -> 8;
      case Info, None -> 3;
    };
  }

  /**
   * Returns the SNMP trap kind for this level: events at {@link #Error} and {@link #Warn} are sent
   * as alarms, the others as informational notifications. In pamkit's MIB the kind is the last
   * sub-identifier of the notification OID (1 informational, 2 warning, 3 alarm).
   *
   * @return 3 for {@code Error}, 2 for {@code Warn}, 1 otherwise
   */
  public int snmpTrapKind() {
    return switch (this) {
      case Error -> 3;
      case Warn -> 2;
      case Debug, Info, None -> 1;
    };
  }
}
