// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * OAuth 2.0 access tokens shared by the email transports that talk to Microsoft 365 (Graph {@code
 * sendMail}, SMTP with XOAUTH2, EWS): {@link io.pamkit.notify.oauth.AccessTokenSource}, the
 * contract the transports ask for a token through, and {@link
 * io.pamkit.notify.oauth.IdentityPlatformTokenSource}, which gets app-only tokens from the
 * Microsoft identity platform with a certificate ({@link io.pamkit.notify.oauth.ClientCredential})
 * or a client secret, in the {@link io.pamkit.notify.oauth.NationalCloud} chosen.
 *
 * <p>Parameters and return values are never null unless marked. Token sources are thread-safe;
 * builders are not.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link AccessTokenSource}: extension point: users supply OAuth access tokens for Graph,
 *       SMTP XOAUTH2 and EWS, e.g. from their own token cache.
 *   <li>{@link ClientCredential}: how the application proves itself to the identity platform; users
 *       choose a certificate, a secret or a vaulted account.
 *   <li>{@link IdentityPlatformTokenSource}: the app-only token source users give the Microsoft 365
 *       transports (or share between them).
 *   <li>{@link NationalCloud}: the Microsoft cloud (global or national) users choose.
 * </ul>
 */
@NullMarked
package io.pamkit.notify.oauth;

import org.jspecify.annotations.NullMarked;
