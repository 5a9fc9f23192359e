// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import io.pamkit.core.ValidationException;
import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.dispatch.spi.TransportProvider;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogTcpFraming;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Creates the {@code Syslog} transport from the document's {@code SyslogServers} (the servers that
 * subscribers name by {@code SyslogServerId} or {@code SyslogServerName}); provider name {@code
 * "syslog"}, channel {@code Syslog}, section {@code SyslogServers}. TLS trust anchors (and the
 * client key) come from {@link TransportContext#sslContext()}, event names from {@link
 * TransportContext#eventCatalog()}.
 */
public final class SyslogTransportProvider implements TransportProvider<SyslogServerRegistry> {

  /** Creates the provider; cheap, opens nothing. */
  public SyslogTransportProvider() {}

  /**
   * @return {@code "syslog"}
   */
  @Override
  public String name() {
    return "syslog";
  }

  /**
   * @return {@code "Syslog"}
   */
  @Override
  public String channel() {
    return Subscriber.SYSLOG;
  }

  /**
   * @return {@code SyslogServers}
   */
  @Override
  public Optional<String> section() {
    return Optional.of("SyslogServers");
  }

  /**
   * Reads the {@code SyslogServers} array of the section.
   *
   * @param section the document restricted to {@code SyslogServers}
   * @return the servers, or null when one has a problem
   */
  @Override
  public @Nullable SyslogServerRegistry settings(ConfigSection section) {
    List<SyslogServer> servers = new ArrayList<>();
    for (ConfigSection o : section.objects("SyslogServers", "SyslogServer")) {
      SyslogServer s = server(o);
      if (s != null) {
        servers.add(s);
      }
    }
    return section.build(() -> SyslogServerRegistry.of(servers.toArray(SyslogServer[]::new)));
  }

  private static @Nullable SyslogServer server(ConfigSection o) {
    String name = o.string("Name");
    String address = o.string("NetworkAddress");
    if (name == null) {
      o.problem("Name", "is required");
    }
    if (address == null) {
      o.problem("NetworkAddress", "is required");
    }
    SyslogServer.Builder[] holder = new SyslogServer.Builder[1];
    if (name != null && address != null) {
      o.set("NetworkAddress", () -> holder[0] = SyslogServer.builder(name, address));
    }
    SyslogServer.Builder b = holder[0] != null ? holder[0] : SyslogServer.builder("x", "x");
    o.integer("Id", b::id);
    o.integer("Port", b::port);
    o.enumValue("Protocol", SyslogProtocol.class, b::protocol);
    o.bool("UseSslEncryption", b::useSslEncryption);
    o.bool("UseClientCertificate", b::useClientCertificate);
    o.bool("VerifySslCertificate", b::verifySslCertificate);
    o.bool("TrustAllCertificatesInsecurely", b::trustAllCertificatesInsecurely);
    o.enumValue("TcpFraming", SyslogTcpFraming.class, b::tcpFraming);
    String hostName = o.string("HostName");
    String appName = o.string("AppName");
    Boolean bom = o.bool("Utf8Bom");
    String vendor = o.string("DeviceVendor");
    String product = o.string("DeviceProduct");
    String version = o.string("DeviceVersion");
    try {
      b.identity(new SyslogIdentity(hostName, appName, bom, vendor, product, version));
    } catch (ValidationException e) {
      e.violations().forEach(v -> o.problem(v.path(), v.message()));
    }
    o.readOnly("CreatedDate", "CreatedByUserId", "CreatedByUserDisplayName");
    return o.build(b::build);
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
    SyslogServerRegistry servers = settings(section);
    if (servers == null) {
      throw new ConfigurationException(section.problems());
    }
    SyslogTransport.Builder b =
        SyslogTransport.builder().serverRegistry(servers).eventCatalog(context.eventCatalog());
    context.sslContext().ifPresent(b::sslContext);
    return b.build();
  }
}
