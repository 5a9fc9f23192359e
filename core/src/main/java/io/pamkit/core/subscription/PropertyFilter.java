// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.event.ApplianceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * pamkit's optional per-subscriber filter on event properties: an event matches when, for every
 * named property, the event has that property and its value is one of the allowed values (compared
 * exactly, case-sensitive). The empty filter matches every event.
 *
 * <p>Immutable and thread-safe; {@link #matches} allocates nothing.
 *
 * <p>In the configuration document it is an object of arrays, e.g. {@code {"AssetName": ["dc01",
 * "dc02"]}}.
 */
public final class PropertyFilter {
  private static final PropertyFilter NONE = new PropertyFilter(Map.of());

  private final Map<String, Set<String>> allowed;
  private final String[] keys;
  private final Set<?>[] values;

  private PropertyFilter(Map<String, Set<String>> allowed) {
    this.allowed = allowed;
    this.keys = allowed.keySet().toArray(new String[0]);
    List<Set<String>> v = new ArrayList<>(allowed.values());
    this.values = v.toArray(new Set<?>[0]);
  }

  /**
   * Returns the filter that matches every event.
   *
   * @return the empty filter
   */
  public static PropertyFilter none() {
    return NONE;
  }

  /**
   * Creates a filter.
   *
   * @param allowed for each property name, the values that match; no set may be empty
   * @return a new filter, or {@link #none()} for an empty map
   * @throws io.pamkit.core.ValidationException if a property's set of values is empty
   */
  public static PropertyFilter of(Map<String, ? extends Set<String>> allowed) {
    requireNonNull(allowed, "allowed");
    if (allowed.isEmpty()) {
      return NONE;
    }
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    allowed.forEach(
        (k, v) -> {
          requireNonNull(k, "property name");
          requireNonNull(v, "values of " + k);
          if (v.isEmpty()) {
            throw new io.pamkit.core.ValidationException(
                "Filter." + k, "has no allowed value; list at least one");
          }
          copy.put(k, Set.copyOf(new LinkedHashSet<>(v)));
        });
    return new PropertyFilter(copy);
  }

  /**
   * Returns whether the event passes the filter.
   *
   * @param event the event
   * @return true when every named property has an allowed value
   */
  public boolean matches(ApplianceEvent event) {
    for (int i = 0; i < keys.length; i++) {
      String value = event.property(keys[i]);
      if (value == null || !values[i].contains(value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether this is the empty filter.
   *
   * @return true when it matches every event
   */
  public boolean isEmpty() {
    return keys.length == 0;
  }

  /**
   * Returns the allowed values per property.
   *
   * @return an unmodifiable map
   */
  public Map<String, Set<String>> allowed() {
    return java.util.Collections.unmodifiableMap(allowed);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PropertyFilter && ((PropertyFilter) o).allowed.equals(allowed);
  }

  @Override
  public int hashCode() {
    return allowed.hashCode();
  }

  @Override
  public String toString() {
    return "PropertyFilter" + allowed;
  }
}
