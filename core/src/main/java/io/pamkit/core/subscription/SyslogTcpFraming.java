// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/**
 * The appliance's {@code SyslogTcpFraming}: how messages are delimited on a TCP stream (RFC 6587).
 */
public enum SyslogTcpFraming implements WireNamed {
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

  private static final Map<String, SyslogTcpFraming> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;

  /**
   * Returns the appliance's name for this constant, its {@linkplain #wireName() wire name}: e.g.
   * {@code OctetCounting} for {@link #OCTET_COUNTING}.
   */
  @Override
  public String toString() {
    return wireName;
  }

  SyslogTcpFraming(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Looks up a constant by its {@linkplain #wireName() wire name}, spelled exactly: {@code
   * OctetCounting} gives {@link #OCTET_COUNTING}.
   *
   * @param wireName the wire name
   * @return the constant, or empty when no constant has that wire name
   */
  public static Optional<SyslogTcpFraming> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
