// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Embeddable HTTPS simulators of the appliance side of the link protocol, for tests and demos:
 * {@link io.pamkit.simulator.SppSimulator} (the password appliance: rSTS, tokens, session
 * connections and their state machine, switches, services, version, status; requests validated
 * against the OpenAPI schemas) and {@link io.pamkit.simulator.SpsSimulator} (the session
 * appliance's join endpoints), with {@link io.pamkit.simulator.AdminRole} for their users. Each
 * listens on an ephemeral loopback port with certificates generated in memory at start.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null; simulators are
 * thread-safe and must be closed.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link AdminRole}: the administrator permissions users grant simulated users, to test their
 *       authorization handling.
 *   <li>{@link SppSimulator}: the password appliance simulator users start in their tests and
 *       demos.
 *   <li>{@link SpsSimulator}: the session appliance simulator users start in their tests and demos.
 *   <li>{@link SimulatedAccessRequests}: the simulated appliance's access requests, which users'
 *       tests create pending and read back after an approver decided.
 *   <li>{@link SimulatedSettings}: the simulated appliance's notification settings, which users'
 *       tests inspect and prepare.
 * </ul>
 */
@NullMarked
package io.pamkit.simulator;

import org.jspecify.annotations.NullMarked;
