// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/**
 * Every switch of the appliance's Enable or Disable Services page, under the names the appliance's
 * API uses: the 19 booleans of {@code ServicesConfig} (also the values of the API's {@code
 * ServiceEnabled}), the {@code AuditLogStreamService} and the per-appliance Application to
 * Application service.
 *
 * <p>Every service is on by default except {@link #AUDIT_LOG_STREAM_SERVICE}. The order of the
 * constants is the page's order, grouped by {@link #group()}.
 */
public enum Service implements WireNamed {
  /** Session requests: authorised users can make session access requests. */
  SESSION_REQUESTS_ENABLED(
      "SessionRequestsEnabled",
      ServiceGroup.REQUESTS,
      ServiceKind.SESSION_REQUESTS,
      "Session Requests Enabled",
      true),
  /** Password requests: authorised users can make password release requests. */
  PASSWORD_REQUESTS_ENABLED(
      "PasswordRequestsEnabled",
      ServiceGroup.REQUESTS,
      ServiceKind.RELEASE_REQUESTS,
      "Password requests",
      true),
  /** SSH key requests: authorised users can make SSH key release requests. */
  SSH_KEY_REQUESTS_ENABLED(
      "SshKeyRequestsEnabled",
      ServiceGroup.REQUESTS,
      ServiceKind.RELEASE_REQUESTS,
      "SSH Key requests",
      true),
  /** API key requests: like password requests, for API keys. */
  API_KEY_REQUESTS_ENABLED(
      "ApiKeyRequestsEnabled",
      ServiceGroup.REQUESTS,
      ServiceKind.RELEASE_REQUESTS,
      "API Key requests",
      true),
  /** File requests: like password requests, for files. */
  FILE_REQUESTS_ENABLED(
      "FileRequestsEnabled",
      ServiceGroup.REQUESTS,
      ServiceKind.RELEASE_REQUESTS,
      "File requests",
      true),
  /** Check password management: scheduled and manual password checks. */
  PASSWORD_CHECK_ENABLED(
      "PasswordCheckEnabled",
      ServiceGroup.PASSWORD_MANAGEMENT,
      ServiceKind.TASK,
      "Check password management",
      true),
  /** Change password management: scheduled and manual password changes (resets). */
  PASSWORD_CHANGE_ENABLED(
      "PasswordChangeEnabled",
      ServiceGroup.PASSWORD_MANAGEMENT,
      ServiceKind.TASK,
      "Change password management",
      true),
  /** Check SSH key: scheduled and manual SSH key checks. */
  SSH_KEY_CHECK_ENABLED(
      "SshKeyCheckEnabled",
      ServiceGroup.SSH_KEY_MANAGEMENT,
      ServiceKind.TASK,
      "Check SSH Key",
      true),
  /** Change SSH key: scheduled and manual SSH key changes. */
  SSH_KEY_CHANGE_ENABLED(
      "SshKeyChangeEnabled",
      ServiceGroup.SSH_KEY_MANAGEMENT,
      ServiceKind.TASK,
      "Change SSH Key",
      true),
  /** Check API key: like check password, for API keys. */
  API_KEY_CHECK_ENABLED(
      "ApiKeyCheckEnabled",
      ServiceGroup.API_KEY_MANAGEMENT,
      ServiceKind.TASK,
      "Check API Key",
      true),
  /** Change API key: like change password, for API keys. */
  API_KEY_CHANGE_ENABLED(
      "ApiKeyChangeEnabled",
      ServiceGroup.API_KEY_MANAGEMENT,
      ServiceKind.TASK,
      "Change API Key",
      true),
  /** Check file: like check password, for files. */
  FILE_CHECK_ENABLED(
      "FileCheckEnabled", ServiceGroup.FILE_MANAGEMENT, ServiceKind.TASK, "Check File", true),
  /** Change file: like change password, for files. */
  FILE_CHANGE_ENABLED(
      "FileChangeEnabled", ServiceGroup.FILE_MANAGEMENT, ServiceKind.TASK, "Change File", true),
  /** Asset discovery jobs. */
  ASSET_DISCOVERY_ENABLED(
      "AssetDiscoveryEnabled", ServiceGroup.DISCOVERY, ServiceKind.TASK, "Asset discovery", true),
  /** Account discovery jobs. */
  DISCOVER_ACCOUNTS_ENABLED(
      "DiscoverAccountsEnabled",
      ServiceGroup.DISCOVERY,
      ServiceKind.TASK,
      "Account discovery",
      true),
  /** Service discovery jobs. */
  DISCOVER_SERVICES_ENABLED(
      "DiscoverServicesEnabled",
      ServiceGroup.DISCOVERY,
      ServiceKind.TASK,
      "Service discovery",
      true),
  /** SSH key discovery in managed accounts. */
  SSH_KEY_DISCOVERY_ENABLED(
      "SshKeyDiscoveryEnabled",
      ServiceGroup.DISCOVERY,
      ServiceKind.TASK,
      "SSH Key discovery",
      true),
  /** Directory sync: additions and deletions in directory assets are synchronised. */
  DIRECTORY_SYNC_ENABLED(
      "DirectorySyncEnabled", ServiceGroup.DIRECTORY, ServiceKind.TASK, "Directory sync", true),
  /** SCIM provisioning (API only). */
  SCIM_PROVISIONING_ENABLED(
      "ScimProvisioningEnabled",
      ServiceGroup.PROVISIONING,
      ServiceKind.TASK,
      "SCIM provisioning",
      true),
  /**
   * Audit Log Stream Service: sends the appliance's audit data to the linked session appliance. Off
   * by default; needs a linked session appliance to be switched on.
   */
  AUDIT_LOG_STREAM_SERVICE(
      "AuditLogStreamService",
      ServiceGroup.AUDIT,
      ServiceKind.AUDIT_LOG_STREAM,
      "Audit Log Stream Service",
      false),
  /**
   * Application to Application Enabled (this appliance only): the A2A connection behind a web
   * application firewall via the TLS termination reverse proxy.
   */
  APPLICATION_TO_APPLICATION_ENABLED(
      "ApplicationToApplicationEnabled",
      ServiceGroup.APPLICATION_TO_APPLICATION,
      ServiceKind.APPLICATION_TO_APPLICATION,
      "Application to Application Enabled (This appliance only)",
      true);

  private static final Service[] VALUES = values();
  private static final Map<String, Service> BY_WIRE_NAME = WireNames.index(VALUES);

  private final String wireName;
  private final ServiceGroup group;
  private final ServiceKind kind;
  private final String title;
  private final boolean enabledByDefault;

  Service(
      String wireName,
      ServiceGroup group,
      ServiceKind kind,
      String title,
      boolean enabledByDefault) {
    this.wireName = wireName;
    this.group = group;
    this.kind = kind;
    this.title = title;
    this.enabledByDefault = enabledByDefault;
  }

  /**
   * Returns the name the appliance's API uses, its wire name: the {@code ServicesConfig} field
   * name, {@code AuditLogStreamService}, or {@code ApplicationToApplicationEnabled}. Documents and
   * pamkit's output use it, never {@link #name()}.
   *
   * @return the wire name, e.g. {@code PasswordChangeEnabled}
   */
  @Override
  public String wireName() {
    return wireName;
  }

  /**
   * Returns {@link #wireName()}, so that messages and logs show the appliance's name.
   *
   * @return the wire name
   */
  @Override
  public String toString() {
    return wireName;
  }

  /**
   * Returns the page section the switch is shown in.
   *
   * @return the group
   */
  public ServiceGroup group() {
    return group;
  }

  /**
   * Returns how switching the service off is enforced.
   *
   * @return the kind
   */
  public ServiceKind kind() {
    return kind;
  }

  /**
   * Returns the label the page shows.
   *
   * @return the title, e.g. {@code "Check password management"}
   */
  public String title() {
    return title;
  }

  /**
   * Returns the default state: on for every service except {@link #AUDIT_LOG_STREAM_SERVICE}.
   *
   * @return true when on by default
   */
  public boolean enabledByDefault() {
    return enabledByDefault;
  }

  /**
   * Returns whether the service is one of the 19 booleans of the API's {@code ServicesConfig}.
   *
   * @return true for the cluster-wide services configuration switches
   */
  public boolean inServicesConfig() {
    return kind != ServiceKind.AUDIT_LOG_STREAM && kind != ServiceKind.APPLICATION_TO_APPLICATION;
  }

  /**
   * Finds a service by its {@linkplain #wireName() wire name} (exact, case-sensitive).
   *
   * @param wireName a name such as {@code "PasswordChangeEnabled"}
   * @return the service, or empty when unknown
   */
  public static Optional<Service> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }

  static Service at(int ordinal) {
    return VALUES[ordinal];
  }

  static int count() {
    return VALUES.length;
  }
}
