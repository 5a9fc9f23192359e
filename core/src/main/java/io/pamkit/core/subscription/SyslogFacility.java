// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/** The appliance's {@code SyslogFacility}: the 24 facilities of RFC 5424, in code order. */
public enum SyslogFacility implements WireNamed {
  /** Syslog facility 0. */
  KERNEL("Kernel"),
  /** Syslog facility 1. */
  USER("User"),
  /** Syslog facility 2. */
  MAIL("Mail"),
  /** Syslog facility 3. */
  DAEMONS("Daemons"),
  /** Syslog facility 4. */
  AUTHORIZATION("Authorization"),
  /** Syslog facility 5. */
  SYSLOG("Syslog"),
  /** Syslog facility 6. */
  PRINTER("Printer"),
  /** Syslog facility 7. */
  NEWS("News"),
  /** Syslog facility 8. */
  UUCP("Uucp"),
  /** Syslog facility 9. */
  CLOCK("Clock"),
  /** Syslog facility 10. */
  AUTHORIZATION2("Authorization2"),
  /** Syslog facility 11. */
  FTP("Ftp"),
  /** Syslog facility 12. */
  NTP("Ntp"),
  /** Syslog facility 13. */
  AUDIT("Audit"),
  /** Syslog facility 14. */
  ALERT("Alert"),
  /** Syslog facility 15. */
  CLOCK2("Clock2"),
  /** Syslog facility 16. */
  LOCAL0("Local0"),
  /** Syslog facility 17. */
  LOCAL1("Local1"),
  /** Syslog facility 18. */
  LOCAL2("Local2"),
  /** Syslog facility 19. */
  LOCAL3("Local3"),
  /** Syslog facility 20. */
  LOCAL4("Local4"),
  /** Syslog facility 21. */
  LOCAL5("Local5"),
  /** Syslog facility 22. */
  LOCAL6("Local6"),
  /** Syslog facility 23. */
  LOCAL7("Local7");

  private static final Map<String, SyslogFacility> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;

  /**
   * Returns the appliance's name for this constant, its {@linkplain #wireName() wire name}: e.g.
   * {@code Local3} for {@link #LOCAL3}.
   */
  @Override
  public String toString() {
    return wireName;
  }

  SyslogFacility(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Looks up a constant by its {@linkplain #wireName() wire name}, spelled exactly: {@code Local3}
   * gives {@link #LOCAL3}.
   *
   * @param wireName the wire name
   * @return the constant, or empty when no constant has that wire name
   */
  public static Optional<SyslogFacility> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }

  /**
   * Returns the facility's numeric code.
   *
   * @return 0 for {@code Kernel} through 23 for {@code Local7}
   */
  public int code() {
    return ordinal();
  }
}
