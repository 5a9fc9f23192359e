// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch.spi;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.dispatch.Scheduler;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.secret.EnvironmentCredentialResolver;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link TransportProvider} gets besides its section: the clock, a scheduler, the resolver
 * of vaulted passwords, a metrics hook, TLS material and the event catalog, plus typed extensions
 * that a family of transports shares (the email transports take their templates and recipient
 * resolver from here).
 *
 * <pre>{@code
 * TransportContext context = TransportContext.builder()
 *     .credentialResolver(vault::password)
 *     .sslContext(TlsContexts.builder().trustAnchors(anchors).build())
 *     .build();
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TransportContext {
  private final Clock clock;
  private final @Nullable Scheduler scheduler;
  private final CredentialResolver credentialResolver;
  private final TransportMetrics metrics;
  private final @Nullable SSLContext sslContext;
  private final @Nullable KeyStore trustAnchors;
  private final EventCatalog eventCatalog;
  private final Map<Class<?>, Object> extensions;

  private TransportContext(Builder b) {
    this.clock = b.clock;
    this.scheduler = b.scheduler;
    this.credentialResolver = b.credentialResolver;
    this.metrics = b.metrics;
    this.sslContext = b.sslContext;
    this.trustAnchors = b.trustAnchors;
    this.eventCatalog = b.eventCatalog;
    this.extensions = Map.copyOf(b.extensions);
  }

  /**
   * Returns the context holding every default.
   *
   * @return the default context
   */
  public static TransportContext defaults() {
    return builder().build();
  }

  /**
   * Starts a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this context's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.clock = clock;
    b.scheduler = scheduler;
    b.credentialResolver = credentialResolver;
    b.metrics = metrics;
    b.sslContext = sslContext;
    b.trustAnchors = trustAnchors;
    b.eventCatalog = eventCatalog;
    b.extensions.putAll(extensions);
    return b;
  }

  /**
   * @return the clock transports read time from
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the scheduler for a transport's timed work (token refresh, reconnects). When none was
   * set, a shared single-thread daemon scheduler.
   *
   * @return the scheduler
   */
  public Scheduler scheduler() {
    Scheduler s = scheduler;
    return s != null ? s : DefaultScheduler.INSTANCE;
  }

  /**
   * @return the resolver of vaulted account passwords
   */
  public CredentialResolver credentialResolver() {
    return credentialResolver;
  }

  /**
   * @return where transports report their own measurements
   */
  public TransportMetrics metrics() {
    return metrics;
  }

  /**
   * @return the TLS context (trust anchors, and the client key where one is presented)
   */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /**
   * @return the trust anchors to verify peers with, when given apart from an SSL context
   */
  public Optional<KeyStore> trustAnchors() {
    return Optional.ofNullable(trustAnchors);
  }

  /**
   * @return the event catalog (names, categories, levels) that transports render with
   */
  public EventCatalog eventCatalog() {
    return eventCatalog;
  }

  /**
   * Returns a typed extension.
   *
   * @param type the extension's type
   * @param <T> the type
   * @return the extension, if one was set
   */
  public <T> Optional<T> extension(Class<T> type) {
    return Optional.ofNullable(type.cast(extensions.get(requireNonNull(type, "type"))));
  }

  @Override
  public String toString() {
    return "TransportContext{clock="
        + clock
        + ", sslContext="
        + (sslContext != null)
        + ", extensions="
        + extensions.keySet().stream().map(Class::getSimpleName).toList()
        + "}";
  }

  /** Builds {@link TransportContext}s. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private @Nullable Scheduler scheduler;
    private CredentialResolver credentialResolver = EnvironmentCredentialResolver.create();
    private TransportMetrics metrics = TransportMetrics.none();
    private @Nullable SSLContext sslContext;
    private @Nullable KeyStore trustAnchors;
    private final List<X509Certificate> addedAnchors = new ArrayList<>();
    private EventCatalog eventCatalog = EventCatalog.defaults();
    private final Map<Class<?>, Object> extensions = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the clock. Default: {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the scheduler. Default: a shared single-thread daemon scheduler.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Sets the resolver of vaulted account passwords. Default: {@link
     * EnvironmentCredentialResolver#create()} ({@code PAMKIT_SECRET_<KIND>__<OWNER>__<NAME>}).
     *
     * @param resolver the resolver
     * @return this builder
     */
    public Builder credentialResolver(CredentialResolver resolver) {
      this.credentialResolver = requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Sets the metrics hook. Default: {@link TransportMetrics#none()}.
     *
     * @param metrics the hook
     * @return this builder
     */
    public Builder metrics(TransportMetrics metrics) {
      this.metrics = requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Sets the TLS context (trust anchors, and the client key where a transport presents one).
     * Default: none (the JVM's trust store).
     *
     * @param sslContext the context, e.g. from {@code io.pamkit.core.cert.TlsContexts}, or null
     * @return this builder
     */
    public Builder sslContext(@Nullable SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    /**
     * Sets trust anchors for transports that build their own TLS settings. Default: none.
     *
     * @param trustAnchors the key store of trusted certificates, or null
     * @return this builder
     */
    public Builder trustAnchors(@Nullable KeyStore trustAnchors) {
      this.trustAnchors = trustAnchors;
      return this;
    }

    /**
     * Adds CA certificates (or self-signed server certificates) to trust besides the JVM's default
     * trust store: the document's {@code TrustAnchors} and the command line's {@code --ca-cert}. At
     * {@link #build()}, when any were added, {@link TransportContext#trustAnchors()} becomes a key
     * store of the JVM's default anchors plus these (unless one was set), and {@link
     * TransportContext#sslContext()} a context trusting them (unless one was set). Default: none.
     *
     * @param certificates the certificates
     * @return this builder
     */
    public Builder addTrustAnchors(Collection<X509Certificate> certificates) {
      requireNonNull(certificates, "certificates")
          .forEach(c -> addedAnchors.add(requireNonNull(c, "certificate")));
      return this;
    }

    /**
     * Sets the event catalog. Default: {@link EventCatalog#defaults()}.
     *
     * @param catalog the catalog, normally the document's {@code eventCatalog()}
     * @return this builder
     */
    public Builder eventCatalog(EventCatalog catalog) {
      this.eventCatalog = requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * Sets a typed extension, replacing one of the same type.
     *
     * @param type the type it is looked up by
     * @param value the extension
     * @param <T> the type
     * @return this builder
     */
    public <T> Builder extension(Class<T> type, T value) {
      extensions.put(requireNonNull(type, "type"), type.cast(requireNonNull(value, "value")));
      return this;
    }

    /**
     * Builds the context.
     *
     * @return the immutable context
     */
    public TransportContext build() {
      if (!addedAnchors.isEmpty() && (trustAnchors == null || sslContext == null)) {
        List<X509Certificate> all = defaultAnchors();
        all.addAll(addedAnchors);
        if (trustAnchors == null) {
          try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : all) {
              ks.setCertificateEntry("anchor-" + i++, c);
            }
            trustAnchors = ks;
          } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the trust anchors in a key store", e);
          }
        }
        if (sslContext == null) {
          sslContext = TlsContexts.builder().trustAnchors(all).build();
        }
      }
      return new TransportContext(this);
    }

    /** The JVM's default trust anchors (its {@code cacerts}, or what javax.net.ssl names). */
    private static List<X509Certificate> defaultAnchors() {
      try {
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        List<X509Certificate> out = new ArrayList<>();
        for (TrustManager tm : tmf.getTrustManagers()) {
          if (tm instanceof X509TrustManager x) {
            out.addAll(Arrays.asList(x.getAcceptedIssuers()));
          }
        }
        return out;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot read the JVM's default trust store", e);
      }
    }
  }

  private static final class DefaultScheduler {
    static final Scheduler INSTANCE =
        Scheduler.of(
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "pamkit-transport-scheduler");
                  t.setDaemon(true);
                  return t;
                }));
  }
}
