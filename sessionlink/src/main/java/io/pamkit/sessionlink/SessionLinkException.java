// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import io.pamkit.core.PamkitException;
import io.pamkit.sessionlink.model.ApiError;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every failure of the link protocol clients: an error the password or session
 * appliance returned, or a transport or TLS failure on the way there.
 *
 * <p>Subtypes say what the caller can do; where the appliance documentation gives a resolution,
 * {@link #resolution()} has it and the message ends with it. Messages never contain secrets
 * (passwords, tokens, keys).
 */
public abstract class SessionLinkException extends PamkitException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final transient @Nullable ApiError apiError;
  private final @Nullable URI uri;
  private final @Nullable String resolution;

  /**
   * Creates an exception.
   *
   * @param summary what went wrong, without the resolution
   * @param httpStatus the HTTP status, or 0 when no response was received
   * @param apiError the appliance's error body, if any
   * @param uri the request's URI, if any
   * @param resolution the documented way out, if known
   * @param cause the underlying failure, if any
   */
  protected SessionLinkException(
      String summary,
      int httpStatus,
      @Nullable ApiError apiError,
      @Nullable URI uri,
      @Nullable String resolution,
      @Nullable Throwable cause) {
    super(compose(summary, httpStatus, apiError, uri, resolution), cause);
    this.httpStatus = httpStatus;
    this.apiError = apiError;
    this.uri = uri;
    this.resolution = resolution;
  }

  private static String compose(
      String summary,
      int httpStatus,
      @Nullable ApiError apiError,
      @Nullable URI uri,
      @Nullable String resolution) {
    StringBuilder sb = new StringBuilder(summary);
    StringBuilder ctx = new StringBuilder();
    if (httpStatus > 0) {
      ctx.append("HTTP ").append(httpStatus);
    }
    if (apiError != null && apiError.code() != 0) {
      ctx.append(ctx.length() > 0 ? ", " : "").append("code ").append(apiError.code());
    }
    if (uri != null) {
      ctx.append(ctx.length() > 0 ? ", " : "").append(uri);
    }
    if (ctx.length() > 0) {
      sb.append(" [").append(ctx).append(']');
    }
    if (resolution != null) {
      sb.append(". Resolution: ").append(resolution);
    }
    return sb.toString();
  }

  /**
   * Returns the HTTP status of the failed response.
   *
   * @return the status, or 0 when no response was received
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Returns the appliance's error body.
   *
   * @return the error, or empty when the response had none
   */
  public Optional<ApiError> apiError() {
    return Optional.ofNullable(apiError);
  }

  /**
   * Returns the appliance's error code ({@code Code} of the body).
   *
   * @return the code, or 0 when there was no error body
   */
  public int code() {
    return apiError == null ? 0 : apiError.code();
  }

  /**
   * Returns the URI of the failed request.
   *
   * @return the URI, or empty when not known
   */
  public Optional<URI> uri() {
    return Optional.ofNullable(uri);
  }

  /**
   * Returns the documented resolution for this failure.
   *
   * @return the resolution, or empty when none is documented
   */
  public Optional<String> resolution() {
    return Optional.ofNullable(resolution);
  }
}
