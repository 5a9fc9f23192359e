// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.event;

/** The appliance's {@code EventCategory}: the category an event name belongs to. */
public enum EventCategory {
  /** The appliance's Unknown category. */
  Unknown,
  /** The appliance's ApplianceHistory category. */
  ApplianceHistory,
  /** The appliance's AccessRequest category. */
  AccessRequest,
  /** The appliance's UserAuthentication category. */
  UserAuthentication,
  /** The appliance's ObjectHistory category. */
  ObjectHistory,
  /** The appliance's PasswordManagement category. */
  PasswordManagement,
  /** The appliance's BackupRestore category. */
  BackupRestore,
  /** The appliance's Patching category. */
  Patching,
  /** The appliance's Maintenance category. */
  Maintenance,
  /** The appliance's License category. */
  License,
  /** The appliance's AssetDiscovery category. */
  AssetDiscovery,
  /** The appliance's Clustering category. */
  Clustering,
  /** The appliance's FileReplication category. */
  FileReplication,
  /** The appliance's DirectorySync category. */
  DirectorySync,
  /** The appliance's ServiceDiscovery category. */
  ServiceDiscovery,
  /** The appliance's AccountDiscovery category. */
  AccountDiscovery,
  /** The appliance's SshKeyDiscovery category. */
  SshKeyDiscovery,
  /** The appliance's Archive category. */
  Archive;
}
