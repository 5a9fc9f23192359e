// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The API's {@code SessionModuleConnectionProtocol} enumeration: Protocol of the Session Module
 * Connection.
 *
 * <p>Generated from the appliance's OpenAPI v4 description; {@link #apiName()} is the wire value. A
 * value this version does not know reads as {@link #UNKNOWN}.
 */
public enum SessionModuleConnectionProtocol {
  /** Wire value {@code Unknown}. */
  @JsonEnumDefaultValue
  @JsonProperty("Unknown")
  UNKNOWN("Unknown"),

  /** Wire value {@code Rdp}. */
  @JsonProperty("Rdp")
  RDP("Rdp"),

  /** Wire value {@code Ssh}. */
  @JsonProperty("Ssh")
  SSH("Ssh"),

  /** Wire value {@code Telnet}. */
  @JsonProperty("Telnet")
  TELNET("Telnet"),

  /** Wire value {@code RdpApplication}. */
  @JsonProperty("RdpApplication")
  RDP_APPLICATION("RdpApplication");

  private final String apiName;

  SessionModuleConnectionProtocol(String apiName) {
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
  public static SessionModuleConnectionProtocol ofApiName(String apiName) {
    for (SessionModuleConnectionProtocol v : values()) {
      if (v.apiName.equals(apiName)) {
        return v;
      }
    }
    throw new IllegalArgumentException("not a SessionModuleConnectionProtocol value: " + apiName);
  }
}
