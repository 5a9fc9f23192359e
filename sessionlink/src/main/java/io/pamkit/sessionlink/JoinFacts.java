// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What is known about both appliances before a join, for {@link JoinPreflight}. Every fact is
 * optional: an unknown fact makes its check {@link CheckStatus#UNKNOWN}, with what to verify.
 *
 * <p>Immutable and thread-safe; the builder is not.
 */
public final class JoinFacts {
  final @Nullable Boolean centralManagementNode;
  final @Nullable Boolean configurationSyncEnabled;
  final @Nullable String sppAddress;
  final @Nullable Set<String> sppAccountPermissions;
  final @Nullable List<String> spsPolicyNames;
  final @Nullable Boolean port8649Reachable;
  final @Nullable Boolean port443Reachable;
  final @Nullable ApplianceVersion sppVersion;
  final @Nullable ApplianceVersion spsVersion;
  final @Nullable List<SpsNode> spsNodes;
  final @Nullable Boolean sppIsPrimary;
  final @Nullable List<String> sppCertificateNames;
  final @Nullable Instant lastFailedJoin;

  private JoinFacts(Builder b) {
    centralManagementNode = b.centralManagementNode;
    configurationSyncEnabled = b.configurationSyncEnabled;
    sppAddress = b.sppAddress;
    sppAccountPermissions = b.sppAccountPermissions;
    spsPolicyNames = b.spsPolicyNames;
    port8649Reachable = b.port8649Reachable;
    port443Reachable = b.port443Reachable;
    sppVersion = b.sppVersion;
    spsVersion = b.spsVersion;
    spsNodes = b.spsNodes;
    sppIsPrimary = b.sppIsPrimary;
    sppCertificateNames = b.sppCertificateNames;
    lastFailedJoin = b.lastFailedJoin;
  }

  /**
   * Returns a builder with every fact unknown.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link JoinFacts}; not thread-safe. Every fact defaults to unknown. */
  public static final class Builder {
    private @Nullable Boolean centralManagementNode;
    private @Nullable Boolean configurationSyncEnabled;
    private @Nullable String sppAddress;
    private @Nullable Set<String> sppAccountPermissions;
    private @Nullable List<String> spsPolicyNames;
    private @Nullable Boolean port8649Reachable;
    private @Nullable Boolean port443Reachable;
    private @Nullable ApplianceVersion sppVersion;
    private @Nullable ApplianceVersion spsVersion;
    private @Nullable List<SpsNode> spsNodes;
    private @Nullable Boolean sppIsPrimary;
    private @Nullable List<String> sppCertificateNames;
    private @Nullable Instant lastFailedJoin;

    private Builder() {}

    /**
     * Sets whether the SPS node joining is the Central Management node of an SPS cluster (a single
     * standalone node must be promoted to its own single-node cluster).
     *
     * @param value the fact
     * @return this builder
     */
    public Builder centralManagementNode(boolean value) {
      this.centralManagementNode = value;
      return this;
    }

    /**
     * Sets whether configuration synchronisation is enabled between the SPS cluster's nodes.
     *
     * @param value the fact
     * @return this builder
     */
    public Builder configurationSyncEnabled(boolean value) {
      this.configurationSyncEnabled = value;
      return this;
    }

    /**
     * Sets the SPP address the join will use (its primary's IPv4 address or host name).
     *
     * @param address the address
     * @return this builder
     */
    public Builder sppAddress(String address) {
      this.sppAddress = requireNonNull(address, "address");
      return this;
    }

    /**
     * Sets the permissions of the SPP account the join logs in with, as admin role names ({@code
     * ApplianceAdmin}, {@code OperationsAdmin}, ...).
     *
     * @param permissions the role names
     * @return this builder
     */
    public Builder sppAccountPermissions(Set<String> permissions) {
      this.sppAccountPermissions = Set.copyOf(permissions);
      return this;
    }

    /**
     * Sets the names of the existing SPS policies (connection, channel, credential store, ...).
     *
     * @param names the names
     * @return this builder
     */
    public Builder spsPolicyNames(List<String> names) {
      this.spsPolicyNames = List.copyOf(names);
      return this;
    }

    /**
     * Sets whether SPP and SPS nodes reach each other on TCP 8649.
     *
     * @param value the fact
     * @return this builder
     */
    public Builder port8649Reachable(boolean value) {
      this.port8649Reachable = value;
      return this;
    }

    /**
     * Sets whether SPS reaches SPP over HTTPS on TCP 443 (needed once, during the join).
     *
     * @param value the fact
     * @return this builder
     */
    public Builder port443Reachable(boolean value) {
      this.port443Reachable = value;
      return this;
    }

    /**
     * Sets both appliances' versions.
     *
     * @param spp the password appliance's version
     * @param sps the session appliance's version
     * @return this builder
     */
    public Builder versions(ApplianceVersion spp, ApplianceVersion sps) {
      this.sppVersion = requireNonNull(spp, "spp");
      this.spsVersion = requireNonNull(sps, "sps");
      return this;
    }

    /**
     * Sets the nodes of the SPS cluster with their roles.
     *
     * @param nodes the nodes
     * @return this builder
     */
    public Builder spsNodes(List<SpsNode> nodes) {
      this.spsNodes = List.copyOf(nodes);
      return this;
    }

    /**
     * Sets whether the SPP address is the cluster's primary ({@code Status.IsPrimary}).
     *
     * @param value the fact
     * @return this builder
     */
    public Builder sppIsPrimary(boolean value) {
      this.sppIsPrimary = value;
      return this;
    }

    /**
     * Sets the names (CN or subjectAltName entries) of SPP's SSL server certificate.
     *
     * @param names the names
     * @return this builder
     */
    public Builder sppCertificateNames(List<String> names) {
      this.sppCertificateNames = List.copyOf(names);
      return this;
    }

    /**
     * Sets when the last join attempt failed.
     *
     * @param when the time of the failure
     * @return this builder
     */
    public Builder lastFailedJoin(Instant when) {
      this.lastFailedJoin = requireNonNull(when, "when");
      return this;
    }

    /**
     * Builds the facts.
     *
     * @return the facts
     */
    public JoinFacts build() {
      return new JoinFacts(this);
    }
  }
}
