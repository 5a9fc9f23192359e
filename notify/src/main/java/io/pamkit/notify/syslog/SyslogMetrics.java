// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

/**
 * A snapshot of a {@link SyslogTransport}'s counters since it was built.
 *
 * @param sent messages handed to the network (datagrams sent, frames written)
 * @param truncated messages cut to the size limit at a UTF-8 character boundary (RFC 5426 for
 *     {@code Udp}, 1,024 bytes for {@code LegacyUdp}, the stream limit for TCP and TLS)
 * @param delimitersEscaped delimiter characters replaced inside messages sent with a character
 *     framing ({@code LF}, {@code CR}, {@code CRLF}, {@code NUL})
 * @param connectionsOpened TCP and TLS connections opened
 * @param connectionsLost open connections found closed or broken
 * @param connectFailures failed connection attempts
 * @param resent messages written again, whole, on a new connection: after a failed write, and (TCP
 *     and TLS) the recent messages a lost connection may not have delivered
 */
public record SyslogMetrics(
    long sent,
    long truncated,
    long delimitersEscaped,
    long connectionsOpened,
    long connectionsLost,
    long connectFailures,
    long resent) {}
