package io.pamkit.notify.syslog;

import io.pamkit.notify.spi.TransportProvider;

/**
 * Provides the {@code Syslog} transport to {@link java.util.ServiceLoader}. Users who configure
 * pamkit in code build the transport directly with {@link SyslogTransport#builder()}.
 */
public final class SyslogTransportProvider implements TransportProvider {

  /** Creates the provider; cheap, opens nothing. */
  public SyslogTransportProvider() {}

  /**
   * Returns {@code "Syslog"}, the channel id of syslog subscribers.
   *
   * @return the provider id
   */
  @Override
  public String id() {
    return SyslogTransport.ID;
  }

  /**
   * Creates a transport with every default (no configured servers; subscribers carry their own
   * {@code NetworkAddress}).
   *
   * @return a new transport
   */
  public SyslogTransport create() {
    return SyslogTransport.builder().build();
  }

  /**
   * Creates a transport from a builder configured in code.
   *
   * @param builder the configured builder
   * @return a new transport
   */
  public SyslogTransport create(SyslogTransport.Builder builder) {
    return builder.build();
  }
}
