// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.config.EmailTemplateConfig;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.dispatch.spi.TransportProvider;
import io.pamkit.core.dispatch.spi.TransportProviders;
import io.pamkit.core.net.EmailAddress;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.email.EmailProviderChain;
import io.pamkit.notify.email.FailoverEvents;
import io.pamkit.notify.email.FailoverListener;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.template.EmailTemplate;
import io.pamkit.notify.template.EmailTemplates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The transports a configuration document asks for, one per channel, each created by its {@link
 * TransportProvider} from its section of the document:
 *
 * <ul>
 *   <li>{@code Email}: the document's {@code EmailProviders}, each by the provider its {@code Type}
 *       names ({@code Smtp}, {@code SendGrid}, {@code Ews}, {@code Graph}, or a third party's), in
 *       {@code Priority} order behind an {@link EmailProviderChain} (a single {@code Smtp} entry is
 *       used alone; a delivery by a lower-priority provider is published as {@value
 *       FailoverEvents#EVENT_NAME}, see {@link #failoverEvents()}); without {@code EmailProviders},
 *       the {@code EmailClientConfig} when it has a {@code ServerAddress}. They render with the
 *       document's {@code EmailTemplates}.
 *   <li>every other provider whose section ({@link TransportProvider#section()}) the document has,
 *       e.g. {@code SyslogServers}, or a third party's;
 *   <li>for a channel that has no transport yet, the first provider of that channel that is
 *       {@linkplain TransportProvider#alwaysCreated() always created} (pamkit's {@code Syslog} and
 *       {@code Snmp}: subscribers, also those added later, carry their own destinations) or that a
 *       subscriber's {@code Type} names, fed an empty section at {@code $}.
 * </ul>
 *
 * <pre>{@code
 * PamkitConfig config = PamkitConfig.read(Path.of("pamkit.json"));
 * ConfiguredTransports transports = ConfiguredTransports.builder(config).build();
 * EventDispatcher.Builder b = EventDispatcher.builder().subscribers(config.eventSubscribers());
 * b.transports(transports); // the dispatcher now owns them and closes them once
 * EventDispatcher dispatcher = b.build();
 * transports.failoverEvents().publishTo(dispatcher); // email failovers become events
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p>Whoever the transports are handed to owns them: hand them to a dispatcher, or {@link #close()}
 * this. Immutable and thread-safe.
 */
public final class ConfiguredTransports implements Iterable<Transport>, AutoCloseable {
  private final Map<String, Transport> transports;
  private final EmailTemplates templates;
  private final FailoverEvents failoverEvents;

  private ConfiguredTransports(
      Map<String, Transport> transports, EmailTemplates templates, FailoverEvents failoverEvents) {
    this.transports = Collections.unmodifiableMap(new LinkedHashMap<>(transports));
    this.templates = templates;
    this.failoverEvents = failoverEvents;
  }

  /**
   * Starts a builder for the transports of a document.
   *
   * @param config the configuration document
   * @return a new builder
   */
  public static Builder builder(PamkitConfig config) {
    return new Builder(config);
  }

  /**
   * Returns every transport by channel ({@code Email}, {@code Syslog}, {@code Snmp}, ...).
   *
   * @return an unmodifiable map in creation order
   */
  public Map<String, Transport> all() {
    return transports;
  }

  /**
   * Returns the transports, for {@code EventDispatcher.builder().transports(configured)}.
   *
   * @return an unmodifiable collection in creation order
   */
  public List<Transport> transports() {
    return List.copyOf(transports.values());
  }

  /**
   * @return an iterator over {@link #transports()}
   */
  @Override
  public Iterator<Transport> iterator() {
    return transports().iterator();
  }

  /**
   * Returns the transport of one channel.
   *
   * @param channel the channel, e.g. {@code Email}
   * @return the transport, or empty when the document does not ask for the channel
   */
  public Optional<Transport> transport(String channel) {
    return Optional.ofNullable(transports.get(requireNonNull(channel, "channel")));
  }

  /**
   * Returns the email templates: the catalog's defaults with the document's templates loaded.
   *
   * @return the templates the email transports render with
   */
  public EmailTemplates templates() {
    return templates;
  }

  /**
   * Returns the publisher of failover alerts: when the email provider chain delivers through a
   * lower-priority provider, an {@value FailoverEvents#EVENT_NAME} event goes to the document's
   * subscribers once a publisher is set, normally the dispatcher the transports were handed to:
   * {@code transports.failoverEvents().publishTo(dispatcher)}.
   *
   * @return the failover alert publisher of the email chain
   */
  public FailoverEvents failoverEvents() {
    return failoverEvents;
  }

  /**
   * Closes every transport; only for transports not handed to a dispatcher (which closes the
   * transports it was given). Closing twice is harmless: transports' close is idempotent.
   */
  @Override
  public void close() {
    transports.values().forEach(Transport::close);
  }

  /**
   * Returns the email templates of a document: the default template of every catalog event, with
   * the document's {@code EmailTemplates} loaded over them. The document does not list the
   * properties of each event (the appliance's {@code Event.Properties}), so the tags a template
   * uses besides the common fields are taken as that event's properties.
   *
   * @param config the document
   * @return the templates
   * @throws ValidationException naming a template whose tags are malformed
   */
  public static EmailTemplates templates(PamkitConfig config) {
    EmailTemplates.Builder b = EmailTemplates.builder().catalog(config.eventCatalog());
    Set<String> common = new HashSet<>(EmailTemplates.commonFields());
    List<EmailTemplateConfig> list = config.emailTemplates();
    for (int i = 0; i < list.size(); i++) {
      EmailTemplateConfig t = list.get(i);
      String name =
          t.name()
              .or(t::eventName)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "a configuration template has neither Name nor EventName"));
      EmailTemplate template;
      try {
        template =
            EmailTemplate.builder(name)
                .subject(t.subjectTemplate())
                .body(t.bodyTemplate())
                .replyTo(t.replyToEmail().map(EmailAddress::address).orElse(null))
                .build();
      } catch (ValidationException e) {
        throw repath("$.EmailTemplates[" + i + "]", e);
      }
      Set<String> properties = new HashSet<>(template.placeholders());
      properties.removeAll(common);
      b.properties(name, properties).put(template);
    }
    return b.build();
  }

  private static ValidationException repath(String prefix, ValidationException e) {
    return new ValidationException(
        e.violations().stream()
            .map(
                v ->
                    new Violation(
                        v.path().startsWith("$") ? v.path() : prefix + "." + v.path(), v.message()))
            .toList());
  }

  /** Builds {@link ConfiguredTransports}. Not thread-safe. */
  public static final class Builder {
    private final PamkitConfig config;
    private @Nullable TransportProviders providers;
    private TransportContext context = TransportContext.defaults();
    private @Nullable CredentialResolver credentials;
    private RecipientResolver recipients = RecipientResolver.none();
    private @Nullable SSLContext sslContext;
    private FailoverListener failoverListener = FailoverListener.NONE;
    private Duration failoverAlertInterval = Duration.ofMinutes(1);

    private Builder(PamkitConfig config) {
      this.config = requireNonNull(config, "config");
    }

    /**
     * Sets the providers to create transports with. Default: {@link TransportProviders#load()}.
     *
     * @param providers the providers
     * @return this builder
     */
    public Builder providers(TransportProviders providers) {
      this.providers = requireNonNull(providers, "providers");
      return this;
    }

    /**
     * Sets what the providers get besides their sections (clock, scheduler, credentials, metrics,
     * TLS). Default: {@link TransportContext#defaults()}. The document's event catalog, the email
     * templates and the {@link #recipientResolver} are added to it.
     *
     * @param context the context
     * @return this builder
     */
    public Builder context(TransportContext context) {
      this.context = requireNonNull(context, "context");
      return this;
    }

    /**
     * Sets the resolver of vaulted account passwords, replacing the context's. Default: the
     * context's ({@code PAMKIT_SECRET_<KIND>__<OWNER>__<NAME>} environment variables).
     *
     * @param credentials the resolver
     * @return this builder
     */
    public Builder credentialResolver(CredentialResolver credentials) {
      this.credentials = requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Sets the resolver of users' email addresses, for subscribers with a {@code UserId}. Default:
     * {@link RecipientResolver#none()}.
     *
     * @param recipients the resolver
     * @return this builder
     */
    public Builder recipientResolver(RecipientResolver recipients) {
      this.recipients = requireNonNull(recipients, "recipients");
      return this;
    }

    /**
     * Sets the TLS context (trust anchors, and the client key where a transport presents one),
     * replacing the context's. Default: the context's (none: the JVM's trust store).
     *
     * @param sslContext the context, e.g. from {@code io.pamkit.core.cert.TlsContexts}
     * @return this builder
     */
    public Builder sslContext(@Nullable SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    /**
     * Sets a listener told when the email chain delivers through a lower-priority provider, besides
     * the {@linkplain ConfiguredTransports#failoverEvents() failover events}. Default: none.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder failoverListener(FailoverListener listener) {
      this.failoverListener = requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the least time between two {@value FailoverEvents#EVENT_NAME} events for the same failed
     * providers. Default: 1 minute; zero publishes one per failover.
     *
     * @param interval zero or positive
     * @return this builder
     */
    public Builder failoverAlertInterval(Duration interval) {
      requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException(
            "failoverAlertInterval must not be negative: " + interval);
      }
      this.failoverAlertInterval = interval;
      return this;
    }

    /**
     * Creates the transports the document asks for.
     *
     * @return the transports
     * @throws ConfigurationException naming (by JSON path) a section a provider cannot use, or the
     *     artifact to add for a provider that is not available
     * @throws ValidationException naming a template whose tags are malformed
     */
    public ConfiguredTransports build() {
      TransportProviders ps = providers != null ? providers : TransportProviders.load();
      EmailTemplates templates = templates(config);
      TransportContext.Builder cb =
          context.toBuilder()
              .eventCatalog(config.eventCatalog())
              .extension(EmailTemplates.class, templates)
              .extension(RecipientResolver.class, recipients);
      cb.addTrustAnchors(config.trustAnchors()); // the document's TrustAnchors
      if (credentials != null) {
        cb.credentialResolver(credentials);
      }
      if (sslContext != null) {
        cb.sslContext(sslContext);
      }
      TransportContext ctx = cb.build();
      FailoverEvents alerts =
          FailoverEvents.create(
              ctx.scheduler(), ctx.clock(), config.eventCatalog(), failoverAlertInterval);
      Map<String, Transport> map = new LinkedHashMap<>();
      try {
        email(ps, ctx, map, both(alerts, failoverListener));
        for (TransportProvider<?> p : ps) {
          if (!map.containsKey(p.channel())) {
            p.section()
                .flatMap(config::section)
                .ifPresent(s -> map.put(p.channel(), p.create(s, ctx)));
          }
        }
        Set<String> channels = new java.util.LinkedHashSet<>();
        config.eventSubscribers().forEach(s -> channels.add(s.type()));
        for (TransportProvider<?> p : ps) {
          if (!map.containsKey(p.channel())
              && !p.channel().equals(Subscriber.EMAIL)
              && (p.alwaysCreated() || channels.contains(p.channel()))) {
            map.put(
                p.channel(),
                p.create(
                    ConfigSection.of(
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                        "$",
                        "the configuration document"),
                    ctx));
          }
        }
      } catch (RuntimeException e) {
        map.values().forEach(Transport::close);
        throw e;
      }
      return new ConfiguredTransports(map, templates, alerts);
    }

    private static FailoverListener both(FailoverListener a, FailoverListener b) {
      return new FailoverListener() {
        @Override
        public void failedOver(Notification n, List<DeliveryException> failures, String by) {
          failedOver(
              n, failures, failures.stream().map(DeliveryException::transportId).toList(), by);
        }

        @Override
        public void failedOver(
            Notification n, List<DeliveryException> failures, List<String> failed, String by) {
          a.failedOver(n, failures, failed, by);
          b.failedOver(n, failures, failed, by);
        }
      };
    }

    private void email(
        TransportProviders ps,
        TransportContext ctx,
        Map<String, Transport> map,
        FailoverListener failover) {
      List<ConfigSection> entries = config.emailProviderSections();
      if (entries.isEmpty()) {
        Optional<ConfigSection> smtp = config.section("EmailClientConfig");
        if (smtp.isPresent()) {
          String server = smtp.get().json().path("ServerAddress").asText("");
          if (!server.isBlank()) {
            map.put(
                Subscriber.EMAIL, require(ps, "smtp", smtp.get().path()).create(smtp.get(), ctx));
          }
        }
        return;
      }
      List<Transport> created = new ArrayList<>();
      try {
        if (entries.size() == 1 && "Smtp".equalsIgnoreCase(entries.get(0).string("Type"))) {
          map.put(
              Subscriber.EMAIL,
              require(ps, "smtp", entries.get(0).path("Type")).create(entries.get(0), ctx));
          return;
        }
        EmailProviderChain.Builder chain =
            EmailProviderChain.builder().failoverListener(failover).clock(ctx.clock());
        for (ConfigSection e : entries) {
          String type = String.valueOf(e.string("Type"));
          String name = Optional.ofNullable(e.string("Name")).orElse(type);
          Integer priority = e.integer("Priority");
          Transport t = require(ps, type, e.path("Type")).create(e, ctx);
          created.add(t);
          chain.provider(name, priority == null ? 0 : priority, t);
        }
        map.put(Subscriber.EMAIL, chain.build());
      } catch (RuntimeException ex) {
        created.forEach(Transport::close);
        throw ex;
      }
    }

    private static TransportProvider<?> require(TransportProviders ps, String name, String path) {
      return ps.find(name)
          .orElseThrow(
              () -> new ConfigurationException(List.of(new Violation(path, ps.missing(name)))));
    }
  }
}
