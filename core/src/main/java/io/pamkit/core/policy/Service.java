// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import java.util.Optional;

/**
 * Every switch of the appliance's Enable or Disable Services page, under the names the appliance's
 * API uses: the 19 booleans of {@code ServicesConfig} (also the values of the API's {@code
 * ServiceEnabled}), the {@code AuditLogStreamService} and the per-appliance Application to
 * Application service.
 *
 * <p>Every service is on by default except {@link #AuditLogStreamService}. The order of the
 * constants is the page's order, grouped by {@link #group()}.
 */
public enum Service {
  /** Session requests: authorised users can make session access requests. */
  SessionRequestsEnabled(
      ServiceGroup.Requests, ServiceKind.SessionRequests, "Session Requests Enabled", true),
  /** Password requests: authorised users can make password release requests. */
  PasswordRequestsEnabled(
      ServiceGroup.Requests, ServiceKind.ReleaseRequests, "Password requests", true),
  /** SSH key requests: authorised users can make SSH key release requests. */
  SshKeyRequestsEnabled(
      ServiceGroup.Requests, ServiceKind.ReleaseRequests, "SSH Key requests", true),
  /** API key requests: like password requests, for API keys. */
  ApiKeyRequestsEnabled(
      ServiceGroup.Requests, ServiceKind.ReleaseRequests, "API Key requests", true),
  /** File requests: like password requests, for files. */
  FileRequestsEnabled(ServiceGroup.Requests, ServiceKind.ReleaseRequests, "File requests", true),
  /** Check password management: scheduled and manual password checks. */
  PasswordCheckEnabled(
      ServiceGroup.PasswordManagement, ServiceKind.Task, "Check password management", true),
  /** Change password management: scheduled and manual password changes (resets). */
  PasswordChangeEnabled(
      ServiceGroup.PasswordManagement, ServiceKind.Task, "Change password management", true),
  /** Check SSH key: scheduled and manual SSH key checks. */
  SshKeyCheckEnabled(ServiceGroup.SshKeyManagement, ServiceKind.Task, "Check SSH Key", true),
  /** Change SSH key: scheduled and manual SSH key changes. */
  SshKeyChangeEnabled(ServiceGroup.SshKeyManagement, ServiceKind.Task, "Change SSH Key", true),
  /** Check API key: like check password, for API keys. */
  ApiKeyCheckEnabled(ServiceGroup.ApiKeyManagement, ServiceKind.Task, "Check API Key", true),
  /** Change API key: like change password, for API keys. */
  ApiKeyChangeEnabled(ServiceGroup.ApiKeyManagement, ServiceKind.Task, "Change API Key", true),
  /** Check file: like check password, for files. */
  FileCheckEnabled(ServiceGroup.FileManagement, ServiceKind.Task, "Check File", true),
  /** Change file: like change password, for files. */
  FileChangeEnabled(ServiceGroup.FileManagement, ServiceKind.Task, "Change File", true),
  /** Asset discovery jobs. */
  AssetDiscoveryEnabled(ServiceGroup.Discovery, ServiceKind.Task, "Asset discovery", true),
  /** Account discovery jobs. */
  DiscoverAccountsEnabled(ServiceGroup.Discovery, ServiceKind.Task, "Account discovery", true),
  /** Service discovery jobs. */
  DiscoverServicesEnabled(ServiceGroup.Discovery, ServiceKind.Task, "Service discovery", true),
  /** SSH key discovery in managed accounts. */
  SshKeyDiscoveryEnabled(ServiceGroup.Discovery, ServiceKind.Task, "SSH Key discovery", true),
  /** Directory sync: additions and deletions in directory assets are synchronised. */
  DirectorySyncEnabled(ServiceGroup.Directory, ServiceKind.Task, "Directory sync", true),
  /** SCIM provisioning (API only). */
  ScimProvisioningEnabled(ServiceGroup.Provisioning, ServiceKind.Task, "SCIM provisioning", true),
  /**
   * Audit Log Stream Service: sends the appliance's audit data to the linked session appliance. Off
   * by default; needs a linked session appliance to be switched on.
   */
  AuditLogStreamService(
      ServiceGroup.Audit, ServiceKind.AuditLogStream, "Audit Log Stream Service", false),
  /**
   * Application to Application Enabled (this appliance only): the A2A connection behind a web
   * application firewall via the TLS termination reverse proxy.
   */
  ApplicationToApplicationEnabled(
      ServiceGroup.ApplicationToApplication,
      ServiceKind.ApplicationToApplication,
      "Application to Application Enabled (This appliance only)",
      true);

  private static final Service[] VALUES = values();

  private final ServiceGroup group;
  private final ServiceKind kind;
  private final String title;
  private final boolean enabledByDefault;

  Service(ServiceGroup group, ServiceKind kind, String title, boolean enabledByDefault) {
    this.group = group;
    this.kind = kind;
    this.title = title;
    this.enabledByDefault = enabledByDefault;
  }

  /**
   * Returns the name the appliance's API uses: the {@code ServicesConfig} field name, {@code
   * AuditLogStreamService}, or {@code ApplicationToApplicationEnabled}.
   *
   * @return the API name (the same as {@link #name()})
   */
  public String apiName() {
    return name();
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
   * Returns the default state: on for every service except {@link #AuditLogStreamService}.
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
    return kind != ServiceKind.AuditLogStream && kind != ServiceKind.ApplicationToApplication;
  }

  /**
   * Finds a service by its API name (exact, case-sensitive).
   *
   * @param apiName a name such as {@code "PasswordChangeEnabled"}
   * @return the service, or empty when unknown
   */
  public static Optional<Service> fromApiName(String apiName) {
    for (Service s : VALUES) {
      if (s.name().equals(apiName)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  static Service at(int ordinal) {
    return VALUES[ordinal];
  }

  static int count() {
    return VALUES.length;
  }
}
