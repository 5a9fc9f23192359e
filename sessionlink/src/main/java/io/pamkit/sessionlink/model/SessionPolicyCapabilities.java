// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The API's {@code SessionPolicyCapabilities} enumeration: Session policy capabilities.
 *
 * <p>Generated from the appliance's OpenAPI v4 description; {@link #apiName()} is the wire value.
 */
public enum SessionPolicyCapabilities {
  /** Wire value {@code SppInitiated}. */
  @JsonProperty("SppInitiated")
  SPP_INITIATED("SppInitiated"),

  /** Wire value {@code CredentialInjection}. */
  @JsonProperty("CredentialInjection")
  CREDENTIAL_INJECTION("CredentialInjection");

  private final String apiName;

  SessionPolicyCapabilities(String apiName) {
    this.apiName = apiName;
  }

  /**
   * Returns the value as the API spells it.
   *
   * @return the wire value
   */
  public String apiName() {
    return apiName;
  }

  /**
   * Returns the constant with the given wire value.
   *
   * @param apiName the wire value, exactly as the API spells it
   * @return the constant
   * @throws IllegalArgumentException if no constant has that wire value
   */
  public static SessionPolicyCapabilities ofApiName(String apiName) {
    for (SessionPolicyCapabilities v : values()) {
      if (v.apiName.equals(apiName)) {
        return v;
      }
    }
    throw new IllegalArgumentException("not a SessionPolicyCapabilities value: " + apiName);
  }
}
