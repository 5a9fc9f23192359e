// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch.spi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The {@link TransportProvider}s available, by name: found with {@link ServiceLoader} ({@link
 * #load()}, {@link #load(ClassLoader)}) or given ({@link #of}).
 *
 * <pre>{@code
 * TransportProviders providers = TransportProviders.load();
 * TransportProvider<?> smtp = providers.require("smtp"); // names the artifact to add if absent
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TransportProviders implements Iterable<TransportProvider<?>> {
  /** The artifacts that ship pamkit's own providers, by provider name. */
  private static final Map<String, String> ARTIFACTS =
      Map.of(
          "smtp", "io.pamkit:pamkit-notify",
          "sendgrid", "io.pamkit:pamkit-notify",
          "ews", "io.pamkit:pamkit-notify",
          "graph", "io.pamkit:pamkit-notify",
          "syslog", "io.pamkit:pamkit-notify",
          "snmp", "io.pamkit:pamkit-notify",
          "in-memory", "io.pamkit:pamkit-testing");

  private final Map<String, TransportProvider<?>> byName;

  private TransportProviders(Iterable<? extends TransportProvider<?>> providers) {
    Map<String, TransportProvider<?>> m = new LinkedHashMap<>();
    for (TransportProvider<?> p : providers) {
      requireNonNull(p, "provider");
      String key = p.name().toLowerCase(Locale.ROOT);
      // the first one found wins, as with ServiceLoader.findFirst
      m.putIfAbsent(key, p);
    }
    this.byName = m;
  }

  /**
   * Finds the providers visible to the thread's context class loader (and, on the module path, the
   * modules that {@code provide} the service).
   *
   * @return the providers
   * @throws java.util.ServiceConfigurationError if a listed provider cannot be instantiated
   */
  public static TransportProviders load() {
    return new TransportProviders(list(ServiceLoader.load(service())));
  }

  /**
   * Finds the providers visible to a class loader.
   *
   * @param loader the class loader to search
   * @return the providers
   * @throws java.util.ServiceConfigurationError if a listed provider cannot be instantiated
   */
  public static TransportProviders load(ClassLoader loader) {
    return new TransportProviders(
        list(ServiceLoader.load(service(), requireNonNull(loader, "loader"))));
  }

  /**
   * Returns the given providers; of two with one name, the first.
   *
   * @param providers the providers
   * @return the providers
   */
  public static TransportProviders of(List<? extends TransportProvider<?>> providers) {
    return new TransportProviders(List.copyOf(providers));
  }

  /**
   * Returns the provider of a name.
   *
   * @param name the provider's name, matched ignoring case
   * @return the provider, if available
   */
  public Optional<TransportProvider<?>> find(String name) {
    return Optional.ofNullable(byName.get(requireNonNull(name, "name").toLowerCase(Locale.ROOT)));
  }

  /**
   * Returns the provider of a name, or explains which artifact to add.
   *
   * @param name the provider's name, matched ignoring case
   * @return the provider
   * @throws IllegalArgumentException naming the artifact that ships the provider when it is one of
   *     pamkit's, and the providers that are available
   */
  public TransportProvider<?> require(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(missing(name)));
  }

  /**
   * Explains that no provider has a name, naming the artifact to add.
   *
   * @param name the provider's name
   * @return the message
   */
  public String missing(String name) {
    String artifact = ARTIFACTS.get(name.toLowerCase(Locale.ROOT));
    return "no transport provider named '"
        + name
        + "' is available; "
        + (artifact != null
            ? "add the artifact " + artifact + " to the class or module path"
            : "add the jar that provides it (with its META-INF/services line)")
        + "; available: "
        + String.join(", ", byName.keySet());
  }

  /**
   * Returns the provider whose {@link TransportProvider#section()} is a top-level field.
   *
   * @param field the document's field
   * @return the provider, if one reads that field
   */
  public Optional<TransportProvider<?>> forSection(String field) {
    return byName.values().stream()
        .filter(p -> p.section().filter(field::equals).isPresent())
        .findFirst();
  }

  /**
   * Returns the providers of a channel.
   *
   * @param channel the channel, e.g. {@code "Email"}
   * @return the providers, in discovery order
   */
  public List<TransportProvider<?>> forChannel(String channel) {
    return byName.values().stream().filter(p -> p.channel().equals(channel)).toList();
  }

  /**
   * @return the providers' names, lower case, in discovery order
   */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  @Override
  public Iterator<TransportProvider<?>> iterator() {
    return byName.values().iterator();
  }

  @Override
  public String toString() {
    return "TransportProviders" + byName.keySet();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Class<TransportProvider<?>> service() {
    return (Class) TransportProvider.class;
  }

  private static List<TransportProvider<?>> list(ServiceLoader<TransportProvider<?>> loader) {
    List<TransportProvider<?>> out = new ArrayList<>();
    loader.forEach(out::add);
    return out;
  }
}
