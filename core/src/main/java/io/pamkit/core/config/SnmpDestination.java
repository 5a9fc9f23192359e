// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.subscription.SnmpSubscriberProperties;
import org.jspecify.annotations.Nullable;

/**
 * pamkit's named SNMP destination: a trap receiver described once ({@code SnmpDestinations} in the
 * configuration document) with the fields of the appliance's {@code SnmpSubscriberProperties},
 * which Snmp subscribers refer to by name with {@code SnmpDestinationName} instead of repeating the
 * properties.
 *
 * <p>It lives here rather than in pamkit-notify's {@code snmp} package because it is part of the
 * document, not of the SNMP transport's settings: the document reader resolves each subscriber's
 * {@code SnmpDestinationName} to these {@link SnmpSubscriberProperties} while reading, reports an
 * unknown name by JSON path, and the transport only ever sees the resolved subscriber.
 *
 * <p>Immutable and thread-safe.
 */
public final class SnmpDestination {
  private final String name;
  private final SnmpSubscriberProperties properties;

  private SnmpDestination(String name, SnmpSubscriberProperties properties) {
    this.name = name;
    this.properties = properties;
  }

  /**
   * Creates a destination.
   *
   * @param name {@code Name}: 1 to 255 characters, unique in the document
   * @param properties where and how traps are sent; {@code NetworkAddress} must be set
   * @return the destination
   * @throws ValidationException if a rule is broken
   */
  public static SnmpDestination of(String name, SnmpSubscriberProperties properties) {
    Checks.required("Name", name, 1, 255);
    requireNonNull(properties, "properties");
    if (properties.networkAddress().filter(a -> !a.isEmpty()).isEmpty()) {
      throw new ValidationException("NetworkAddress", "is required for an SNMP destination");
    }
    return new SnmpDestination(name, properties);
  }

  /**
   * @return {@code Name}
   */
  public String name() {
    return name;
  }

  /**
   * @return the destination's properties
   */
  public SnmpSubscriberProperties properties() {
    return properties;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SnmpDestination
        && ((SnmpDestination) o).name.equals(name)
        && ((SnmpDestination) o).properties.equals(properties);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "SnmpDestination{" + name + ", " + properties + "}";
  }
}
