// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pamkit.core.event.EventLevel;
import org.junit.jupiter.api.Test;

/** {@code pamkit events show} reports EventLevel.cefSeverity(); the formatter must agree. */
final class CefSeverityMappingTest {

  @Test
  void cefSeverity_formatterAndEventLevel_agreeForEveryLevel() {
    for (EventLevel level : EventLevel.values()) {
      assertEquals(level.cefSeverity(), MessageFormatter.cefSeverity(level), level.name());
    }
  }
}
