// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import java.util.Optional;

/** The appliance's {@code SyslogProtocol}: transport and message format together. */
public enum SyslogProtocol {
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

  private final String wireName;

  SyslogProtocol(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the appliance's name for this constant, as configuration documents and pamkit's output
   * spell it.
   *
   * @return the wire name, e.g. {@code LegacyUdp}
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
  public static Optional<SyslogProtocol> fromWireName(String wireName) {
    for (SyslogProtocol c : values()) {
      if (c.wireName.equals(wireName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
