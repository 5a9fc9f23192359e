/**
 * Network values with the appliance's rules: host addresses (IPv4, DNS names, bracketed IPv6) and ports.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.net;

import org.jspecify.annotations.NullMarked;
