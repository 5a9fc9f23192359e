// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import java.util.List;

/**
 * What {@link SettingsSync#apply} would change on the appliance: the changes in order (syslog
 * servers before the subscribers that use them), and the notes (parts of the document that are not
 * pushed, and why).
 *
 * @param changes the changes; empty when the appliance already matches the document
 * @param notes one line each
 */
public record SettingsPlan(List<SettingsChange> changes, List<String> notes) {
  /** Copies the lists. */
  public SettingsPlan {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  /**
   * @return true when there is nothing to change
   */
  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
