// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * The {@code Snmp} channel: {@link io.pamkit.notify.snmp.SnmpTransport} sends appliance events as
 * SNMP v1, v2c or v3 traps or informs (SNMP4J) following {@code PAMKIT-MIB} ({@link
 * io.pamkit.notify.snmp.PamkitMib}), which ships in this package as {@code PAMKIT-MIB.txt}.
 *
 * <p>Parameters and return values are never null unless marked. The transport is thread-safe;
 * builders are not.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link PamkitMib}: the MIB text and OIDs of pamkit's traps, which users load into their
 *       trap receivers and managers.
 *   <li>{@link SnmpTransport}: the SNMP transport users build in code or get from
 *       ConfiguredTransports.
 *   <li>{@link SnmpTransportProvider}: the ServiceLoader provider of the SNMP transport; public
 *       because ServiceLoader instantiates it.
 * </ul>
 */
@NullMarked
package io.pamkit.notify.snmp;

import org.jspecify.annotations.NullMarked;
