// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static java.util.Objects.requireNonNull;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.LaneConfig;
import io.pamkit.core.dispatch.Outbox;
import io.pamkit.core.dispatch.RetryPolicy;
import io.pamkit.core.dispatch.Scheduler;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.secret.EnvironmentCredentialResolver;
import io.pamkit.notify.ConfiguredTransports;
import io.pamkit.notify.email.FailoverEvents;
import io.pamkit.notify.smtp.SmtpTransportConfig;
import io.pamkit.notify.smtp.SmtpTransportProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns a configuration document ({@link PamkitConfig}) into running pamkit parts: one transport
 * per channel the document configures (the SMTP transport from {@code EmailClientConfig}, the
 * syslog transport with the document's {@code SyslogServers}, the SNMP transport), a dispatch
 * engine routing the document's {@code EventSubscribers} through them, and the service-toggle state
 * of its {@code ServicesConfig}. It is the glue the {@code pamkit} tool and the demo share;
 * embedders write the same few lines.
 *
 * <p>Close it to drain the dispatcher and close the transports.
 */
public final class Integration implements AutoCloseable {
  private final PamkitConfig config;
  private final Map<String, Transport> transports;
  private final EventDispatcher dispatcher;
  private final DeliveryTracker tracker;
  private final ScheduledExecutorService timers;

  private Integration(PamkitConfig config, @Nullable Outbox outbox) {
    this.config = requireNonNull(config, "config");
    // The transports' timed work, the failover alerts included, runs on this integration's own
    // thread, so that awaitSettled can run whatever they scheduled before it looked.
    timers = new ScheduledThreadPoolExecutor(1);
    try {
      ConfiguredTransports configured =
          ConfiguredTransports.builder(config)
              .context(TransportContext.builder().scheduler(Scheduler.of(timers)).build())
              .build();
      transports = configured.all();
      tracker = new DeliveryTracker();
      if (outbox != null) {
        Set<Integer> ids = new HashSet<>();
        config.eventSubscribers().forEach(s -> ids.add(s.id()));
        tracker.expect(
            outbox.pending().stream()
                .filter(e -> ids.contains(e.subscriberId()) && transports.containsKey(e.channel()))
                .count());
      }
      EventDispatcher.Builder b =
          EventDispatcher.builder()
              .defaultLaneConfig(
                  LaneConfig.builder()
                      .retryPolicy(
                          RetryPolicy.builder()
                              .maxAttempts(3)
                              .initialDelay(Duration.ofMillis(500))
                              .maxDelay(Duration.ofSeconds(2))
                              .build())
                      .build())
              .listener(tracker)
              .subscribers(config.eventSubscribers())
              .transports(configured);
      if (outbox != null) {
        b.outbox(outbox);
      }
      dispatcher = b.build();
      configured.failoverEvents().publishTo(dispatcher);
    } catch (RuntimeException e) {
      timers.shutdownNow();
      throw e;
    }
  }

  /**
   * Starts the transports and the dispatcher a document describes. Retries are kept short (three
   * attempts, half a second apart at first) because a command-line run waits for them.
   *
   * @param config the document
   * @return the running integration
   * @throws io.pamkit.core.ValidationException if a transport's settings are invalid
   */
  public static Integration start(PamkitConfig config) {
    return start(config, null);
  }

  /**
   * Starts the transports and the dispatcher a document describes, with a durable outbox: every
   * accepted notification is journaled before {@code publish} returns, and the notifications a
   * previous run left pending (a crash, a time-out) are delivered again at start. When the email
   * provider chain delivers through a lower-priority provider, the {@value
   * FailoverEvents#EVENT_NAME} alert goes to the document's subscribers through the same dispatcher
   * ({@link ConfiguredTransports#failoverEvents()}).
   *
   * @param config the document
   * @param outbox the outbox, or null for none; the dispatcher closes it
   * @return the running integration
   * @throws io.pamkit.core.ValidationException if a transport's settings are invalid
   */
  public static Integration start(PamkitConfig config, @Nullable Outbox outbox) {
    return new Integration(config, outbox);
  }

  /**
   * Waits until every notification accepted so far is delivered or dead-lettered, together with the
   * email failover alerts those deliveries raised (an alert is published from the transports'
   * scheduler just after the delivery that failed over, so it is waited for too).
   *
   * @param timeout how long to wait at most
   * @param progress called with the number of outcomes each time it grows; may be a no-op
   * @return true if every notification has an outcome, false on time-out
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitSettled(Duration timeout, LongConsumer progress) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (tracker.awaitSettled(Duration.ofNanos(deadline - System.nanoTime()), progress)) {
      // the scheduler runs its tasks in order: once this no-op has run, so has every alert a
      // settled delivery scheduled, and the alert's own notifications are counted as published
      try {
        timers.submit(() -> {}).get(Math.max(0, deadline - System.nanoTime()), NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        return false;
      }
      if (tracker.settled()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Creates, without starting a dispatcher, one transport per channel the document configures (see
   * {@link ConfiguredTransports}): {@code Email} from the document's email provider chain or {@code
   * EmailClientConfig}, {@code Syslog} and {@code Snmp} always (their subscribers may carry their
   * own address). Passwords of accounts named by an {@code AccountReference} are read from the
   * environment ({@code PAMKIT_SECRET_<KIND>__<OWNER>__<NAME>}).
   *
   * @param config the document
   * @return the transports by channel id; the caller closes them
   */
  public static Map<String, Transport> createTransports(PamkitConfig config) {
    return ConfiguredTransports.builder(config).build().all();
  }

  /**
   * Returns the settings of the document's {@code EmailClientConfig}, as its provider reads them,
   * with the environment as the resolver of vaulted account passwords and the document's {@code
   * TrustAnchors} added to the JVM's trust store.
   *
   * @param config the document
   * @return the SMTP settings
   * @throws io.pamkit.core.config.ConfigurationException naming a field the provider cannot use
   */
  public static SmtpTransportConfig smtpSettings(PamkitConfig config) {
    ConfigSection section =
        config
            .section("EmailClientConfig")
            .orElse(
                ConfigSection.of(
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                    "$.EmailClientConfig",
                    "EmailClientConfig"));
    return smtpSettings(config, section);
  }

  private static SmtpTransportConfig smtpSettings(PamkitConfig config, ConfigSection section) {
    SmtpTransportConfig c = new SmtpTransportProvider().settings(section);
    section.throwIfProblems();
    SmtpTransportConfig.Builder b =
        requireNonNull(c).toBuilder().credentialResolver(EnvironmentCredentialResolver.create());
    if (!config.trustAnchors().isEmpty()) {
      TransportContext.builder()
          .addTrustAnchors(config.trustAnchors())
          .build()
          .trustAnchors()
          .ifPresent(b::trustAnchors);
    }
    return b.build();
  }

  /**
   * An SMTP server the document sends email through, with where it is written.
   *
   * @param name {@code EmailClientConfig}, or the {@code Name} of an {@code EmailProviders} entry
   * @param settings its settings
   */
  public record SmtpTarget(String name, SmtpTransportConfig settings) {}

  /**
   * Returns the SMTP servers the document sends email through: its {@code EmailClientConfig} when
   * that has a server address, else every {@code EmailProviders} entry of {@code Type} {@code
   * Smtp}, in the order they are tried.
   *
   * @param config the document
   * @return the servers; empty when email is disabled or goes only through other providers
   */
  public static List<SmtpTarget> smtpTargets(PamkitConfig config) {
    List<ConfigSection> providers = config.emailProviderSections();
    if (providers.isEmpty()) {
      SmtpTransportConfig c = smtpSettings(config);
      return c.enabled() ? List.of(new SmtpTarget("EmailClientConfig", c)) : List.of();
    }
    List<SmtpTarget> out = new ArrayList<>();
    for (ConfigSection p : providers) {
      if ("Smtp".equalsIgnoreCase(p.json().path("Type").asText())) {
        out.add(new SmtpTarget(p.json().path("Name").asText("Smtp"), smtpSettings(config, p)));
      }
    }
    return out;
  }

  /**
   * Describes where a document sends email, for one-line summaries.
   *
   * @param config the document
   * @return {@code via host:port}, the provider chain, or {@code disabled}
   */
  public static String emailSummary(PamkitConfig config) {
    List<ConfigSection> providers = config.emailProviderSections();
    if (!providers.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (ConfigSection p : providers) {
        String type = p.json().path("Type").asText();
        names.add(p.json().path("Name").asText(type) + " (" + type + ")");
      }
      return "via EmailProviders " + String.join(", ", names);
    }
    SmtpTransportConfig smtp = smtpSettings(config);
    return smtp.enabled() ? "via " + smtp.serverAddress() + ":" + smtp.port() : "disabled";
  }

  /**
   * Counts the document's {@code SyslogServers}.
   *
   * @param config the document
   * @return the number of servers
   */
  public static int syslogServerCount(PamkitConfig config) {
    return config.sections().containsKey("SyslogServers")
        ? config.sections().get("SyslogServers").size()
        : 0;
  }

  /**
   * @return the document this integration runs
   */
  public PamkitConfig config() {
    return config;
  }

  /**
   * @return the dispatch engine, which is also the integration's event publisher
   */
  public EventDispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * @return the delivery outcomes seen so far
   */
  public DeliveryTracker tracker() {
    return tracker;
  }

  /**
   * Returns the transport of a channel.
   *
   * @param channel e.g. {@code Email}
   * @return the transport, if the document configures the channel
   */
  public Optional<Transport> transport(String channel) {
    return Optional.ofNullable(transports.get(channel));
  }

  @Override
  public void close() {
    try {
      dispatcher.shutdown(Duration.ofSeconds(10));
    } finally {
      timers.shutdownNow();
    }
  }
}
