// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Microsoft Graph: {@link io.pamkit.notify.graph.GraphTransport} sends email through Graph's {@code
 * sendMail} ({@code POST /v1.0/users/{sender}/sendMail}), the path to Exchange Online after EWS,
 * configured by {@link io.pamkit.notify.graph.GraphSettings}; {@link
 * io.pamkit.notify.oauth.IdentityPlatformTokenSource} gets its app-only access tokens from the
 * Microsoft identity platform (client credentials with a certificate or a client secret).
 *
 * <p>Parameters and return values are never null unless marked. Transports and settings are
 * thread-safe; builders are not.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link GraphSettings}: the Microsoft Graph settings users build for a GraphTransport.
 *   <li>{@link GraphTransport}: the Microsoft Graph sendMail transport users build in code.
 *   <li>{@link GraphTransportProvider}: the provider ServiceLoader finds for {@code Type: Graph}
 *       entries of the document; public because ServiceLoader needs it.
 * </ul>
 */
@NullMarked
package io.pamkit.notify.graph;

import org.jspecify.annotations.NullMarked;
