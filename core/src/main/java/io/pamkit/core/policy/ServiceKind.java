// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

/** What switching a {@link Service} off does, which decides how the engine enforces it. */
public enum ServiceKind {
  /**
   * Session access requests: no new request and no launch of an existing one while off; the refusal
   * carries the appliance's message.
   */
  SESSION_REQUESTS,
  /**
   * Password, SSH key, API key and file release requests: new requests are refused while off and
   * open ones are put on hold until the service is switched back on.
   */
  RELEASE_REQUESTS,
  /**
   * Scheduled or manual tasks (check, change, discovery, directory sync, provisioning): while off
   * no new task starts, running tasks finish. Use {@link ServiceToggles#gate(Service)}.
   */
  TASK,
  /**
   * The Audit Log Stream Service: off by default; switching it on needs a linked session appliance.
   */
  AUDIT_LOG_STREAM,
  /** The Application to Application service, toggled per appliance, not cluster-wide. */
  APPLICATION_TO_APPLICATION
}
