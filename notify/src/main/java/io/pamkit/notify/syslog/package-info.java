/**
 * The {@code Syslog} channel: {@link io.pamkit.notify.syslog.SyslogTransport} sends appliance
 * events as RFC 5424 (or RFC 3164) messages with a plain text, CEF or JSON body over UDP, TCP or
 * TLS, to the {@link io.pamkit.notify.syslog.SyslogServer}s of a {@link
 * io.pamkit.notify.syslog.SyslogServerRegistry} or to a subscriber's own address.
 *
 * <p>Parameters and return values are never null unless marked. The transport and the registry
 * are thread-safe; builders are not.
 */
@NullMarked
package io.pamkit.notify.syslog;

import org.jspecify.annotations.NullMarked;
