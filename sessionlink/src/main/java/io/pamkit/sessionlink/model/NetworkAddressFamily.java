// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The API's {@code NetworkAddressFamily} enumeration: Type of network address.
 *
 * <p>Generated from the appliance's OpenAPI v4 description; {@link #apiName()} is the wire value.
 */
public enum NetworkAddressFamily {
  /** Wire value {@code Ipv4}. */
  @JsonProperty("Ipv4")
  IPV4("Ipv4"),

  /** Wire value {@code Ipv6}. */
  @JsonProperty("Ipv6")
  IPV6("Ipv6");

  private final String apiName;

  NetworkAddressFamily(String apiName) {
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
  public static NetworkAddressFamily ofApiName(String apiName) {
    for (NetworkAddressFamily v : values()) {
      if (v.apiName.equals(apiName)) {
        return v;
      }
    }
    throw new IllegalArgumentException("not a NetworkAddressFamily value: " + apiName);
  }
}
