// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import java.util.Optional;

/**
 * The appliance's {@code SyslogTcpFraming}: how messages are delimited on a TCP stream (RFC 6587).
 */
public enum SyslogTcpFraming {
  /** Each message is preceded by its length in octets and a space. */
  OCTET_COUNTING("OctetCounting"),
  /** Each message ends with a line feed. */
  LF("LF"),
  /** Each message ends with a carriage return. */
  CR("CR"),
  /** Each message ends with CR LF. */
  CRLF("CRLF"),
  /** Each message ends with a NUL byte. */
  NUL("NUL");

  private final String wireName;

  SyslogTcpFraming(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the appliance's name for this constant, as configuration documents and pamkit's output
   * spell it.
   *
   * @return the wire name, e.g. {@code OctetCounting}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns {@link #wireName()}, so that messages and logs show the appliance's name.
   *
   * @return the wire name
   */
  @Override
  public String toString() {
    return wireName;
  }

  /**
   * Looks up a constant by its wire name, spelled exactly as the appliance spells it. Every parser
   * of documents and records goes through this method, never {@code valueOf}.
   *
   * @param wireName the wire name
   * @return the constant, or empty when no constant has that wire name
   */
  public static Optional<SyslogTcpFraming> fromWireName(String wireName) {
    for (SyslogTcpFraming c : values()) {
      if (c.wireName.equals(wireName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
