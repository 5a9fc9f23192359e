// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import io.pamkit.sessionlink.model.ApiError;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * No usable response: connection refused or reset, a timeout, an interrupted call, or a response
 * that is not the appliance's JSON. Retrying later may help; idempotent calls were already retried
 * within the client's bound.
 */
public class LinkTransportException extends SessionLinkException {
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
  public LinkTransportException(
      String summary,
      int httpStatus,
      @Nullable ApiError apiError,
      @Nullable URI uri,
      @Nullable String resolution,
      @Nullable Throwable cause) {
    super(summary, httpStatus, apiError, uri, resolution, cause);
  }
}
