// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

/**
 * The sections of the appliance's Enable or Disable Services page, in page order. The API-key, file
 * and SCIM switches exist in the API's {@code ServicesConfig} but not on the page; they get their
 * own groups after the ones the page shows.
 */
public enum ServiceGroup {
  /** Requests: session, password, SSH key, API key and file release requests. */
  Requests("Requests"),
  /** Password Management: check and change password tasks. */
  PasswordManagement("Password Management"),
  /** SSH Key Management: check and change SSH key tasks. */
  SshKeyManagement("SSH Key Management"),
  /** API key management (API only): check and change API key tasks. */
  ApiKeyManagement("API Key Management"),
  /** File management (API only): check and change file tasks. */
  FileManagement("File Management"),
  /** Discovery: asset, account, service and SSH key discovery jobs. */
  Discovery("Discovery"),
  /** Directory: directory synchronisation. */
  Directory("Directory"),
  /** Provisioning (API only): SCIM provisioning. */
  Provisioning("Provisioning"),
  /** Audit: the Audit Log Stream Service. */
  Audit("Audit"),
  /** Application to Application: the per-appliance A2A service. */
  ApplicationToApplication("Application to Application");

  private final String title;

  ServiceGroup(String title) {
    this.title = title;
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
