// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.event;

import static java.util.Objects.requireNonNull;

/**
 * One entry of the {@link EventCatalog}: an event name with its category and default level.
 *
 * @param name the event name, a value of the appliance's {@code EventName} or a user-defined name
 * @param category the category the event belongs to
 * @param defaultLevel the level events of this name carry unless the publisher says otherwise
 */
public record EventDefinition(String name, EventCategory category, EventLevel defaultLevel) {

  /**
   * Validates the components.
   *
   * @param name the event name
   * @param category the category
   * @param defaultLevel the default level
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the name is blank or not a plain identifier
   */
  public EventDefinition {
    requireNonNull(name, "name");
    requireNonNull(category, "category");
    requireNonNull(defaultLevel, "defaultLevel");
    if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
      throw new IllegalArgumentException(
          "event name '" + name + "' must be letters, digits and underscores");
    }
  }
}
