// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/**
 * The API's {@code LoginResponseStatus} enumeration: The {@code
 * /service/core/v2/Token/LoginResponse} end point will return a LoginResponse object with a
 * LoginResponse.Status of one of these values indicating to the client application what it should
 * do next.
 *
 * <p>Generated from the appliance's OpenAPI v4 description; {@link #wireName()} is the wire value.
 */
public enum LoginResponseStatus implements WireNamed {
  /** Wire value {@code Success}. */
  @JsonProperty("Success")
  SUCCESS("Success"),

  /** Wire value {@code Needs2FA}. */
  @JsonProperty("Needs2FA")
  NEEDS2_FA("Needs2FA");

  private static final Map<String, LoginResponseStatus> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;

  LoginResponseStatus(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the value as the API spells it, its {@linkplain #wireName() wire name}.
   *
   * @return the wire value
   */
  @Override
  public String toString() {
    return wireName;
  }

  /**
   * Looks up a constant by its {@linkplain #wireName() wire name}, spelled exactly as the API
   * spells it.
   *
   * @param wireName the wire value
   * @return the constant, or empty when no constant has that wire value
   */
  public static Optional<LoginResponseStatus> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
