// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

/** The appliance's {@code SyslogFacility}: the 24 facilities of RFC 5424, in code order. */
public enum SyslogFacility {
  /** Syslog facility 0. */
  Kernel,
  /** Syslog facility 1. */
  User,
  /** Syslog facility 2. */
  Mail,
  /** Syslog facility 3. */
  Daemons,
  /** Syslog facility 4. */
  Authorization,
  /** Syslog facility 5. */
  Syslog,
  /** Syslog facility 6. */
  Printer,
  /** Syslog facility 7. */
  News,
  /** Syslog facility 8. */
  Uucp,
  /** Syslog facility 9. */
  Clock,
  /** Syslog facility 10. */
  Authorization2,
  /** Syslog facility 11. */
  Ftp,
  /** Syslog facility 12. */
  Ntp,
  /** Syslog facility 13. */
  Audit,
  /** Syslog facility 14. */
  Alert,
  /** Syslog facility 15. */
  Clock2,
  /** Syslog facility 16. */
  Local0,
  /** Syslog facility 17. */
  Local1,
  /** Syslog facility 18. */
  Local2,
  /** Syslog facility 19. */
  Local3,
  /** Syslog facility 20. */
  Local4,
  /** Syslog facility 21. */
  Local5,
  /** Syslog facility 22. */
  Local6,
  /** Syslog facility 23. */
  Local7;

  /**
   * Returns the facility's numeric code.
   *
   * @return 0 for {@code Kernel} through 23 for {@code Local7}
   */
  public int code() {
    return ordinal();
  }
}
