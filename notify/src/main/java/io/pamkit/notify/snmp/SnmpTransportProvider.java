package io.pamkit.notify.snmp;

import io.pamkit.notify.spi.TransportProvider;

/**
 * Provides the {@code Snmp} transport to {@link java.util.ServiceLoader}. Users who configure
 * pamkit in code build the transport directly with {@link SnmpTransport#builder()}.
 */
public final class SnmpTransportProvider implements TransportProvider {

  /** Creates the provider; cheap, opens nothing. */
  public SnmpTransportProvider() {}

  /**
   * Returns {@code "Snmp"}, the channel id of SNMP subscribers.
   *
   * @return the provider id
   */
  @Override
  public String id() {
    return SnmpTransport.ID;
  }

  /**
   * Creates an SNMP transport from settings: the optional value {@code EnterpriseOid} and the
   * optional attachment {@link io.pamkit.core.event.EventCatalog}. Subscribers carry their own
   * destination ({@code SnmpProperties}).
   *
   * @param settings the settings
   * @return a new transport
   */
  @Override
  public SnmpTransport create(io.pamkit.notify.spi.TransportSettings settings) {
    settings.requireKnown(java.util.Set.of("EnterpriseOid"));
    SnmpTransport.Builder b = SnmpTransport.builder();
    settings.value("EnterpriseOid").ifPresent(b::enterpriseOid);
    settings.attachment(io.pamkit.core.event.EventCatalog.class).ifPresent(b::eventCatalog);
    return b.build();
  }

  /**
   * Creates a transport with every default (traps under enterprise 1.3.6.1.4.1.32473).
   *
   * @return a new transport
   */
  public SnmpTransport create() {
    return SnmpTransport.builder().build();
  }

  /**
   * Creates a transport from a builder configured in code.
   *
   * @param builder the configured builder
   * @return a new transport
   */
  public SnmpTransport create(SnmpTransport.Builder builder) {
    return builder.build();
  }
}
