// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/**
 * The API's {@code NetworkAddressFamily} enumeration: Type of network address.
 *
 * <p>Generated from the appliance's OpenAPI v4 description; {@link #wireName()} is the wire value.
 */
public enum NetworkAddressFamily implements WireNamed {
  /** Wire value {@code Ipv4}. */
  @JsonProperty("Ipv4")
  IPV4("Ipv4"),

  /** Wire value {@code Ipv6}. */
  @JsonProperty("Ipv6")
  IPV6("Ipv6");

  private static final Map<String, NetworkAddressFamily> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;

  NetworkAddressFamily(String wireName) {
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
  public static Optional<NetworkAddressFamily> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
