// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * An error the session appliance (SPS) returned in its own envelope, {@code {"error":{"type":
 * "...","message":"...","details":{...}}}}, that does not relay a password appliance error (those
 * become the matching typed exception, e.g. {@link SessionConnectionValueException}).
 */
public final class SessionApplianceException extends SessionLinkException {
  private static final long serialVersionUID = 1L;

  private final String errorType;

  /**
   * Creates the exception.
   *
   * @param errorType the envelope's {@code type}, e.g. {@code JoinFailed}; empty when absent
   * @param summary what went wrong
   * @param httpStatus the HTTP status
   * @param uri the request's URI
   * @param resolution the documented way out, if known
   * @param cause the underlying failure, if any
   */
  public SessionApplianceException(
      String errorType,
      String summary,
      int httpStatus,
      @Nullable URI uri,
      @Nullable String resolution,
      @Nullable Throwable cause) {
    super(summary, httpStatus, null, uri, resolution, cause);
    this.errorType = errorType;
  }

  /**
   * Returns the session appliance's error type.
   *
   * @return e.g. {@code JoinFailed}, {@code XTokenRequired}; empty when absent
   */
  public String errorType() {
    return errorType;
  }
}
