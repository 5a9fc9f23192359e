// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/**
 * The API's {@code SessionMemberStatus} enumeration.
 *
 * <p>Generated from the appliance's OpenAPI v4 description; {@link #wireName()} is the wire value.
 * A value this version does not know reads as {@link #UNKNOWN}.
 */
public enum SessionMemberStatus implements WireNamed {
  /** Wire value {@code Unknown}. */
  @JsonEnumDefaultValue
  @JsonProperty("Unknown")
  UNKNOWN("Unknown"),

  /** Wire value {@code Available}. */
  @JsonProperty("Available")
  AVAILABLE("Available"),

  /** Wire value {@code Unavailable}. */
  @JsonProperty("Unavailable")
  UNAVAILABLE("Unavailable");

  private static final Map<String, SessionMemberStatus> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;

  SessionMemberStatus(String wireName) {
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
  public static Optional<SessionMemberStatus> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
