/**
 * Microsoft Graph: {@link io.pamkit.notify.graph.GraphTransport} sends email through Graph's
 * {@code sendMail} ({@code POST /v1.0/users/{sender}/sendMail}), the path to Exchange Online after
 * EWS, configured by {@link io.pamkit.notify.graph.GraphSettings}; {@link
 * io.pamkit.notify.graph.IdentityPlatformTokenSource} gets its app-only access tokens from the
 * Microsoft identity platform (client credentials with a certificate or a client secret).
 *
 * <p>Parameters and return values are never null unless marked. Transports, settings and token
 * sources are thread-safe; builders are not.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link ClientCredential}: how the application proves itself to the identity platform; users
 *       choose a secret or a certificate.
 *   <li>{@link GraphSettings}: the Microsoft Graph settings users build for a GraphTransport.
 *   <li>{@link GraphTransport}: the Microsoft Graph sendMail transport users build in code.
 *   <li>{@link IdentityPlatformTokenSource}: the app-only token source users give a GraphTransport
 *       (or share between transports).
 *   <li>{@link NationalCloud}: the Microsoft cloud (global or national) users choose in
 *       GraphSettings.
 * </ul>
 */
@NullMarked
package io.pamkit.notify.graph;

import org.jspecify.annotations.NullMarked;
