package io.pamkit.notify.spi;

/**
 * Creates {@link NotificationTransport}s; found with {@link java.util.ServiceLoader}
 * ({@code provides} in module-info and {@code META-INF/services} for class-path users).
 * Providers are public final classes with a cheap public no-argument constructor.
 */
public interface TransportProvider {

  /**
   * Returns the id of the transports this provider creates, e.g. {@code "smtp"}.
   *
   * @return the provider id
   */
  String id();
}
