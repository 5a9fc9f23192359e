// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import io.pamkit.sessionlink.model.ApiError;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The TLS handshake failed: the appliance's certificate is not trusted, or it does not name the
 * address connected to. Verification is on by default and is never skipped; see {@link
 * TlsHostnameMismatchException} for the address to use instead.
 */
public class TlsException extends LinkTransportException {
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
  public TlsException(
      String summary,
      int httpStatus,
      @Nullable ApiError apiError,
      @Nullable URI uri,
      @Nullable String resolution,
      @Nullable Throwable cause) {
    super(summary, httpStatus, apiError, uri, resolution, cause);
  }
}
