// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Network values with the appliance's rules, each checked when created and failing with an {@link
 * io.pamkit.core.net.InvalidValueException} that names the field and the rule: {@link
 * io.pamkit.core.net.HostAddress} (IPv4, DNS name, IPv6 only in square brackets, empty meaning
 * "disabled"), {@link io.pamkit.core.net.Port} (1 to 65535), {@link
 * io.pamkit.core.net.EmailAddress} (an RFC 5322 mailbox of at most 512 characters, no CR or LF),
 * {@link io.pamkit.core.net.TestTimeout} (1 to 255 seconds) and {@link
 * io.pamkit.core.net.ConnectionUserName} (no spaces). Nothing here touches the network.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link ConnectionUserName}: a validated connection user name, for users who check one
 *       before they send it to an appliance.
 *   <li>{@link EmailAddress}: a validated email address, used in users' subscriber and email
 *       settings.
 *   <li>{@link HostAddress}: a validated server address (host name or IP literal), used in users'
 *       transport settings.
 *   <li>{@link InvalidValueException}: thrown to users whose network value (address, port, timeout,
 *       user name) breaks its rule.
 *   <li>{@link Port}: a validated port number, used in users' settings.
 *   <li>{@link TestTimeout}: the per-address timeout of a test email, which users pass to
 *       SmtpTransport's test.
 * </ul>
 */
@NullMarked
package io.pamkit.core.net;

import org.jspecify.annotations.NullMarked;
