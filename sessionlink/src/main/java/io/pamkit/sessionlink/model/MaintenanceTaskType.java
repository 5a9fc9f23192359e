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
 * The API's {@code MaintenanceTaskType} enumeration.
 *
 * <p>Generated from the appliance's OpenAPI v4 description; {@link #wireName()} is the wire value.
 * A value this version does not know reads as {@link #UNKNOWN}.
 */
public enum MaintenanceTaskType implements WireNamed {
  /** Wire value {@code Unknown}. */
  @JsonEnumDefaultValue
  @JsonProperty("Unknown")
  UNKNOWN("Unknown"),

  /** Wire value {@code None}. */
  @JsonProperty("None")
  NONE("None"),

  /** Wire value {@code Patch}. */
  @JsonProperty("Patch")
  PATCH("Patch"),

  /** Wire value {@code Backup}. */
  @JsonProperty("Backup")
  BACKUP("Backup"),

  /** Wire value {@code Restore}. */
  @JsonProperty("Restore")
  RESTORE("Restore"),

  /** Wire value {@code Configuration}. */
  @JsonProperty("Configuration")
  CONFIGURATION("Configuration"),

  /** Wire value {@code Cleanup}. */
  @JsonProperty("Cleanup")
  CLEANUP("Cleanup"),

  /** Wire value {@code FactoryReset}. */
  @JsonProperty("FactoryReset")
  FACTORY_RESET("FactoryReset"),

  /** Wire value {@code ChangeIpAddress}. */
  @JsonProperty("ChangeIpAddress")
  CHANGE_IP_ADDRESS("ChangeIpAddress"),

  /** Wire value {@code Isolate}. */
  @JsonProperty("Isolate")
  ISOLATE("Isolate"),

  /** Wire value {@code Reintegrate}. */
  @JsonProperty("Reintegrate")
  REINTEGRATE("Reintegrate"),

  /** Wire value {@code LeaveCluster}. */
  @JsonProperty("LeaveCluster")
  LEAVE_CLUSTER("LeaveCluster"),

  /** Wire value {@code Enroll}. */
  @JsonProperty("Enroll")
  ENROLL("Enroll"),

  /** Wire value {@code Failover}. */
  @JsonProperty("Failover")
  FAILOVER("Failover"),

  /** Wire value {@code ClusterReset}. */
  @JsonProperty("ClusterReset")
  CLUSTER_RESET("ClusterReset"),

  /** Wire value {@code JoinReset}. */
  @JsonProperty("JoinReset")
  JOIN_RESET("JoinReset"),

  /** Wire value {@code InitialSetup}. */
  @JsonProperty("InitialSetup")
  INITIAL_SETUP("InitialSetup"),

  /** Wire value {@code AuditLogPurge}. */
  @JsonProperty("AuditLogPurge")
  AUDIT_LOG_PURGE("AuditLogPurge"),

  /** Wire value {@code ExternalHardwareSecurityModuleIntegration}. */
  @JsonProperty("ExternalHardwareSecurityModuleIntegration")
  EXTERNAL_HARDWARE_SECURITY_MODULE_INTEGRATION("ExternalHardwareSecurityModuleIntegration");

  private static final Map<String, MaintenanceTaskType> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;

  MaintenanceTaskType(String wireName) {
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
  public static Optional<MaintenanceTaskType> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
