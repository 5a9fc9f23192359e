// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/**
 * The API's {@code SessionPolicyCapabilities} enumeration: Session policy capabilities.
 *
 * <p>Generated from the appliance's OpenAPI v4 description; {@link #wireName()} is the wire value.
 */
public enum SessionPolicyCapabilities implements WireNamed {
  /** Wire value {@code SppInitiated}. */
  @JsonProperty("SppInitiated")
  SPP_INITIATED("SppInitiated"),

  /** Wire value {@code CredentialInjection}. */
  @JsonProperty("CredentialInjection")
  CREDENTIAL_INJECTION("CredentialInjection");

  private static final Map<String, SessionPolicyCapabilities> BY_WIRE_NAME =
      WireNames.index(values());

  private final String wireName;

  SessionPolicyCapabilities(String wireName) {
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
  public static Optional<SessionPolicyCapabilities> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
