// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Appliance States: Unknown: The current appliance state cannot be determined. (default)
 * Disconnected: The current appliance has lost communication to the cluster primary appliance for
 * an unexpected reason. EnrollingReplica: The current appliance is in the process of enrolling a
 * cluster replica appliance. Initializing: The current appliance is transitioning to 'Online'.
 * LeavingCluster: The current appliance is in the process of leaving a cluster. Maintenance: The
 * appliance is performing maintenance. Offline: Initial state after being powered on and final
 * state before being powered off. Online: Normal Operating State PendingPatch: The current
 * appliance is waiting for a signal from the cluster primary appliance to install a distributed
 * patch. PendingPrimaryReboot: The current appliance is waiting for a signal from the cluster
 * primary appliance that it has finished a planned reboot. PrimaryReadOnly: The current appliance
 * failed to renew its lease as the cluster primary and is in a read only state. Quarantine: An
 * error has occurred which requires user intervention. ShuttingDown: The current appliance is
 * transitioning to 'Offline'. StandaloneReadOnly: The current appliance has left a cluster and is
 * read-only pending user intervention. TransitioningToPrimary: The current appliance is in the
 * process of becoming the primary appliance in the current cluster. TransitioningToReplica: The
 * current appliance is in the process of becoming a replica in the current cluster.
 *
 * <p>Mirrors the API's {@code Status} schema field for field (JSON names in PascalCase, as on the
 * wire). Absent or null values are {@code null}; absent lists are empty.
 *
 * @param applianceCurrentState The {@code ApplianceCurrentState} value.
 * @param applianceId The appliance unique identifier.
 * @param applianceName The appliance name.
 * @param appliancePreviousState The {@code AppliancePreviousState} value.
 * @param applianceVersion The version number of the appliance.
 * @param currentTime The current UTC time on the appliance.
 * @param lastStateChangeTime Last UTC time the appliance changed state.
 * @param isIsolated True if the appliance is in an isolated state allowing access requests separate
 *     from the cluster to which it belongs. False if not or unknown.
 * @param isMaintenance True if the appliance is in a maintenance state. False if not or unknown.
 * @param isPrimary True if this appliance is configured as a primary. False if not or unknown.
 * @param isQuarantine True if the appliance is in a quarantine state. False if not or unknown.
 * @param isReadOnly True if the appliance is in a read only state. False if not or unknown.
 * @param isReplica True if this appliance is configured as a replica. False if not or unknown.
 * @param isSessionsExternal True if a sessions module has been successfully linked to this cluster
 *     at one time. (Read-only.)
 * @param lcdStatus The message displayed on the hardware LCD.
 * @param maintenanceOperation The {@code MaintenanceOperation} value.
 * @param ipAddress The IP address of the appliance.
 * @param isVirtual True if the appliance is a virtual machine.
 * @param isOperatingSystemLicensed True if the Operating System has been licensed.
 * @param isCloud True if the appliance is a virtual machine built for a cloud environment.
 * @param osPatchLevel Os Patch Level.
 * @param operatingSystemVersion Includes UBR/Revision number.
 * @param hostDnsSuffix The appliance host dns suffix.
 * @param isSessionModuleJoined True if have at least one linked and trusted session module. Null if
 *     the status cannot be determined at this time.
 * @param isStaAccepted True if Software Transaction Agreement has been accepted, false or null
 *     otherwise false if the STA Acceptance has been revoked due to a license update or removal,
 *     null if no STA transactions have occurred yet (i.e. the appliance is basically unusable).
 */
public record ApplianceStatus(
    @JsonProperty("ApplianceCurrentState") @Nullable ApplianceState applianceCurrentState,
    @JsonProperty("ApplianceId") @Nullable String applianceId,
    @JsonProperty("ApplianceName") @Nullable String applianceName,
    @JsonProperty("AppliancePreviousState") @Nullable ApplianceState appliancePreviousState,
    @JsonProperty("ApplianceVersion") @Nullable String applianceVersion,
    @JsonProperty("CurrentTime") @Nullable Instant currentTime,
    @JsonProperty("LastStateChangeTime") @Nullable Instant lastStateChangeTime,
    @JsonProperty("IsIsolated") @Nullable Boolean isIsolated,
    @JsonProperty("IsMaintenance") @Nullable Boolean isMaintenance,
    @JsonProperty("IsPrimary") @Nullable Boolean isPrimary,
    @JsonProperty("IsQuarantine") @Nullable Boolean isQuarantine,
    @JsonProperty("IsReadOnly") @Nullable Boolean isReadOnly,
    @JsonProperty("IsReplica") @Nullable Boolean isReplica,
    @JsonProperty("IsSessionsExternal") @Nullable Boolean isSessionsExternal,
    @JsonProperty("LcdStatus") @Nullable String lcdStatus,
    @JsonProperty("MaintenanceOperation") @Nullable MaintenanceTaskType maintenanceOperation,
    @JsonProperty("IpAddress") @Nullable String ipAddress,
    @JsonProperty("IsVirtual") @Nullable Boolean isVirtual,
    @JsonProperty("IsOperatingSystemLicensed") @Nullable Boolean isOperatingSystemLicensed,
    @JsonProperty("IsCloud") @Nullable Boolean isCloud,
    @JsonProperty("OsPatchLevel") @Nullable Integer osPatchLevel,
    @JsonProperty("OperatingSystemVersion") @Nullable String operatingSystemVersion,
    @JsonProperty("HostDnsSuffix") @Nullable String hostDnsSuffix,
    @JsonProperty("IsSessionModuleJoined") @Nullable Boolean isSessionModuleJoined,
    @JsonProperty("IsStaAccepted") @Nullable Boolean isStaAccepted) {

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
    b.applianceCurrentState = applianceCurrentState;
    b.applianceId = applianceId;
    b.applianceName = applianceName;
    b.appliancePreviousState = appliancePreviousState;
    b.applianceVersion = applianceVersion;
    b.currentTime = currentTime;
    b.lastStateChangeTime = lastStateChangeTime;
    b.isIsolated = isIsolated;
    b.isMaintenance = isMaintenance;
    b.isPrimary = isPrimary;
    b.isQuarantine = isQuarantine;
    b.isReadOnly = isReadOnly;
    b.isReplica = isReplica;
    b.isSessionsExternal = isSessionsExternal;
    b.lcdStatus = lcdStatus;
    b.maintenanceOperation = maintenanceOperation;
    b.ipAddress = ipAddress;
    b.isVirtual = isVirtual;
    b.isOperatingSystemLicensed = isOperatingSystemLicensed;
    b.isCloud = isCloud;
    b.osPatchLevel = osPatchLevel;
    b.operatingSystemVersion = operatingSystemVersion;
    b.hostDnsSuffix = hostDnsSuffix;
    b.isSessionModuleJoined = isSessionModuleJoined;
    b.isStaAccepted = isStaAccepted;
    return b;
  }

  /**
   * Builds a {@link ApplianceStatus}; not thread-safe. Every field starts absent (null, false or
   * empty).
   */
  public static final class Builder {
    private @Nullable ApplianceState applianceCurrentState;
    private @Nullable String applianceId;
    private @Nullable String applianceName;
    private @Nullable ApplianceState appliancePreviousState;
    private @Nullable String applianceVersion;
    private @Nullable Instant currentTime;
    private @Nullable Instant lastStateChangeTime;
    private @Nullable Boolean isIsolated;
    private @Nullable Boolean isMaintenance;
    private @Nullable Boolean isPrimary;
    private @Nullable Boolean isQuarantine;
    private @Nullable Boolean isReadOnly;
    private @Nullable Boolean isReplica;
    private @Nullable Boolean isSessionsExternal;
    private @Nullable String lcdStatus;
    private @Nullable MaintenanceTaskType maintenanceOperation;
    private @Nullable String ipAddress;
    private @Nullable Boolean isVirtual;
    private @Nullable Boolean isOperatingSystemLicensed;
    private @Nullable Boolean isCloud;
    private @Nullable Integer osPatchLevel;
    private @Nullable String operatingSystemVersion;
    private @Nullable String hostDnsSuffix;
    private @Nullable Boolean isSessionModuleJoined;
    private @Nullable Boolean isStaAccepted;

    private Builder() {}

    /**
     * Sets {@code ApplianceCurrentState}.
     *
     * @param applianceCurrentState the value; null for absent
     * @return this builder
     */
    public Builder applianceCurrentState(@Nullable ApplianceState applianceCurrentState) {
      this.applianceCurrentState = applianceCurrentState;
      return this;
    }

    /**
     * Sets {@code ApplianceId}.
     *
     * @param applianceId the value; null for absent
     * @return this builder
     */
    public Builder applianceId(@Nullable String applianceId) {
      this.applianceId = applianceId;
      return this;
    }

    /**
     * Sets {@code ApplianceName}.
     *
     * @param applianceName the value; null for absent
     * @return this builder
     */
    public Builder applianceName(@Nullable String applianceName) {
      this.applianceName = applianceName;
      return this;
    }

    /**
     * Sets {@code AppliancePreviousState}.
     *
     * @param appliancePreviousState the value; null for absent
     * @return this builder
     */
    public Builder appliancePreviousState(@Nullable ApplianceState appliancePreviousState) {
      this.appliancePreviousState = appliancePreviousState;
      return this;
    }

    /**
     * Sets {@code ApplianceVersion}.
     *
     * @param applianceVersion the value; null for absent
     * @return this builder
     */
    public Builder applianceVersion(@Nullable String applianceVersion) {
      this.applianceVersion = applianceVersion;
      return this;
    }

    /**
     * Sets {@code CurrentTime}.
     *
     * @param currentTime the value; null for absent
     * @return this builder
     */
    public Builder currentTime(@Nullable Instant currentTime) {
      this.currentTime = currentTime;
      return this;
    }

    /**
     * Sets {@code LastStateChangeTime}.
     *
     * @param lastStateChangeTime the value; null for absent
     * @return this builder
     */
    public Builder lastStateChangeTime(@Nullable Instant lastStateChangeTime) {
      this.lastStateChangeTime = lastStateChangeTime;
      return this;
    }

    /**
     * Sets {@code IsIsolated}.
     *
     * @param isIsolated the value; null for absent
     * @return this builder
     */
    public Builder isIsolated(@Nullable Boolean isIsolated) {
      this.isIsolated = isIsolated;
      return this;
    }

    /**
     * Sets {@code IsMaintenance}.
     *
     * @param isMaintenance the value; null for absent
     * @return this builder
     */
    public Builder isMaintenance(@Nullable Boolean isMaintenance) {
      this.isMaintenance = isMaintenance;
      return this;
    }

    /**
     * Sets {@code IsPrimary}.
     *
     * @param isPrimary the value; null for absent
     * @return this builder
     */
    public Builder isPrimary(@Nullable Boolean isPrimary) {
      this.isPrimary = isPrimary;
      return this;
    }

    /**
     * Sets {@code IsQuarantine}.
     *
     * @param isQuarantine the value; null for absent
     * @return this builder
     */
    public Builder isQuarantine(@Nullable Boolean isQuarantine) {
      this.isQuarantine = isQuarantine;
      return this;
    }

    /**
     * Sets {@code IsReadOnly}.
     *
     * @param isReadOnly the value; null for absent
     * @return this builder
     */
    public Builder isReadOnly(@Nullable Boolean isReadOnly) {
      this.isReadOnly = isReadOnly;
      return this;
    }

    /**
     * Sets {@code IsReplica}.
     *
     * @param isReplica the value; null for absent
     * @return this builder
     */
    public Builder isReplica(@Nullable Boolean isReplica) {
      this.isReplica = isReplica;
      return this;
    }

    /**
     * Sets {@code IsSessionsExternal}.
     *
     * @param isSessionsExternal the value; null for absent
     * @return this builder
     */
    public Builder isSessionsExternal(@Nullable Boolean isSessionsExternal) {
      this.isSessionsExternal = isSessionsExternal;
      return this;
    }

    /**
     * Sets {@code LcdStatus}.
     *
     * @param lcdStatus the value; null for absent
     * @return this builder
     */
    public Builder lcdStatus(@Nullable String lcdStatus) {
      this.lcdStatus = lcdStatus;
      return this;
    }

    /**
     * Sets {@code MaintenanceOperation}.
     *
     * @param maintenanceOperation the value; null for absent
     * @return this builder
     */
    public Builder maintenanceOperation(@Nullable MaintenanceTaskType maintenanceOperation) {
      this.maintenanceOperation = maintenanceOperation;
      return this;
    }

    /**
     * Sets {@code IpAddress}.
     *
     * @param ipAddress the value; null for absent
     * @return this builder
     */
    public Builder ipAddress(@Nullable String ipAddress) {
      this.ipAddress = ipAddress;
      return this;
    }

    /**
     * Sets {@code IsVirtual}.
     *
     * @param isVirtual the value; null for absent
     * @return this builder
     */
    public Builder isVirtual(@Nullable Boolean isVirtual) {
      this.isVirtual = isVirtual;
      return this;
    }

    /**
     * Sets {@code IsOperatingSystemLicensed}.
     *
     * @param isOperatingSystemLicensed the value; null for absent
     * @return this builder
     */
    public Builder isOperatingSystemLicensed(@Nullable Boolean isOperatingSystemLicensed) {
      this.isOperatingSystemLicensed = isOperatingSystemLicensed;
      return this;
    }

    /**
     * Sets {@code IsCloud}.
     *
     * @param isCloud the value; null for absent
     * @return this builder
     */
    public Builder isCloud(@Nullable Boolean isCloud) {
      this.isCloud = isCloud;
      return this;
    }

    /**
     * Sets {@code OsPatchLevel}.
     *
     * @param osPatchLevel the value; null for absent
     * @return this builder
     */
    public Builder osPatchLevel(@Nullable Integer osPatchLevel) {
      this.osPatchLevel = osPatchLevel;
      return this;
    }

    /**
     * Sets {@code OperatingSystemVersion}.
     *
     * @param operatingSystemVersion the value; null for absent
     * @return this builder
     */
    public Builder operatingSystemVersion(@Nullable String operatingSystemVersion) {
      this.operatingSystemVersion = operatingSystemVersion;
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
     * Sets {@code IsSessionModuleJoined}.
     *
     * @param isSessionModuleJoined the value; null for absent
     * @return this builder
     */
    public Builder isSessionModuleJoined(@Nullable Boolean isSessionModuleJoined) {
      this.isSessionModuleJoined = isSessionModuleJoined;
      return this;
    }

    /**
     * Sets {@code IsStaAccepted}.
     *
     * @param isStaAccepted the value; null for absent
     * @return this builder
     */
    public Builder isStaAccepted(@Nullable Boolean isStaAccepted) {
      this.isStaAccepted = isStaAccepted;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return a new immutable value
     */
    public ApplianceStatus build() {
      return new ApplianceStatus(
          applianceCurrentState,
          applianceId,
          applianceName,
          appliancePreviousState,
          applianceVersion,
          currentTime,
          lastStateChangeTime,
          isIsolated,
          isMaintenance,
          isPrimary,
          isQuarantine,
          isReadOnly,
          isReplica,
          isSessionsExternal,
          lcdStatus,
          maintenanceOperation,
          ipAddress,
          isVirtual,
          isOperatingSystemLicensed,
          isCloud,
          osPatchLevel,
          operatingSystemVersion,
          hostDnsSuffix,
          isSessionModuleJoined,
          isStaAccepted);
    }
  }
}
