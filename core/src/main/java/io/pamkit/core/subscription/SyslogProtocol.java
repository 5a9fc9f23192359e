// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

/** The appliance's {@code SyslogProtocol}: transport and message format together. */
public enum SyslogProtocol {
  /** RFC 3164 messages over UDP, at most 1,024 bytes. */
  LegacyUdp,
  /** RFC 5424 messages over UDP (RFC 5426). */
  Udp,
  /** RFC 5424 messages over TCP (RFC 6587), or TLS (RFC 5425) with {@code UseSslEncryption}. */
  Tcp,
  /**
   * RFC 5424 messages over RELP, the Reliable Event Logging Protocol of rsyslog's {@code imrelp}:
   * the server acknowledges each message. A pamkit addition; the appliance does not offer it.
   */
  Relp;
}
