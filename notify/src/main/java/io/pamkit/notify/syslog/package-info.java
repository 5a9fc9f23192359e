// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * The {@code Syslog} channel: {@link io.pamkit.notify.syslog.SyslogTransport} sends appliance
 * events as RFC 5424 (or RFC 3164) messages with a plain text, CEF or JSON body over UDP, TCP or
 * TLS, to the {@link io.pamkit.notify.syslog.SyslogServer}s of a {@link
 * io.pamkit.notify.syslog.SyslogServerRegistry} or to a subscriber's own address.
 *
 * <p>Parameters and return values are never null unless marked. The transport and the registry are
 * thread-safe; builders are not.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link SyslogMetrics}: the syslog transport's counters, returned to users by
 *       SyslogTransport.metrics().
 *   <li>{@link SyslogServer}: one configured syslog server, which users build in code or read from
 *       the document.
 *   <li>{@link SyslogServerRegistry}: the syslog servers that subscribers name, which users build
 *       for a SyslogTransport.
 *   <li>{@link SyslogTransport}: the syslog transport users build in code or get from
 *       ConfiguredTransports.
 *   <li>{@link SyslogTransportProvider}: the ServiceLoader provider of the syslog transport; public
 *       because ServiceLoader instantiates it.
 *   <li>{@link SyslogIdentity}: the sender identity (host name, app name, BOM, CEF device) users
 *       set per server or subscriber.
 * </ul>
 */
@NullMarked
package io.pamkit.notify.syslog;

import org.jspecify.annotations.NullMarked;
