// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Represents an appliance that has been assigned to a managed network.
 *
 * <p>Mirrors the API's {@code NetworkMember} schema field for field (JSON names in PascalCase, as
 * on the wire). Absent or null values are {@code null}; absent lists are empty. The schema requires
 * {@code Id}; the client checks that before sending, not here, so partial responses (the {@code
 * fields} query) still read.
 *
 * @param sessionMemberStatus The {@code SessionMemberStatus} value.
 * @param sessionMemberRoles Roles assigned to the sessions member.
 * @param id The unique ID of the appliance.
 * @param name The display name of the appliance.
 * @param hostDnsSuffix The Host Dns Suffix of the appliance.
 * @param ipv4Address The IPv4 address of this appliance.
 * @param ipv6Address The IPv6 address of this appliance.
 * @param isSessionMember Determines if the member is a sessions appliance. (Read-only.)
 * @param syncStatus Configuration sync status to the sessions member.
 */
public record NetworkMember(
    @JsonProperty("SessionMemberStatus") @Nullable SessionMemberStatus sessionMemberStatus,
    @JsonProperty("SessionMemberRoles") List<String> sessionMemberRoles,
    @JsonProperty("Id") @Nullable String id,
    @JsonProperty("Name") @Nullable String name,
    @JsonProperty("HostDnsSuffix") @Nullable String hostDnsSuffix,
    @JsonProperty("Ipv4Address") @Nullable String ipv4Address,
    @JsonProperty("Ipv6Address") @Nullable String ipv6Address,
    @JsonProperty("IsSessionMember") @Nullable Boolean isSessionMember,
    @JsonProperty("SyncStatus") @Nullable String syncStatus) {

  /** Copies the lists; a null list becomes empty. */
  public NetworkMember {
    sessionMemberRoles = sessionMemberRoles == null ? List.of() : List.copyOf(sessionMemberRoles);
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
    b.sessionMemberStatus = sessionMemberStatus;
    b.sessionMemberRoles = sessionMemberRoles;
    b.id = id;
    b.name = name;
    b.hostDnsSuffix = hostDnsSuffix;
    b.ipv4Address = ipv4Address;
    b.ipv6Address = ipv6Address;
    b.isSessionMember = isSessionMember;
    b.syncStatus = syncStatus;
    return b;
  }

  /**
   * Builds a {@link NetworkMember}; not thread-safe. Every field starts absent (null, false or
   * empty).
   */
  public static final class Builder {
    private @Nullable SessionMemberStatus sessionMemberStatus;
    private List<String> sessionMemberRoles = List.of();
    private @Nullable String id;
    private @Nullable String name;
    private @Nullable String hostDnsSuffix;
    private @Nullable String ipv4Address;
    private @Nullable String ipv6Address;
    private @Nullable Boolean isSessionMember;
    private @Nullable String syncStatus;

    private Builder() {}

    /**
     * Sets {@code SessionMemberStatus}.
     *
     * @param sessionMemberStatus the value; null for absent
     * @return this builder
     */
    public Builder sessionMemberStatus(@Nullable SessionMemberStatus sessionMemberStatus) {
      this.sessionMemberStatus = sessionMemberStatus;
      return this;
    }

    /**
     * Sets {@code SessionMemberRoles}.
     *
     * @param sessionMemberRoles the value
     * @return this builder
     */
    public Builder sessionMemberRoles(List<String> sessionMemberRoles) {
      this.sessionMemberRoles = List.copyOf(sessionMemberRoles);
      return this;
    }

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
     * Sets {@code HostDnsSuffix}.
     *
     * @param hostDnsSuffix the value; null for absent
     * @return this builder
     */
    public Builder hostDnsSuffix(@Nullable String hostDnsSuffix) {
      this.hostDnsSuffix = hostDnsSuffix;
      return this;
    }

    /**
     * Sets {@code Ipv4Address}.
     *
     * @param ipv4Address the value; null for absent
     * @return this builder
     */
    public Builder ipv4Address(@Nullable String ipv4Address) {
      this.ipv4Address = ipv4Address;
      return this;
    }

    /**
     * Sets {@code Ipv6Address}.
     *
     * @param ipv6Address the value; null for absent
     * @return this builder
     */
    public Builder ipv6Address(@Nullable String ipv6Address) {
      this.ipv6Address = ipv6Address;
      return this;
    }

    /**
     * Sets {@code IsSessionMember}.
     *
     * @param isSessionMember the value; null for absent
     * @return this builder
     */
    public Builder isSessionMember(@Nullable Boolean isSessionMember) {
      this.isSessionMember = isSessionMember;
      return this;
    }

    /**
     * Sets {@code SyncStatus}.
     *
     * @param syncStatus the value; null for absent
     * @return this builder
     */
    public Builder syncStatus(@Nullable String syncStatus) {
      this.syncStatus = syncStatus;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return a new immutable value
     */
    public NetworkMember build() {
      return new NetworkMember(
          sessionMemberStatus,
          sessionMemberRoles,
          id,
          name,
          hostDnsSuffix,
          ipv4Address,
          ipv6Address,
          isSessionMember,
          syncStatus);
    }
  }
}
