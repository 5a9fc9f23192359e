// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Represents a session module connection policy.
 *
 * <p>Mirrors the API's {@code SessionModuleConnectionPolicy} schema field for field (JSON names in
 * PascalCase, as on the wire). Absent or null values are {@code null}; absent lists are empty.
 *
 * @param id Connection policy identifier.
 * @param name Connection policy name.
 * @param spsNetworkAddress Network address of the linked session module.
 * @param spsTargetAddress Target address of the connection policy.
 * @param spsNetworkPort Network port of the linked session module.
 * @param spsHostName SPS host name.
 * @param policyCapabilities SPS policy capabilities.
 * @param protocol The {@code Protocol} value.
 * @param sessionModuleConnectionId Session module connection ID.
 * @param isPolicyDisabled Session module connection policy is disabled or not.
 * @param requiresHostKey Does the session module connection policy require a host key.
 */
public record SessionModuleConnectionPolicy(
    @JsonProperty("Id") @Nullable String id,
    @JsonProperty("Name") @Nullable String name,
    @JsonProperty("SpsNetworkAddress") @Nullable String spsNetworkAddress,
    @JsonProperty("SpsTargetAddress") @Nullable String spsTargetAddress,
    @JsonProperty("SpsNetworkPort") @Nullable String spsNetworkPort,
    @JsonProperty("SpsHostName") @Nullable String spsHostName,
    @JsonProperty("PolicyCapabilities") List<SessionPolicyCapabilities> policyCapabilities,
    @JsonProperty("Protocol") @Nullable SessionModuleConnectionProtocol protocol,
    @JsonProperty("SessionModuleConnectionId") @Nullable Integer sessionModuleConnectionId,
    @JsonProperty("IsPolicyDisabled") @Nullable Boolean isPolicyDisabled,
    @JsonProperty("RequiresHostKey") @Nullable Boolean requiresHostKey) {

  /** Copies the lists; a null list becomes empty. */
  public SessionModuleConnectionPolicy {
    policyCapabilities = policyCapabilities == null ? List.of() : List.copyOf(policyCapabilities);
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
    b.id = id;
    b.name = name;
    b.spsNetworkAddress = spsNetworkAddress;
    b.spsTargetAddress = spsTargetAddress;
    b.spsNetworkPort = spsNetworkPort;
    b.spsHostName = spsHostName;
    b.policyCapabilities = policyCapabilities;
    b.protocol = protocol;
    b.sessionModuleConnectionId = sessionModuleConnectionId;
    b.isPolicyDisabled = isPolicyDisabled;
    b.requiresHostKey = requiresHostKey;
    return b;
  }

  /**
   * Builds a {@link SessionModuleConnectionPolicy}; not thread-safe. Every field starts absent
   * (null, false or empty).
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String name;
    private @Nullable String spsNetworkAddress;
    private @Nullable String spsTargetAddress;
    private @Nullable String spsNetworkPort;
    private @Nullable String spsHostName;
    private List<SessionPolicyCapabilities> policyCapabilities = List.of();
    private @Nullable SessionModuleConnectionProtocol protocol;
    private @Nullable Integer sessionModuleConnectionId;
    private @Nullable Boolean isPolicyDisabled;
    private @Nullable Boolean requiresHostKey;

    private Builder() {}

    /**
     * Sets {@code Id}.
     *
     * @param id the value; null for absent
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code Name}.
     *
     * @param name the value; null for absent
     * @return this builder
     */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets {@code SpsNetworkAddress}.
     *
     * @param spsNetworkAddress the value; null for absent
     * @return this builder
     */
    public Builder spsNetworkAddress(@Nullable String spsNetworkAddress) {
      this.spsNetworkAddress = spsNetworkAddress;
      return this;
    }

    /**
     * Sets {@code SpsTargetAddress}.
     *
     * @param spsTargetAddress the value; null for absent
     * @return this builder
     */
    public Builder spsTargetAddress(@Nullable String spsTargetAddress) {
      this.spsTargetAddress = spsTargetAddress;
      return this;
    }

    /**
     * Sets {@code SpsNetworkPort}.
     *
     * @param spsNetworkPort the value; null for absent
     * @return this builder
     */
    public Builder spsNetworkPort(@Nullable String spsNetworkPort) {
      this.spsNetworkPort = spsNetworkPort;
      return this;
    }

    /**
     * Sets {@code SpsHostName}.
     *
     * @param spsHostName the value; null for absent
     * @return this builder
     */
    public Builder spsHostName(@Nullable String spsHostName) {
      this.spsHostName = spsHostName;
      return this;
    }

    /**
     * Sets {@code PolicyCapabilities}.
     *
     * @param policyCapabilities the value
     * @return this builder
     */
    public Builder policyCapabilities(List<SessionPolicyCapabilities> policyCapabilities) {
      this.policyCapabilities = List.copyOf(policyCapabilities);
      return this;
    }

    /**
     * Sets {@code Protocol}.
     *
     * @param protocol the value; null for absent
     * @return this builder
     */
    public Builder protocol(@Nullable SessionModuleConnectionProtocol protocol) {
      this.protocol = protocol;
      return this;
    }

    /**
     * Sets {@code SessionModuleConnectionId}.
     *
     * @param sessionModuleConnectionId the value; null for absent
     * @return this builder
     */
    public Builder sessionModuleConnectionId(@Nullable Integer sessionModuleConnectionId) {
      this.sessionModuleConnectionId = sessionModuleConnectionId;
      return this;
    }

    /**
     * Sets {@code IsPolicyDisabled}.
     *
     * @param isPolicyDisabled the value; null for absent
     * @return this builder
     */
    public Builder isPolicyDisabled(@Nullable Boolean isPolicyDisabled) {
      this.isPolicyDisabled = isPolicyDisabled;
      return this;
    }

    /**
     * Sets {@code RequiresHostKey}.
     *
     * @param requiresHostKey the value; null for absent
     * @return this builder
     */
    public Builder requiresHostKey(@Nullable Boolean requiresHostKey) {
      this.requiresHostKey = requiresHostKey;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return a new immutable value
     */
    public SessionModuleConnectionPolicy build() {
      return new SessionModuleConnectionPolicy(
          id,
          name,
          spsNetworkAddress,
          spsTargetAddress,
          spsNetworkPort,
          spsHostName,
          policyCapabilities,
          protocol,
          sessionModuleConnectionId,
          isPolicyDisabled,
          requiresHostKey);
    }
  }
}
