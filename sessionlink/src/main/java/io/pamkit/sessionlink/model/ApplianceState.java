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
 * The API's {@code ApplianceState} enumeration.
 *
 * <p>Generated from the appliance's OpenAPI v4 description; {@link #wireName()} is the wire value.
 * A value this version does not know reads as {@link #UNKNOWN}.
 */
public enum ApplianceState implements WireNamed {
  /** Wire value {@code Unknown}. */
  @JsonEnumDefaultValue
  @JsonProperty("Unknown")
  UNKNOWN("Unknown"),

  /** Wire value {@code EnrollingReplica}. */
  @JsonProperty("EnrollingReplica")
  ENROLLING_REPLICA("EnrollingReplica"),

  /** Wire value {@code Initializing}. */
  @JsonProperty("Initializing")
  INITIALIZING("Initializing"),

  /** Wire value {@code LeavingCluster}. */
  @JsonProperty("LeavingCluster")
  LEAVING_CLUSTER("LeavingCluster"),

  /** Wire value {@code Maintenance}. */
  @JsonProperty("Maintenance")
  MAINTENANCE("Maintenance"),

  /** Wire value {@code Offline}. */
  @JsonProperty("Offline")
  OFFLINE("Offline"),

  /** Wire value {@code Online}. */
  @JsonProperty("Online")
  ONLINE("Online"),

  /** Wire value {@code PendingPatch}. */
  @JsonProperty("PendingPatch")
  PENDING_PATCH("PendingPatch"),

  /** Wire value {@code PendingPrimaryReboot}. */
  @JsonProperty("PendingPrimaryReboot")
  PENDING_PRIMARY_REBOOT("PendingPrimaryReboot"),

  /** Wire value {@code PrimaryNoQuorum}. */
  @JsonProperty("PrimaryNoQuorum")
  PRIMARY_NO_QUORUM("PrimaryNoQuorum"),

  /** Wire value {@code Quarantine}. */
  @JsonProperty("Quarantine")
  QUARANTINE("Quarantine"),

  /** Wire value {@code ReplicaDisconnected}. */
  @JsonProperty("ReplicaDisconnected")
  REPLICA_DISCONNECTED("ReplicaDisconnected"),

  /** Wire value {@code ReplicaNoQuorum}. */
  @JsonProperty("ReplicaNoQuorum")
  REPLICA_NO_QUORUM("ReplicaNoQuorum"),

  /** Wire value {@code ReplicaWithQuorum}. */
  @JsonProperty("ReplicaWithQuorum")
  REPLICA_WITH_QUORUM("ReplicaWithQuorum"),

  /** Wire value {@code ShuttingDown}. */
  @JsonProperty("ShuttingDown")
  SHUTTING_DOWN("ShuttingDown"),

  /** Wire value {@code StandaloneReadOnly}. */
  @JsonProperty("StandaloneReadOnly")
  STANDALONE_READ_ONLY("StandaloneReadOnly"),

  /** Wire value {@code TransitioningToPrimary}. */
  @JsonProperty("TransitioningToPrimary")
  TRANSITIONING_TO_PRIMARY("TransitioningToPrimary"),

  /** Wire value {@code TransitioningToReplica}. */
  @JsonProperty("TransitioningToReplica")
  TRANSITIONING_TO_REPLICA("TransitioningToReplica"),

  /** Wire value {@code Isolated}. */
  @JsonProperty("Isolated")
  ISOLATED("Isolated"),

  /** Wire value {@code InitialSetupRequired}. */
  @JsonProperty("InitialSetupRequired")
  INITIAL_SETUP_REQUIRED("InitialSetupRequired"),

  /** Wire value {@code HardwareSecurityModuleError}. */
  @JsonProperty("HardwareSecurityModuleError")
  HARDWARE_SECURITY_MODULE_ERROR("HardwareSecurityModuleError");

  private static final Map<String, ApplianceState> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;

  ApplianceState(String wireName) {
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
  public static Optional<ApplianceState> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
