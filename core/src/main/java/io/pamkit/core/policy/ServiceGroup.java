// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/**
 * The sections of the appliance's Enable or Disable Services page, in page order. The API-key, file
 * and SCIM switches exist in the API's {@code ServicesConfig} but not on the page; they get their
 * own groups after the ones the page shows.
 */
public enum ServiceGroup implements WireNamed {
  /** Requests: session, password, SSH key, API key and file release requests. */
  REQUESTS("Requests", "Requests"),
  /** Password Management: check and change password tasks. */
  PASSWORD_MANAGEMENT("PasswordManagement", "Password Management"),
  /** SSH Key Management: check and change SSH key tasks. */
  SSH_KEY_MANAGEMENT("SshKeyManagement", "SSH Key Management"),
  /** API key management (API only): check and change API key tasks. */
  API_KEY_MANAGEMENT("ApiKeyManagement", "API Key Management"),
  /** File management (API only): check and change file tasks. */
  FILE_MANAGEMENT("FileManagement", "File Management"),
  /** Discovery: asset, account, service and SSH key discovery jobs. */
  DISCOVERY("Discovery", "Discovery"),
  /** Directory: directory synchronisation. */
  DIRECTORY("Directory", "Directory"),
  /** Provisioning (API only): SCIM provisioning. */
  PROVISIONING("Provisioning", "Provisioning"),
  /** Audit: the Audit Log Stream Service. */
  AUDIT("Audit", "Audit"),
  /** Application to Application: the per-appliance A2A service. */
  APPLICATION_TO_APPLICATION("ApplicationToApplication", "Application to Application");

  private static final Map<String, ServiceGroup> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;
  private final String title;

  /**
   * Returns the appliance's name for this constant, its {@linkplain #wireName() wire name}: e.g.
   * {@code PasswordManagement} for {@link #PASSWORD_MANAGEMENT}.
   */
  @Override
  public String toString() {
    return wireName;
  }

  ServiceGroup(String wireName, String title) {
    this.wireName = wireName;
    this.title = title;
  }

  /**
   * Looks up a constant by its {@linkplain #wireName() wire name}, spelled exactly: {@code
   * PasswordManagement} gives {@link #PASSWORD_MANAGEMENT}.
   *
   * @param wireName the wire name
   * @return the constant, or empty when no constant has that wire name
   */
  public static Optional<ServiceGroup> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }

  /**
   * Returns the section title as the page shows it.
   *
   * @return the title, e.g. {@code "Password Management"}
   */
  public String title() {
    return title;
  }
}
