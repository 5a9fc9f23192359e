// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * The wire model of the appliances' link API: records and enums that mirror the password
 * appliance's OpenAPI v4 schemas field for field, with the API's PascalCase JSON names ({@link
 * io.pamkit.sessionlink.model.SessionModuleConnection}, {@link
 * io.pamkit.sessionlink.model.SessionModuleConnectionPolicy}, {@link
 * io.pamkit.sessionlink.model.NetworkMember}, {@link io.pamkit.sessionlink.model.ManagedNetwork},
 * {@link io.pamkit.sessionlink.model.ProductVersion}, {@link
 * io.pamkit.sessionlink.model.ApplianceStatus}, {@link io.pamkit.sessionlink.model.ApiError}, ...)
 * and the session appliance's {@link io.pamkit.sessionlink.model.SpsClusterStatus}. They are public
 * because the clients in {@code io.pamkit.sessionlink} take and return them.
 *
 * <p>Absent or null wire values are {@code null}; absent lists are empty. Values are immutable and
 * thread-safe; builders are not thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link AccessRequest}: an access request, returned to users by AccessRequestClient.
 *   <li>{@link AccessRequestState}: the state of an AccessRequest, read by users.
 *   <li>{@link ApiError}: the password appliance's error body, carried to users by
 *       ApplianceErrorException.
 *   <li>{@link ApplianceState}: the appliance state in ApplianceStatus, read by users.
 *   <li>{@link ApplianceStatus}: an appliance's status, returned to users by the clients.
 *   <li>{@link GatewayAuthentication}: the gateway authentication back end of a connection policy,
 *       read by users.
 *   <li>{@link LoginResponse}: the appliance's token exchange response, returned to users by
 *       SppClient.login().
 *   <li>{@link LoginResponseStatus}: the status in a LoginResponse, read by users.
 *   <li>{@link MaintenanceTaskType}: the maintenance operation in ApplianceStatus, read by users.
 *   <li>{@link ManagedNetwork}: a managed network of the password appliance, returned to users by
 *       SppClient.
 *   <li>{@link NetworkAddressFamily}: the address family of a NetworkSubnet, read by users.
 *   <li>{@link NetworkMember}: an appliance of a ManagedNetwork, read by users.
 *   <li>{@link NetworkSubnet}: a subnet of a ManagedNetwork, read by users.
 *   <li>{@link ProductVersion}: an appliance's product version, in ApplianceStatus and returned by
 *       the clients.
 *   <li>{@link SessionMemberStatus}: the status of a session module connection, read by users.
 *   <li>{@link SessionModuleConnection}: a session module connection, returned to users by
 *       SppClient and sent back on updates.
 *   <li>{@link SessionModuleConnectionPolicy}: a connection policy of a session module connection,
 *       read by users.
 *   <li>{@link SessionModuleConnectionProtocol}: the protocol of a connection policy, read by
 *       users.
 *   <li>{@link SessionPolicyCapabilities}: what a connection policy can do, read by users.
 *   <li>{@link SpsClusterStatus}: the session appliance node's cluster state, returned to users by
 *       SpsClient.
 * </ul>
 */
@NullMarked
package io.pamkit.sessionlink.model;

import org.jspecify.annotations.NullMarked;
