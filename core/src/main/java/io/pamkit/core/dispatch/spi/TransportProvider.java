// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch.spi;

import io.pamkit.core.config.ConfigSection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Creates a {@link Transport} from its section of the configuration document. Providers are found
 * with {@link java.util.ServiceLoader} (see {@link TransportProviders}): a module declares {@code
 * provides io.pamkit.core.dispatch.spi.TransportProvider with ...}, a class-path jar lists the
 * class in {@code META-INF/services/io.pamkit.core.dispatch.spi.TransportProvider}. A provider is a
 * public class with a cheap public no-argument constructor, and is stateless.
 *
 * <p>Which section a provider gets: the object at the document's top-level field {@link #section()}
 * (e.g. {@code $.EmailClientConfig}); for an email provider named in {@code EmailProviders}, that
 * entry (e.g. {@code $.EmailProviders[1]}, whose {@code Type}, {@code Name} and {@code Priority}
 * belong to the chain and are already read). When the top-level field holds an array (e.g. {@code
 * SyslogServers}), the section is the document restricted to that field.
 *
 * @param <S> the provider's settings class, e.g. {@code SmtpSettings}
 */
public interface TransportProvider<S> {

  /**
   * Returns the name of this implementation, e.g. {@code "smtp"}, {@code "sendgrid"}; unique among
   * providers, matched ignoring case (an {@code EmailProviders} entry's {@code Type} names it).
   *
   * @return the implementation's name
   */
  String name();

  /**
   * Returns the channel the created transports serve ({@link Transport#channel()}): subscribers
   * whose {@code Type} equals it are delivered through them, e.g. {@code "Email"}.
   *
   * @return the channel
   */
  String channel();

  /**
   * Returns the top-level field of the document that holds this provider's section, if it has one
   * of its own (an email provider that only appears in {@code EmailProviders} has none).
   *
   * @return the field name, e.g. {@code "SyslogServers"}
   */
  default Optional<String> section() {
    return Optional.empty();
  }

  /**
   * Tells whether the transport is created even when the document has no section for it (it is then
   * fed an empty section): true for transports whose subscribers carry their own destination
   * (syslog, SNMP), so that subscribers added later are delivered. Default: false, the transport is
   * created only when the document has its section or a subscriber's {@code Type} names its
   * channel.
   *
   * @return whether to create it without a section
   */
  default boolean alwaysCreated() {
    return false;
  }

  /**
   * Reads the provider's settings from its section, reporting every problem to the section (by JSON
   * path) instead of throwing; also used to validate a document without creating anything.
   *
   * @param section the transport's section
   * @return the settings, or null when the section has a problem
   */
  @Nullable S settings(ConfigSection section);

  /**
   * Creates a transport from its section.
   *
   * @param section the transport's section
   * @param context the clock, scheduler, credentials, metrics and TLS material to use
   * @return a new transport; the caller (normally the dispatcher) closes it
   * @throws io.pamkit.core.config.ConfigurationException listing the section's problems by JSON
   *     path
   */
  Transport create(ConfigSection section, TransportContext context);
}
