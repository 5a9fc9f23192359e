// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core;

/**
 * A constant with a name on the wire: the appliance's spelling, which configuration documents,
 * journals and pamkit's output use. The Java constant names are UPPER_SNAKE_CASE; the wire name
 * keeps the appliance's spelling (for example {@code LegacyUdp} for {@code LEGACY_UDP}).
 *
 * <p>Implementations return the wire name from {@code toString()}, so that messages and logs show
 * the appliance's name; {@link #wireName()} returns {@code toString()} unless overridden. Every
 * pamkit enum that implements this interface also has a static {@code fromWireName(String)} that
 * finds a constant by its wire name spelled exactly (case-sensitive) and returns an empty {@code
 * Optional} for any other text. Parsers of documents and records go through {@code fromWireName},
 * never {@code valueOf}.
 */
public interface WireNamed {
  /**
   * Returns the appliance's name for this constant, as configuration documents and pamkit's output
   * spell it. The default implementation returns {@code toString()}.
   *
   * @return the wire name, never empty
   */
  default String wireName() {
    return toString();
  }
}
