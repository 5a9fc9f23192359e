// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Policy: the service-toggle engine (every switch of the appliance's Enable or Disable Services
 * page) and the trusted servers, CORS and redirect rules.
 *
 * <p>Entry points:
 *
 * <ul>
 *   <li>{@link io.pamkit.core.policy.ServiceToggles} — the engine; {@link
 *       io.pamkit.core.policy.Service} lists the switches under the API's names, {@link
 *       io.pamkit.core.policy.ServiceState} is the state as a plain value for the configuration
 *       document, {@link io.pamkit.core.policy.TaskGate} guards scheduled and manual tasks.
 *   <li>{@link io.pamkit.core.policy.TrustedServers} — is this CORS origin, this login redirect or
 *       this host trusted; {@link io.pamkit.core.policy.TrustedServer} documents the entry forms
 *       and exactly what a wildcard matches.
 * </ul>
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe. {@code ServiceToggles} is
 * thread-safe: checks are lock-free and allocation-free; changes are serialised and call the event
 * publisher and the request listeners on the changing thread.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link DisableAllConfirmation}: the confirmation users must pass to ServiceToggles to
 *       disable every service at once.
 *   <li>{@link LinkStatus}: whether a session appliance is linked, returned by the users'
 *       LinkStatusSource.
 *   <li>{@link LinkStatusSource}: extension point: users (or sessionlink's client) tell the engine
 *       whether the link is up.
 *   <li>{@link ObjectOrigin}: how an account or asset was created, which users pass when they
 *       register an object.
 *   <li>{@link ObjectServices}: an account's or asset's services switch, which users pass to the
 *       engine's checks.
 *   <li>{@link RequestHoldListener}: extension point: users learn when release requests are held
 *       and released.
 *   <li>{@link RequestStatus}: the state of a release request, returned to users by ServiceToggles.
 *   <li>{@link Service}: every switch of the services page; users name one in every check and
 *       change.
 *   <li>{@link ServiceDisabledException}: thrown to users whose operation is refused because its
 *       service is off.
 *   <li>{@link ServiceGroup}: the section of the services page a Service belongs to, for users who
 *       display the page.
 *   <li>{@link ServiceKind}: what switching a Service off does, for users who display or enforce
 *       it.
 *   <li>{@link ServiceState}: the stored state of every switch, which users save and restore across
 *       restarts.
 *   <li>{@link ServiceToggles}: the service-toggle engine, the entry point users build and query.
 *   <li>{@link TaskGate}: the gate of one task service, which users' task runners acquire before
 *       each run.
 *   <li>{@link ToggleRefusedException}: thrown to users whose change of the switches is refused,
 *       with the reason.
 *   <li>{@link TrustedServer}: one entry of the Trusted Servers list, returned to users by
 *       TrustedServers.
 *   <li>{@link TrustedServers}: the Trusted Servers, CORS and Redirects list users read from the
 *       document and match origins against.
 * </ul>
 */
@NullMarked
package io.pamkit.core.policy;

import org.jspecify.annotations.NullMarked;
