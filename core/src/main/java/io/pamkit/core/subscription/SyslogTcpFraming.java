// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

/**
 * The appliance's {@code SyslogTcpFraming}: how messages are delimited on a TCP stream (RFC 6587).
 */
public enum SyslogTcpFraming {
  /** Each message is preceded by its length in octets and a space. */
  OctetCounting,
  /** Each message ends with a line feed. */
  LF,
  /** Each message ends with a carriage return. */
  CR,
  /** Each message ends with CR LF. */
  CRLF,
  /** Each message ends with a NUL byte. */
  NUL;
}
