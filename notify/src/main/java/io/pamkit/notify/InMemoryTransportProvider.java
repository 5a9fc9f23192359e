package io.pamkit.notify;

import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.notify.spi.TransportProvider;
import io.pamkit.notify.spi.TransportSettings;
import java.util.Set;

/**
 * Creates {@link InMemoryTransport}s; provider id {@code "memory"}. Its one setting, {@code
 * Channel}, is the channel the transport serves (default {@code "Memory"}).
 */
public final class InMemoryTransportProvider implements TransportProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public InMemoryTransportProvider() {}

  @Override
  public String id() {
    return "memory";
  }

  @Override
  public Transport create(TransportSettings settings) {
    settings.requireKnown(Set.of("Channel"));
    return InMemoryTransport.create(settings.string("Channel", "Memory"));
  }
}
