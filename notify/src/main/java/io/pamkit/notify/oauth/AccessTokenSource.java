// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.oauth;

import io.pamkit.core.secret.Secret;

/**
 * Supplies the OAuth 2.0 access token a transport sends: as {@code Authorization: Bearer} (Graph,
 * EWS) or inside the SMTP {@code XOAUTH2} SASL string. For Microsoft 365 app-only access, a token
 * from {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token} (client credentials)
 * for the resource's scope: {@code https://graph.microsoft.com/.default} for Graph, {@code
 * https://outlook.office365.com/.default} for EWS and SMTP. The transports ask for a token on every
 * request or connection, so the source should cache and refresh it; {@link
 * IdentityPlatformTokenSource} does.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AccessTokenSource {

  /**
   * Returns a currently valid access token.
   *
   * @return the token
   * @throws io.pamkit.core.ValidationException if the credentials are refused; the send then fails
   *     as {@code PERMANENT_TRANSPORT}
   * @throws RuntimeException if no token can be obtained for now; the send then fails as {@code
   *     TRANSIENT}
   */
  Secret accessToken();

  /**
   * Returns a token to use after a resource server refused {@code rejected} (HTTP 401): a freshly
   * fetched one, or the cached one if another caller already replaced the rejected token. The
   * default returns {@link #accessToken()}.
   *
   * @param rejected the refused token
   * @return the token to retry with
   * @throws io.pamkit.core.ValidationException if the credentials are refused
   * @throws RuntimeException if no token can be obtained for now
   */
  default Secret renewAccessToken(Secret rejected) {
    return accessToken();
  }
}
