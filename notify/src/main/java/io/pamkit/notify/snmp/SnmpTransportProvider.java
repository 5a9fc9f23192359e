// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.snmp;

import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.dispatch.spi.TransportProvider;
import io.pamkit.core.subscription.Subscriber;
import org.jspecify.annotations.Nullable;

/**
 * Creates the {@code Snmp} transport; provider name {@code "snmp"}, channel {@code Snmp}. It has no
 * section of its own: subscribers carry their destination ({@code SnmpProperties}, or a named
 * {@code SnmpDestinations} entry that is resolved when the document is read). Event names come from
 * {@link TransportContext#eventCatalog()}.
 */
public final class SnmpTransportProvider implements TransportProvider<Void> {

  /** Creates the provider; cheap, opens nothing. */
  public SnmpTransportProvider() {}

  /**
   * @return {@code "snmp"}
   */
  @Override
  public String name() {
    return "snmp";
  }

  /**
   * @return {@code "Snmp"}
   */
  @Override
  public String channel() {
    return Subscriber.SNMP;
  }

  /**
   * Returns null: the transport has no settings in the document.
   *
   * @param section ignored
   * @return null
   */
  @Override
  public @Nullable Void settings(ConfigSection section) {
    return null;
  }

  /**
   * @return true: subscribers carry their own destinations
   */
  @Override
  public boolean alwaysCreated() {
    return true;
  }

  @Override
  public Transport create(ConfigSection section, TransportContext context) {
    return SnmpTransport.builder().eventCatalog(context.eventCatalog()).build();
  }
}
