// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Clients of the password appliance's (SPP) and the session appliance's (SPS) link API, on {@code
 * java.net.http}, and the link rules as code.
 *
 * <p>Entry points: {@link io.pamkit.sessionlink.SppClient} (login and token renewal, session
 * connections, their policies, members and managed networks, the link's switches, the services
 * configuration mapped onto core's {@link io.pamkit.core.policy.ServiceState}, version and status),
 * {@link io.pamkit.sessionlink.SpsClient} (the SPS side of the join), {@link
 * io.pamkit.sessionlink.LinkRules}, {@link io.pamkit.sessionlink.JoinPreflight} and {@link
 * io.pamkit.sessionlink.SessionsInitiatedWorkflow} (rules, no network). The wire records the
 * clients take and return are in {@link io.pamkit.sessionlink.model}. Every failure is a {@link
 * io.pamkit.sessionlink.SessionLinkException} subtype; bad arguments are {@link
 * io.pamkit.core.ValidationException}s naming the field.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, clients are thread-safe, and builders are not thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link AccessRequestClient}: the access-request actions (read, approve, deny) users call as
 *       an approver.
 *   <li>{@link AlreadySoftDeletedException}: thrown to users of SppClient.softDelete when the
 *       connection is already soft deleted.
 *   <li>{@link ApplianceErrorException}: thrown to users for an appliance error no more specific
 *       type covers, with its code.
 *   <li>{@link ApplianceVersion}: an appliance version, which users compare against LinkRules and
 *       show.
 *   <li>{@link AuthorizationException}: thrown to users whose credentials or permissions the
 *       appliance refused.
 *   <li>{@link Check}: one checked prerequisite of a join or workflow, listed to users in a
 *       CheckReport.
 *   <li>{@link CheckReport}: the result of the join pre-flight or the workflow checks, returned to
 *       users.
 *   <li>{@link CheckStatus}: the outcome of one Check, read by users.
 *   <li>{@link ConnectionPolicySetup}: how one SPS connection policy is set up; users describe
 *       their policies for the workflow checks.
 *   <li>{@link DeviceCodeDisplay}: extension point: users show a device login's code and page to
 *       the person who approves it.
 *   <li>{@link DeviceCodeInstructions}: the code and page of a device login, handed to the users'
 *       DeviceCodeDisplay.
 *   <li>{@link JoinFacts}: what users know about both appliances before a join, given to
 *       JoinPreflight.
 *   <li>{@link JoinPreflight}: the join pre-flight users run before they link the appliances.
 *   <li>{@link LinkRules}: the link's version rules, which users check without a network call.
 *   <li>{@link LinkTransportException}: thrown to users when no usable response came back
 *       (connection, timeout, bad body).
 *   <li>{@link LoginFailedException}: thrown to users whose login to the password appliance was
 *       refused.
 *   <li>{@link NotFoundException}: thrown to users when the appliance answers 404 for what they
 *       named.
 *   <li>{@link NotPrimaryException}: thrown to users who called a replica where the primary is
 *       required.
 *   <li>{@link RequestValidationException}: thrown to users whose request content the appliance
 *       rejected.
 *   <li>{@link SecondFactorChallenge}: what the appliance asks for as a second factor, handed to
 *       the users' SecondFactorPrompt.
 *   <li>{@link SecondFactorPrompt}: extension point: users answer the second factor of a PKCE
 *       login.
 *   <li>{@link SessionApplianceException}: thrown to users for an error in the session appliance's
 *       own envelope.
 *   <li>{@link SessionConnectionQuery}: the query options users pass when they list session module
 *       connections.
 *   <li>{@link SessionConnectionValueException}: thrown to users whose connection values the
 *       appliance rejected (code 60657).
 *   <li>{@link SessionLinkException}: the root of the link clients' failures, which users catch to
 *       handle any of them.
 *   <li>{@link SessionsInitiatedWorkflow}: the sessions-initiated workflow checks users run before
 *       enabling that workflow.
 *   <li>{@link SppAuthentication}: how SppClient logs in; users choose one of its ways.
 *   <li>{@link SppClient}: the client of the password appliance's link API, an entry point users
 *       build.
 *   <li>{@link SpsClient}: the client of the session appliance's join API, an entry point users
 *       build.
 *   <li>{@link SpsNode}: one node of the session appliance cluster, which users describe in
 *       JoinFacts.
 *   <li>{@link SpsNodeRole}: the role of an SpsNode, set by users.
 *   <li>{@link TlsException}: thrown to users when the TLS handshake with an appliance failed.
 *   <li>{@link TlsHostnameMismatchException}: thrown to users whose appliance certificate does not
 *       name the address used, with the address to use.
 *   <li>{@link ApplianceSettings}: the client of a live appliance's notification settings users
 *       read and write.
 *   <li>{@link SettingsChange}: one planned change of a settings push, shown to users before they
 *       apply it.
 *   <li>{@link SettingsPlan}: the changes a settings push would make; users review, then apply it.
 *   <li>{@link SettingsResource}: one settings object as the appliance returns it (secrets masked
 *       in toString).
 *   <li>{@link SettingsSync}: pulls a configuration document from an appliance and pushes one back;
 *       users call it.
 * </ul>
 */
@NullMarked
package io.pamkit.sessionlink;

import org.jspecify.annotations.NullMarked;
