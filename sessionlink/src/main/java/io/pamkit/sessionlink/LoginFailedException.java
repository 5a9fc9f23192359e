// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import io.pamkit.sessionlink.model.ApiError;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The password appliance's token service ({@code /RSTS/oauth2/token}) or {@code
 * Token/LoginResponse} refused to log in: wrong credentials or provider, a grant type the appliance
 * does not allow, or a login that needs a second factor.
 */
public final class LoginFailedException extends SessionLinkException {
  private static final long serialVersionUID = 1L;

  /** Why the login failed, for callers that react to it (a CLI that prompts again, a retry). */
  public enum Reason {
    /** The user name, password, provider or certificate was refused. */
    CREDENTIALS_REFUSED,
    /** The grant is not in the appliance's setting {@code Allowed OAuth2 Grant Types}. */
    GRANT_DISABLED,
    /** The account needs a second factor and no {@link SecondFactorPrompt} was given. */
    SECOND_FACTOR_REQUIRED,
    /** The one-time password was refused. */
    SECOND_FACTOR_REFUSED,
    /** The user denied the device login. */
    DEVICE_CODE_DENIED,
    /** The device code expired before the user approved it. */
    DEVICE_CODE_EXPIRED,
    /** Anything else, e.g. an answer the client does not understand. */
    OTHER
  }

  private final Reason reason;

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
  public LoginFailedException(
      String summary,
      int httpStatus,
      @Nullable ApiError apiError,
      @Nullable URI uri,
      @Nullable String resolution,
      @Nullable Throwable cause) {
    this(Reason.OTHER, summary, httpStatus, apiError, uri, resolution, cause);
  }

  /**
   * Creates the exception with its reason.
   *
   * @param reason why the login failed
   * @param summary what went wrong
   * @param httpStatus the HTTP status, or 0 without a response
   * @param apiError the appliance's error body, if any
   * @param uri the request's URI, if any
   * @param resolution the documented way out, if known
   * @param cause the underlying failure, if any
   */
  public LoginFailedException(
      Reason reason,
      String summary,
      int httpStatus,
      @Nullable ApiError apiError,
      @Nullable URI uri,
      @Nullable String resolution,
      @Nullable Throwable cause) {
    super(summary, httpStatus, apiError, uri, resolution, cause);
    this.reason = java.util.Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns why the login failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
