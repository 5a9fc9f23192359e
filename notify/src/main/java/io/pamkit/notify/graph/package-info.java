/**
 * Microsoft Graph: {@link io.pamkit.notify.graph.GraphTransport} sends email through Graph's
 * {@code sendMail} ({@code POST /v1.0/users/{sender}/sendMail}), the path to Exchange Online after
 * EWS, configured by {@link io.pamkit.notify.graph.GraphSettings}; {@link
 * io.pamkit.notify.oauth.IdentityPlatformTokenSource} gets its app-only access tokens from the
 * Microsoft identity platform (client credentials with a certificate or a client secret).
 *
 * <p>Parameters and return values are never null unless marked. Transports and settings are
 * thread-safe; builders are not.
 */
@NullMarked
package io.pamkit.notify.graph;

import org.jspecify.annotations.NullMarked;
