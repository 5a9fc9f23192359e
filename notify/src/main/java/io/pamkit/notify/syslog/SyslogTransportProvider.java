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
  /**
   * Creates a syslog transport from settings: the optional values {@code HostName} and {@code
   * AppName}, and the optional attachments {@link SyslogServerRegistry} (the configured syslog
   * servers subscribers point at) and {@link javax.net.ssl.SSLContext} (trust anchors for TLS).
   *
   * @param settings the settings
   * @return a new transport
   */
  @Override
  public SyslogTransport create(io.pamkit.notify.spi.TransportSettings settings) {
    settings.requireKnown(java.util.Set.of("HostName", "AppName"));
    SyslogTransport.Builder b = SyslogTransport.builder();
    settings.value("HostName").ifPresent(b::hostName);
    settings.value("AppName").ifPresent(b::appName);
    settings.attachment(SyslogServerRegistry.class).ifPresent(b::serverRegistry);
    settings.attachment(javax.net.ssl.SSLContext.class).ifPresent(b::sslContext);
    return b.build();
  }

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
