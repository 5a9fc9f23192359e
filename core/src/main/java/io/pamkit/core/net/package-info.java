/**
 * Network values with the appliance's rules, each checked when created and failing with an
 * {@link io.pamkit.core.net.InvalidValueException} that names the field and the rule: {@link
 * io.pamkit.core.net.HostAddress} (IPv4, DNS name, IPv6 only in square brackets, empty meaning
 * "disabled"), {@link io.pamkit.core.net.Port} (1 to 65535), {@link
 * io.pamkit.core.net.EmailAddress} (an RFC 5322 mailbox of at most 512 characters, no CR or LF),
 * {@link io.pamkit.core.net.TestTimeout} (1 to 255 seconds) and {@link
 * io.pamkit.core.net.ConnectionUserName} (no spaces). Nothing here touches the network.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.net;

import org.jspecify.annotations.NullMarked;
