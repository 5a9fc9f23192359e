// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.WireNamed;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the wire-name lookup of a {@link WireNamed} enum, once, in the enum's static initializer:
 *
 * <pre>{@code
 * private static final Map<String, SyslogProtocol> BY_WIRE_NAME = WireNames.index(values());
 *
 * public static Optional<SyslogProtocol> fromWireName(String wireName) {
 *   return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
 * }
 * }</pre>
 */
public final class WireNames {
  private WireNames() {}

  /**
   * Indexes constants by their wire names, spelled exactly.
   *
   * @param <E> the enum type
   * @param constants the enum's {@code values()}
   * @return an unmodifiable map from wire name to constant, whose {@code get(null)} returns null
   * @throws IllegalArgumentException if two constants share a wire name
   */
  public static <E extends Enum<E> & WireNamed> Map<String, E> index(E[] constants) {
    requireNonNull(constants, "constants");
    Map<String, E> byName = new HashMap<>();
    for (E c : constants) {
      E previous = byName.putIfAbsent(c.wireName(), c);
      if (previous != null) {
        throw new IllegalArgumentException(
            c.getDeclaringClass().getSimpleName()
                + ": "
                + previous.name()
                + " and "
                + c.name()
                + " share the wire name "
                + c.wireName());
      }
    }
    return Collections.unmodifiableMap(byName);
  }
}
