// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import io.pamkit.sessionlink.internal.Sanitize;
import io.pamkit.sessionlink.model.ApiError;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * An error response of an appliance that no more specific type covers; {@link #code()} and {@link
 * #apiError()} have the details.
 */
public final class ApplianceErrorException extends SessionLinkException {
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
  public ApplianceErrorException(
      String summary,
      int httpStatus,
      @Nullable ApiError apiError,
      @Nullable URI uri,
      @Nullable String resolution,
      @Nullable Throwable cause) {
    super(summary, httpStatus, apiError, uri, resolution, cause);
  }

  /**
   * A successful response whose body is not what the call expects.
   *
   * @param what what was expected, e.g. {@code "a SessionModuleConnection"}
   * @param cause the parser's failure, whose message is added on one line; null for none
   */
  static ApplianceErrorException unreadable(String what, @Nullable Exception cause) {
    String summary = "the appliance's response is not " + what;
    if (cause != null) {
      summary += ": " + Sanitize.oneLine(String.valueOf(cause.getMessage()));
    }
    return new ApplianceErrorException(summary, 200, null, null, null, cause);
  }
}
