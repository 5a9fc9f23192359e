package io.pamkit.notify.ews;

import io.pamkit.core.secret.Secret;

/**
 * Supplies the OAuth 2.0 access token EWS requests carry as {@code Authorization: Bearer}. For
 * Exchange Online app-only access, a token for scope {@code https://outlook.office365.com/.default}
 * from {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token} (client credentials,
 * with the {@code full_access_as_app} permission). The transport asks for a token on every
 * request, so the source should cache and refresh it; {@link ClientCredentialsTokenSource} does.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AccessTokenSource {

  /**
   * Returns a currently valid access token.
   *
   * @return the token
   * @throws io.pamkit.core.ValidationException if the credentials are refused; the send then
   *     fails as {@code PERMANENT_TRANSPORT}
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
