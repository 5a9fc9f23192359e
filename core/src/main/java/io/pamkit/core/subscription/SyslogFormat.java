// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

/**
 * The appliance's {@code SyslogFormat}: the body of a syslog message. Absent means pamkit's plain
 * text form.
 */
public enum SyslogFormat {
  /** ArcSight Common Event Format. */
  CEF,
  /** One JSON object per event. */
  JSON;
}
