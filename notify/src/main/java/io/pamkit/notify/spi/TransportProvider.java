package io.pamkit.notify.spi;

import io.pamkit.core.dispatch.spi.Transport;

/**
 * Creates {@link Transport}s from their settings; found with {@link
 * java.util.ServiceLoader} ({@code provides} in module-info and {@code META-INF/services} for
 * class-path users), or registered as an instance with {@link
 * io.pamkit.notify.TransportRegistry.Builder#register(TransportProvider)}. Providers are public
 * final classes with a cheap public no-argument constructor.
 */
public interface TransportProvider {

  /**
   * Returns the id of the transports this provider creates, e.g. {@code "smtp"}. Ids are matched
   * ignoring case.
   *
   * @return the provider id
   */
  String id();

  /**
   * Creates a transport from its settings. The returned transport is not guarded: callers go
   * through {@link io.pamkit.notify.TransportRegistry#create}, which wraps it.
   *
   * @param settings the transport's settings (string values plus typed attachments such as a
   *     {@link io.pamkit.core.secret.CredentialResolver})
   * @return a new transport; the caller closes it
   * @throws io.pamkit.core.ValidationException if a setting is missing or invalid, naming it
   */
  Transport create(TransportSettings settings);
}
