// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The API's {@code ApplianceState} enumeration.
 *
 * <p>Generated from the appliance's OpenAPI v4 description; {@link #apiName()} is the wire value. A
 * value this version does not know reads as {@link #UNKNOWN}.
 */
public enum ApplianceState {
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

  private final String apiName;

  ApplianceState(String apiName) {
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
  public static ApplianceState ofApiName(String apiName) {
    for (ApplianceState v : values()) {
      if (v.apiName.equals(apiName)) {
        return v;
      }
    }
    throw new IllegalArgumentException("not a ApplianceState value: " + apiName);
  }
}
