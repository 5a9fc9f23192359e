// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import io.pamkit.sessionlink.model.ApiError;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The appliance refused the request's authorization: code 60094 (HTTP 401, "Authorization is
 * denied": no token, or an expired or logged-out one) or 60108 ("Authorization is required": the
 * account lacks the permission the operation needs, e.g. ApplianceAdmin, or the credentials are
 * wrong). {@link #tokenRejected()} tells the two apart.
 */
public final class AuthorizationException extends SessionLinkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param summary what went wrong
   * @param httpStatus the HTTP status, or 0 without a response
   * @param apiError the appliance's error body, if any
   * @param uri the request's URI, if any
   * @param resolution the documented way out, if known
   * @param cause the underlying failure, if any
   */
  public AuthorizationException(
      String summary,
      int httpStatus,
      @Nullable ApiError apiError,
      @Nullable URI uri,
      @Nullable String resolution,
      @Nullable Throwable cause) {
    super(summary, httpStatus, apiError, uri, resolution, cause);
  }

  /**
   * Returns whether the token itself was rejected (60094 or HTTP 401), as opposed to a permission
   * the account lacks.
   *
   * @return true for an expired, logged-out or missing token
   */
  public boolean tokenRejected() {
    return code() == 60094 || httpStatus() == 401;
  }
}
