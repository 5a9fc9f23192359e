// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Represents a network subnet in CIDR notation e.g., 192.168.1.0/24.
 *
 * <p>Mirrors the API's {@code NetworkSubnet} schema field for field (JSON names in PascalCase, as
 * on the wire). Absent or null values are {@code null}; absent lists are empty. The schema requires
 * {@code AddressFamily}, {@code NetworkAddress}, {@code NetworkPrefixLength}; the client checks
 * that before sending, not here, so partial responses (the {@code fields} query) still read.
 *
 * @param addressFamily The {@code AddressFamily} value.
 * @param networkAddress Address of the network e.g., 192.168.1.0 or
 *     2001:0db8:0123:4567:89ab:cdef:1234:5678.
 * @param networkPrefixLength The length of the network prefix e.g., 24.
 */
public record NetworkSubnet(
    @JsonProperty("AddressFamily") @Nullable NetworkAddressFamily addressFamily,
    @JsonProperty("NetworkAddress") @Nullable String networkAddress,
    @JsonProperty("NetworkPrefixLength") @Nullable Integer networkPrefixLength) {

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
    b.addressFamily = addressFamily;
    b.networkAddress = networkAddress;
    b.networkPrefixLength = networkPrefixLength;
    return b;
  }

  /**
   * Builds a {@link NetworkSubnet}; not thread-safe. Every field starts absent (null, false or
   * empty).
   */
  public static final class Builder {
    private @Nullable NetworkAddressFamily addressFamily;
    private @Nullable String networkAddress;
    private @Nullable Integer networkPrefixLength;

    private Builder() {}

    /**
     * Sets {@code AddressFamily}.
     *
     * @param addressFamily the value; null for absent
     * @return this builder
     */
    public Builder addressFamily(@Nullable NetworkAddressFamily addressFamily) {
      this.addressFamily = addressFamily;
      return this;
    }

    /**
     * Sets {@code NetworkAddress}.
     *
     * @param networkAddress the value; null for absent
     * @return this builder
     */
    public Builder networkAddress(@Nullable String networkAddress) {
      this.networkAddress = networkAddress;
      return this;
    }

    /**
     * Sets {@code NetworkPrefixLength}.
     *
     * @param networkPrefixLength the value; null for absent
     * @return this builder
     */
    public Builder networkPrefixLength(@Nullable Integer networkPrefixLength) {
      this.networkPrefixLength = networkPrefixLength;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return a new immutable value
     */
    public NetworkSubnet build() {
      return new NetworkSubnet(addressFamily, networkAddress, networkPrefixLength);
    }
  }
}
