package io.pamkit.sessionlink;

import io.pamkit.sessionlink.model.ApiError;
import io.pamkit.sessionlink.model.LoginResponse;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The password appliance's token service ({@code /RSTS/oauth2/token}) or {@code
 * Token/LoginResponse} refused to log in: wrong credentials or provider, a grant type the
 * appliance does not allow, or a login that needs a second factor.
 */
public final class LoginFailedException extends SessionLinkException {
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
  public LoginFailedException(
      String summary,
      int httpStatus,
      @Nullable ApiError apiError,
      @Nullable URI uri,
      @Nullable String resolution,
      @Nullable Throwable cause) {
    super(summary, httpStatus, apiError, uri, resolution, cause);
  }
}
