package io.pamkit.notify;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.notify.internal.GuardedTransport;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.notify.spi.TransportProvider;
import io.pamkit.notify.spi.TransportSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transports pamkit can deliver through: {@link TransportProvider}s found with {@link
 * ServiceLoader} in a given class loader or registered as instances, and ready-made {@link
 * Transport} instances. Every transport handed out is wrapped in a guard so that an
 * exception escaping a third-party transport becomes a transient {@link
 * io.pamkit.core.dispatch.DeliveryException} instead of reaching the dispatcher's threads.
 *
 * <pre>{@code
 * TransportRegistry registry = TransportRegistry.builder()
 *     .discover(Thread.currentThread().getContextClassLoader())
 *     .register(InMemoryTransport.create("Email"))
 *     .build();
 * Transport smtp = registry.create("smtp", settings);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not. Ids are matched ignoring case.
 */
public final class TransportRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(TransportRegistry.class);

  /** The artifacts that provide pamkit's own transports, for the unknown-id message. */
  private static final Map<String, String> ARTIFACTS =
      Map.of(
          "smtp", "io.pamkit:pamkit-notify",
          "syslog", "io.pamkit:pamkit-notify",
          "snmp", "io.pamkit:pamkit-notify",
          "memory", "io.pamkit:pamkit-notify");

  private final Map<String, TransportProvider> providers;
  private final Map<String, Transport> transports;

  private TransportRegistry(Builder b) {
    this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(b.providers));
    this.transports = Collections.unmodifiableMap(new LinkedHashMap<>(b.transports));
  }

  /**
   * Starts an empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a registry of the providers {@link ServiceLoader} finds in a class loader.
   *
   * @param classLoader where to look for {@code META-INF/services} entries and module providers
   * @return a new registry
   */
  public static TransportRegistry discover(ClassLoader classLoader) {
    return builder().discover(classLoader).build();
  }

  /**
   * Wraps a transport in the guard every registry transport runs behind.
   *
   * @param transport the transport
   * @return a transport whose {@code send} throws only {@link
   *     io.pamkit.core.dispatch.DeliveryException}s
   */
  public static Transport guard(Transport transport) {
    return GuardedTransport.guard(transport);
  }

  /**
   * Returns the ids of the providers known, in lower case, sorted.
   *
   * @return an immutable set
   */
  public Set<String> providerIds() {
    return Collections.unmodifiableSet(new TreeSet<>(providers.keySet()));
  }

  /**
   * Returns the ids of the registered transport instances, sorted.
   *
   * @return an immutable set
   */
  public Set<String> transportIds() {
    Set<String> ids = new TreeSet<>();
    transports.values().forEach(t -> ids.add(t.channel()));
    return Collections.unmodifiableSet(ids);
  }

  /**
   * Looks up a provider.
   *
   * @param id the provider id, e.g. {@code "smtp"}
   * @return the provider, or empty when unknown
   */
  public Optional<TransportProvider> provider(String id) {
    return Optional.ofNullable(providers.get(key(id)));
  }

  /**
   * Creates a transport with the provider of the given id.
   *
   * @param providerId the provider id, e.g. {@code "smtp"}
   * @param settings the transport's settings
   * @return a new guarded transport; the caller closes it
   * @throws ValidationException if no provider has that id (the message lists the known ids and
   *     names the artifact to add), or if the settings are invalid
   */
  public Transport create(String providerId, TransportSettings settings) {
    requireNonNull(settings, "settings");
    TransportProvider p = providers.get(key(providerId));
    if (p == null) {
      throw unknown("provider", providerId, providers.keySet());
    }
    Transport t = p.create(settings);
    if (t == null) {
      throw new IllegalStateException("provider '" + providerId + "' created no transport");
    }
    return guard(t);
  }

  /**
   * Returns a registered transport instance.
   *
   * @param id the transport's id (its channel, e.g. {@code "Email"})
   * @return the guarded transport
   * @throws ValidationException if no transport has that id, listing the known ids
   */
  public Transport transport(String id) {
    Transport t = transports.get(key(id));
    if (t == null) {
      throw unknown("transport", id, transportIds());
    }
    return t;
  }

  private static ValidationException unknown(String what, String id, Set<String> known) {
    String artifact = ARTIFACTS.get(key(id));
    return new ValidationException(
        what,
        "unknown " + what + " id '" + id + "'; known ids are " + new TreeSet<>(known)
            + (artifact != null
                ? "; add " + artifact + " to the class path or module path"
                : "; add the artifact that provides '" + id
                    + "' to the class path or module path, or register it with"
                    + " TransportRegistry.builder().register(...)"));
  }

  private static String key(String id) {
    return requireNonNull(id, "id").toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "TransportRegistry{providers=" + providerIds() + ", transports=" + transportIds() + "}";
  }

  /** Builds {@link TransportRegistry}s. Not thread-safe; a later registration of an id wins. */
  public static final class Builder {
    private final Map<String, TransportProvider> providers = new LinkedHashMap<>();
    private final Map<String, Transport> transports = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds every {@link TransportProvider} that {@link ServiceLoader} finds in a class loader.
     * When two discovered providers share an id the first found is kept and the other logged.
     *
     * @param classLoader where to look
     * @return this builder
     * @throws IllegalStateException if a provider cannot be instantiated, naming it
     */
    public Builder discover(ClassLoader classLoader) {
      requireNonNull(classLoader, "classLoader");
      Map<String, TransportProvider> found = new LinkedHashMap<>();
      try {
        for (TransportProvider p : ServiceLoader.load(TransportProvider.class, classLoader)) {
          String id = key(p.id());
          TransportProvider first = found.putIfAbsent(id, p);
          if (first != null && first.getClass() != p.getClass()) {
            LOG.warn("two transport providers have the id '{}': keeping {}, ignoring {}",
                id, first.getClass().getName(), p.getClass().getName());
          }
        }
      } catch (ServiceConfigurationError e) {
        throw new IllegalStateException("a transport provider cannot be loaded: " + e.getMessage(),
            e);
      }
      providers.putAll(found);
      return this;
    }

    /**
     * Registers a provider instance, replacing any with the same id.
     *
     * @param provider the provider
     * @return this builder
     */
    public Builder register(TransportProvider provider) {
      requireNonNull(provider, "provider");
      providers.put(key(provider.id()), provider);
      return this;
    }

    /**
     * Registers a ready-made transport, replacing any with the same id. It is guarded.
     *
     * @param transport the transport
     * @return this builder
     */
    public Builder register(Transport transport) {
      Transport guarded = guard(transport);
      transports.put(key(guarded.channel()), guarded);
      return this;
    }

    /**
     * Builds the registry.
     *
     * @return a new immutable registry
     */
    public TransportRegistry build() {
      return new TransportRegistry(this);
    }
  }
}
