// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

/**
 * The administrator permissions the password appliance checks on the link endpoints (the API's
 * {@code AdminRoleName} values they name).
 */
public enum AdminRole {
  /** GlobalAdmin. */
  GLOBAL_ADMIN,
  /** ApplianceAdmin: links, edits and deletes session connections, writes ServicesConfig. */
  APPLIANCE_ADMIN,
  /** OperationsAdmin: reads session connections. */
  OPERATIONS_ADMIN,
  /** PolicyAdmin: writes AccessRequestBroker and the audit log stream switch. */
  POLICY_ADMIN,
  /** AssetAdmin. */
  ASSET_ADMIN,
  /** UserAdmin. */
  USER_ADMIN,
  /** HelpdeskAdmin. */
  HELPDESK_ADMIN,
  /** ApplicationAuditor. */
  APPLICATION_AUDITOR,
  /** SystemAuditor. */
  SYSTEM_AUDITOR,
  /** Auditor. */
  AUDITOR
}
