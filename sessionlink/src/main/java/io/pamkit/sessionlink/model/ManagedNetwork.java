// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Represents a set of network subnets that are used to associate assets with appliances that will
 * provide services to those assets e.g., password check/change and access request sessions. This
 * association is automatically assigned based on IP address but can be manually overridden by the
 * user.
 *
 * <p>Mirrors the API's {@code ManagedNetwork} schema field for field (JSON names in PascalCase, as
 * on the wire). Absent or null values are {@code null}; absent lists are empty. The schema requires
 * {@code Name}; the client checks that before sending, not here, so partial responses (the {@code
 * fields} query) still read.
 *
 * @param id Unique database ID of this entity.
 * @param name Name of this entity.
 * @param description Description of this entity.
 * @param isSystemOwned Whether this is a system owned entity. If true, entity cannot be modified or
 *     deleted.
 * @param createdDate Date this entity was created (Read-only).
 * @param createdByUserId The database ID of the user that created this entity (Read-only).
 * @param createdByUserDisplayName The display name of the user that created this entity
 *     (Read-only).
 * @param subnets Set of subnets managed by this entity. A subnet may not be assigned to multiple
 *     managed networks though overlapping subnets are allowed.
 * @param members Set of network members that are assigned to managed this network.
 */
public record ManagedNetwork(
    @JsonProperty("Id") @Nullable Integer id,
    @JsonProperty("Name") @Nullable String name,
    @JsonProperty("Description") @Nullable String description,
    @JsonProperty("IsSystemOwned") @Nullable Boolean isSystemOwned,
    @JsonProperty("CreatedDate") @Nullable Instant createdDate,
    @JsonProperty("CreatedByUserId") @Nullable Integer createdByUserId,
    @JsonProperty("CreatedByUserDisplayName") @Nullable String createdByUserDisplayName,
    @JsonProperty("Subnets") List<NetworkSubnet> subnets,
    @JsonProperty("Members") List<NetworkMember> members) {

  /** Copies the lists; a null list becomes empty. */
  public ManagedNetwork {
    subnets = subnets == null ? List.of() : List.copyOf(subnets);
    members = members == null ? List.of() : List.copyOf(members);
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
    b.description = description;
    b.isSystemOwned = isSystemOwned;
    b.createdDate = createdDate;
    b.createdByUserId = createdByUserId;
    b.createdByUserDisplayName = createdByUserDisplayName;
    b.subnets = subnets;
    b.members = members;
    return b;
  }

  /**
   * Builds a {@link ManagedNetwork}; not thread-safe. Every field starts absent (null, false or
   * empty).
   */
  public static final class Builder {
    private @Nullable Integer id;
    private @Nullable String name;
    private @Nullable String description;
    private @Nullable Boolean isSystemOwned;
    private @Nullable Instant createdDate;
    private @Nullable Integer createdByUserId;
    private @Nullable String createdByUserDisplayName;
    private List<NetworkSubnet> subnets = List.of();
    private List<NetworkMember> members = List.of();

    private Builder() {}

    /**
     * Sets {@code Id}.
     *
     * @param id the value; null for absent
     * @return this builder
     */
    public Builder id(@Nullable Integer id) {
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
     * Sets {@code Description}.
     *
     * @param description the value; null for absent
     * @return this builder
     */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets {@code IsSystemOwned}.
     *
     * @param isSystemOwned the value; null for absent
     * @return this builder
     */
    public Builder isSystemOwned(@Nullable Boolean isSystemOwned) {
      this.isSystemOwned = isSystemOwned;
      return this;
    }

    /**
     * Sets {@code CreatedDate}.
     *
     * @param createdDate the value; null for absent
     * @return this builder
     */
    public Builder createdDate(@Nullable Instant createdDate) {
      this.createdDate = createdDate;
      return this;
    }

    /**
     * Sets {@code CreatedByUserId}.
     *
     * @param createdByUserId the value; null for absent
     * @return this builder
     */
    public Builder createdByUserId(@Nullable Integer createdByUserId) {
      this.createdByUserId = createdByUserId;
      return this;
    }

    /**
     * Sets {@code CreatedByUserDisplayName}.
     *
     * @param createdByUserDisplayName the value; null for absent
     * @return this builder
     */
    public Builder createdByUserDisplayName(@Nullable String createdByUserDisplayName) {
      this.createdByUserDisplayName = createdByUserDisplayName;
      return this;
    }

    /**
     * Sets {@code Subnets}.
     *
     * @param subnets the value
     * @return this builder
     */
    public Builder subnets(List<NetworkSubnet> subnets) {
      this.subnets = List.copyOf(subnets);
      return this;
    }

    /**
     * Sets {@code Members}.
     *
     * @param members the value
     * @return this builder
     */
    public Builder members(List<NetworkMember> members) {
      this.members = List.copyOf(members);
      return this;
    }

    /**
     * Builds the value.
     *
     * @return a new immutable value
     */
    public ManagedNetwork build() {
      return new ManagedNetwork(
          id,
          name,
          description,
          isSystemOwned,
          createdDate,
          createdByUserId,
          createdByUserDisplayName,
          subnets,
          members);
    }
  }
}
