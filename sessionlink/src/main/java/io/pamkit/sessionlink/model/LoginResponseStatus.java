// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The API's {@code LoginResponseStatus} enumeration: The {@code
 * /service/core/v2/Token/LoginResponse} end point will return a LoginResponse object with a
 * LoginResponse.Status of one of these values indicating to the client application what it should
 * do next.
 *
 * <p>Generated from the appliance's OpenAPI v4 description; {@link #apiName()} is the wire value.
 */
public enum LoginResponseStatus {
  /** Wire value {@code Success}. */
  @JsonProperty("Success")
  SUCCESS("Success"),

  /** Wire value {@code Needs2FA}. */
  @JsonProperty("Needs2FA")
  NEEDS2_FA("Needs2FA");

  private final String apiName;

  LoginResponseStatus(String apiName) {
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
  public static LoginResponseStatus ofApiName(String apiName) {
    for (LoginResponseStatus v : values()) {
      if (v.apiName.equals(apiName)) {
        return v;
      }
    }
    throw new IllegalArgumentException("not a LoginResponseStatus value: " + apiName);
  }
}
