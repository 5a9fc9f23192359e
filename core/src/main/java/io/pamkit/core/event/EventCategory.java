// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.event;

import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/** The appliance's {@code EventCategory}: the category an event name belongs to. */
public enum EventCategory implements WireNamed {
  /** The appliance's Unknown category. */
  UNKNOWN("Unknown"),
  /** The appliance's ApplianceHistory category. */
  APPLIANCE_HISTORY("ApplianceHistory"),
  /** The appliance's AccessRequest category. */
  ACCESS_REQUEST("AccessRequest"),
  /** The appliance's UserAuthentication category. */
  USER_AUTHENTICATION("UserAuthentication"),
  /** The appliance's ObjectHistory category. */
  OBJECT_HISTORY("ObjectHistory"),
  /** The appliance's PasswordManagement category. */
  PASSWORD_MANAGEMENT("PasswordManagement"),
  /** The appliance's BackupRestore category. */
  BACKUP_RESTORE("BackupRestore"),
  /** The appliance's Patching category. */
  PATCHING("Patching"),
  /** The appliance's Maintenance category. */
  MAINTENANCE("Maintenance"),
  /** The appliance's License category. */
  LICENSE("License"),
  /** The appliance's AssetDiscovery category. */
  ASSET_DISCOVERY("AssetDiscovery"),
  /** The appliance's Clustering category. */
  CLUSTERING("Clustering"),
  /** The appliance's FileReplication category. */
  FILE_REPLICATION("FileReplication"),
  /** The appliance's DirectorySync category. */
  DIRECTORY_SYNC("DirectorySync"),
  /** The appliance's ServiceDiscovery category. */
  SERVICE_DISCOVERY("ServiceDiscovery"),
  /** The appliance's AccountDiscovery category. */
  ACCOUNT_DISCOVERY("AccountDiscovery"),
  /** The appliance's SshKeyDiscovery category. */
  SSH_KEY_DISCOVERY("SshKeyDiscovery"),
  /** The appliance's Archive category. */
  ARCHIVE("Archive");

  private static final Map<String, EventCategory> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;

  /**
   * Returns the appliance's name for this constant, its {@linkplain #wireName() wire name}: e.g.
   * {@code AccessRequest} for {@link #ACCESS_REQUEST}.
   */
  @Override
  public String toString() {
    return wireName;
  }

  EventCategory(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Looks up a constant by its {@linkplain #wireName() wire name}, spelled exactly: {@code
   * AccessRequest} gives {@link #ACCESS_REQUEST}.
   *
   * @param wireName the wire name
   * @return the constant, or empty when no constant has that wire name
   */
  public static Optional<EventCategory> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
