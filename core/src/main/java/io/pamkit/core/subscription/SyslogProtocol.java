// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/** The appliance's {@code SyslogProtocol}: transport and message format together. */
public enum SyslogProtocol implements WireNamed {
  /** RFC 3164 messages over UDP, at most 1,024 bytes. */
  LEGACY_UDP("LegacyUdp"),
  /** RFC 5424 messages over UDP (RFC 5426). */
  UDP("Udp"),
  /** RFC 5424 messages over TCP (RFC 6587), or TLS (RFC 5425) with {@code UseSslEncryption}. */
  TCP("Tcp"),
  /**
   * RFC 5424 messages over RELP, the Reliable Event Logging Protocol of rsyslog's {@code imrelp}:
   * the server acknowledges each message. A pamkit addition; the appliance does not offer it.
   */
  RELP("Relp");

  private static final Map<String, SyslogProtocol> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;

  /**
   * Returns the appliance's name for this constant, its {@linkplain #wireName() wire name}: e.g.
   * {@code LegacyUdp} for {@link #LEGACY_UDP}.
   */
  @Override
  public String toString() {
    return wireName;
  }

  SyslogProtocol(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Looks up a constant by its {@linkplain #wireName() wire name}, spelled exactly: {@code
   * LegacyUdp} gives {@link #LEGACY_UDP}.
   *
   * @param wireName the wire name
   * @return the constant, or empty when no constant has that wire name
   */
  public static Optional<SyslogProtocol> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
