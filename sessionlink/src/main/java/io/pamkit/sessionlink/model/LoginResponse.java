// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Used by client applications to exchange an STS token for a Safeguard user token that will then be
 * used by the application for all future API requests. A client application should make a request
 * to the {@code /service/core/v2/Token/LoginResponse} end point, passing the {@code access token}
 * they got from the STS. Authorization will be performed on the authenticated user and if
 * successful, this LoginResponse object will be returned with a new token value in
 * LoginResponse.UserToken.
 *
 * <p>Mirrors the API's {@code LoginResponse} schema field for field (JSON names in PascalCase, as
 * on the wire). Absent or null values are {@code null}; absent lists are empty.
 *
 * @param status The {@code Status} value.
 * @param userToken Upon successful authorization, a new access token will be granted that is to be
 *     used for all future API requests by the client application. Currently, the lifetime of this
 *     token is one day.
 * @param primaryProviderId If the {@code access token} from the STS represents a user that requires
 *     two-factor authentication, then the client application will have to redirect the user back to
 *     the STS, requesting that factor of authentication. This property will contain what directory
 *     service provider the user initially authenticated against. It will need to be included in the
 *     redirect back to the STS.
 * @param secondaryProviderId If the {@code access token} from the STS represents a user that
 *     requires two-factor authentication, then the client application will have to redirect the
 *     user back to the STS, requesting that factor of authentication. This property will contain
 *     what directory service provider the user needs for two-factor authentication. It will need to
 *     be included in the redirect back to the STS.
 * @param webClientInactivityTimeout This is the amount of time in minutes the web client can sit
 *     idle before its session will time out.
 * @param desktopClientInactivityTimeout (Deprecated) This is the amount of time in minutes the
 *     desktop client can sit idle before its session will time out.
 */
public record LoginResponse(
    @JsonProperty("Status") @Nullable LoginResponseStatus status,
    @JsonProperty("UserToken") @Nullable String userToken,
    @JsonProperty("PrimaryProviderId") @Nullable String primaryProviderId,
    @JsonProperty("SecondaryProviderId") @Nullable String secondaryProviderId,
    @JsonProperty("WebClientInactivityTimeout") @Nullable Integer webClientInactivityTimeout,
    @JsonProperty("DesktopClientInactivityTimeout")
        @Nullable Integer desktopClientInactivityTimeout) {

  /**
   * Returns the fields with the user token masked: a logged login response must not leak a one-day
   * administrator token.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "LoginResponse[status="
        + status
        + ", userToken="
        + (userToken == null ? "null" : "******")
        + ", primaryProviderId="
        + primaryProviderId
        + ", secondaryProviderId="
        + secondaryProviderId
        + ", webClientInactivityTimeout="
        + webClientInactivityTimeout
        + ", desktopClientInactivityTimeout="
        + desktopClientInactivityTimeout
        + "]";
  }

  /**
   * Returns an empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this value's fields, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.status = status;
    b.userToken = userToken;
    b.primaryProviderId = primaryProviderId;
    b.secondaryProviderId = secondaryProviderId;
    b.webClientInactivityTimeout = webClientInactivityTimeout;
    b.desktopClientInactivityTimeout = desktopClientInactivityTimeout;
    return b;
  }

  /**
   * Builds a {@link LoginResponse}; not thread-safe. Every field starts absent (null, false or
   * empty).
   */
  public static final class Builder {
    private @Nullable LoginResponseStatus status;
    private @Nullable String userToken;
    private @Nullable String primaryProviderId;
    private @Nullable String secondaryProviderId;
    private @Nullable Integer webClientInactivityTimeout;
    private @Nullable Integer desktopClientInactivityTimeout;

    private Builder() {}

    /**
     * Sets {@code Status}.
     *
     * @param status the value; null for absent
     * @return this builder
     */
    public Builder status(@Nullable LoginResponseStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets {@code UserToken}.
     *
     * @param userToken the value; null for absent
     * @return this builder
     */
    public Builder userToken(@Nullable String userToken) {
      this.userToken = userToken;
      return this;
    }

    /**
     * Sets {@code PrimaryProviderId}.
     *
     * @param primaryProviderId the value; null for absent
     * @return this builder
     */
    public Builder primaryProviderId(@Nullable String primaryProviderId) {
      this.primaryProviderId = primaryProviderId;
      return this;
    }

    /**
     * Sets {@code SecondaryProviderId}.
     *
     * @param secondaryProviderId the value; null for absent
     * @return this builder
     */
    public Builder secondaryProviderId(@Nullable String secondaryProviderId) {
      this.secondaryProviderId = secondaryProviderId;
      return this;
    }

    /**
     * Sets {@code WebClientInactivityTimeout}.
     *
     * @param webClientInactivityTimeout the value; null for absent
     * @return this builder
     */
    public Builder webClientInactivityTimeout(@Nullable Integer webClientInactivityTimeout) {
      this.webClientInactivityTimeout = webClientInactivityTimeout;
      return this;
    }

    /**
     * Sets {@code DesktopClientInactivityTimeout}.
     *
     * @param desktopClientInactivityTimeout the value; null for absent
     * @return this builder
     */
    public Builder desktopClientInactivityTimeout(
        @Nullable Integer desktopClientInactivityTimeout) {
      this.desktopClientInactivityTimeout = desktopClientInactivityTimeout;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return a new immutable value
     */
    public LoginResponse build() {
      return new LoginResponse(
          status,
          userToken,
          primaryProviderId,
          secondaryProviderId,
          webClientInactivityTimeout,
          desktopClientInactivityTimeout);
    }
  }
}
