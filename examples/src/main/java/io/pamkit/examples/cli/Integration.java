package io.pamkit.examples.cli;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.config.ConnectionProperties;
import io.pamkit.core.config.EmailClientConfig;
import io.pamkit.core.config.EmailProvider;
import io.pamkit.core.config.EwsEmailProvider;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.config.SendGridEmailProvider;
import io.pamkit.core.config.ServicesConfig;
import io.pamkit.core.config.SmtpEmailProvider;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.LaneConfig;
import io.pamkit.core.dispatch.Outbox;
import io.pamkit.core.dispatch.RetryPolicy;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.secret.EnvironmentCredentialResolver;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.TransportRegistry;
import io.pamkit.notify.email.EmailProviderChain;
import io.pamkit.notify.ews.EwsAuthentication;
import io.pamkit.notify.ews.EwsConfig;
import io.pamkit.notify.ews.EwsTransport;
import io.pamkit.notify.sendgrid.SendGridConfig;
import io.pamkit.notify.sendgrid.SendGridTransport;
import io.pamkit.notify.spi.NotificationTransport;
import io.pamkit.notify.spi.TransportSettings;
import io.pamkit.notify.snmp.SnmpTransport;
import io.pamkit.notify.syslog.SyslogServer;
import io.pamkit.notify.syslog.SyslogServerRegistry;
import io.pamkit.notify.syslog.SyslogTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a configuration document ({@link PamkitConfig}) into running pamkit parts: one transport
 * per channel the document configures (the SMTP transport from {@code EmailClientConfig}, the
 * syslog transport with the document's {@code SyslogServers}, the SNMP transport), a dispatch engine routing the
 * document's {@code EventSubscribers} through them, and the service-toggle state of its {@code
 * ServicesConfig}. It is the glue the {@code pamkit} tool and the demo share; embedders write the
 * same few lines.
 *
 * <p>Close it to drain the dispatcher and close the transports.
 */
public final class Integration implements AutoCloseable {
  private final PamkitConfig config;
  private final Map<String, NotificationTransport> transports;
  private final EventDispatcher dispatcher;
  private final DeliveryTracker tracker;

  private Integration(
      PamkitConfig config,
      Map<String, NotificationTransport> transports,
      EventDispatcher dispatcher,
      DeliveryTracker tracker) {
    this.config = config;
    this.transports = transports;
    this.dispatcher = dispatcher;
    this.tracker = tracker;
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
   * previous run left pending (a crash, a time-out) are delivered again at start.
   *
   * @param config the document
   * @param outbox the outbox, or null for none; the dispatcher closes it
   * @return the running integration
   * @throws io.pamkit.core.ValidationException if a transport's settings are invalid
   */
  public static Integration start(PamkitConfig config, @Nullable Outbox outbox) {
    requireNonNull(config, "config");
    Map<String, NotificationTransport> transports = createTransports(config);
    DeliveryTracker tracker = new DeliveryTracker();
    if (outbox != null) {
      Set<Integer> ids = new HashSet<>();
      config.eventSubscribers().forEach(s -> ids.add(s.id()));
      long resumable = outbox.pending().stream()
          .filter(e -> ids.contains(e.subscriberId()) && transports.containsKey(e.channel()))
          .count();
      tracker.expect(resumable);
    }
    LaneConfig lane =
        LaneConfig.builder()
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(3)
                    .initialDelay(Duration.ofMillis(500))
                    .maxDelay(Duration.ofSeconds(2))
                    .build())
            .build();
    EventDispatcher.Builder b =
        EventDispatcher.builder()
            .defaultLaneConfig(lane)
            .listener(tracker)
            .subscribers(config.eventSubscribers());
    transports.values().forEach(b::transport);
    if (outbox != null) {
      b.outbox(outbox);
    }
    return new Integration(config, transports, b.build(), tracker);
  }

  /**
   * Creates, without starting a dispatcher, one transport per channel the document configures:
   * {@code Email} from the document's email provider chain ({@code EmailProviders} in priority
   * order behind an {@link EmailProviderChain}, or else {@code EmailClientConfig} when it has a
   * server address), {@code Syslog} and {@code
   * Snmp} always (their subscribers may carry their own address).
   *
   * @param config the document
   * @return the transports by channel id; the caller closes them
   */
  public static Map<String, NotificationTransport> createTransports(PamkitConfig config) {
    Map<String, NotificationTransport> transports = new LinkedHashMap<>();
    TransportRegistry registry = TransportRegistry.discover(Integration.class.getClassLoader());
    List<EmailProvider> providers = config.emailProviderChain();
    if (providers.size() == 1 && providers.get(0) instanceof SmtpEmailProvider) {
      EmailClientConfig smtp = ((SmtpEmailProvider) providers.get(0)).smtp();
      transports.put(Subscriber.EMAIL, registry.create("smtp", smtpSettings(smtp)));
    } else if (!providers.isEmpty()) {
      EmailProviderChain.Builder chain = EmailProviderChain.builder();
      for (EmailProvider p : providers) {
        try {
          chain.provider(p.name(), p.priority(), emailTransport(registry, p));
        } catch (ValidationException e) {
          String at = "$.EmailProviders[Name=" + p.name() + "]";
          throw new ValidationException(e.violations().stream()
              .map(v -> new Violation(v.path().startsWith("$") ? v.path() : at + "." + v.path(),
                  v.message()))
              .toList());
        }
      }
      transports.put(Subscriber.EMAIL, chain.build());
    }
    List<SyslogServer> servers = new ArrayList<>();
    for (io.pamkit.core.config.SyslogServer s : config.syslogServers()) {
      servers.add(
          SyslogServer.builder()
              .id(s.id())
              .name(s.name())
              .networkAddress(s.networkAddress().text())
              .port(s.port())
              .protocol(s.protocol())
              .useSslEncryption(s.useSslEncryption())
              .useClientCertificate(s.useClientCertificate())
              .verifySslCertificate(s.verifySslCertificate())
              .tcpFraming(s.tcpFraming())
              .build());
    }
    SyslogTransport syslog =
        SyslogTransport.builder()
            .serverRegistry(SyslogServerRegistry.of(servers.toArray(SyslogServer[]::new)))
            .eventCatalog(config.eventCatalog())
            .build();
    transports.put(Subscriber.SYSLOG, TransportRegistry.guard(syslog));
    transports.put(Subscriber.SNMP, TransportRegistry.guard(
        SnmpTransport.builder().eventCatalog(config.eventCatalog()).build()));
    return transports;
  }

  private static NotificationTransport emailTransport(TransportRegistry registry, EmailProvider p) {
    if (p instanceof SmtpEmailProvider) {
      return registry.create("smtp", smtpSettings(((SmtpEmailProvider) p).smtp()));
    }
    if (p instanceof SendGridEmailProvider) {
      SendGridEmailProvider g = (SendGridEmailProvider) p;
      return SendGridTransport.builder(SendGridConfig.builder()
          .apiKey(g.apiKey())
          .senderEmail(g.senderEmail().address())
          .baseUri(g.endpoint())
          .sandboxMode(g.sandboxMode())
          .build()).build();
    }
    if (p instanceof EwsEmailProvider) {
      EwsEmailProvider e = (EwsEmailProvider) p;
      EwsAuthentication auth = e.password().isPresent()
          ? EwsAuthentication.basic(e.userName(), e.password().get())
          : EwsAuthentication.account(e.userName(), e.accountReference().orElseThrow(
              () -> new ValidationException("AccountReference",
                  "an Ews provider needs a Password or an AccountReference")));
      EwsConfig.Builder b = EwsConfig.builder()
          .endpoint(e.serviceUrl())
          .senderEmail(e.mailbox().address())
          .authentication(auth)
          .credentialResolver(EnvironmentCredentialResolver.create());
      if (!e.verifySslCertificate()) {
        b.sslContext(TlsContexts.builder().trustAllCertificatesInsecurely().build());
      }
      return EwsTransport.builder(b.build()).build();
    }
    throw new ValidationException("Type",
        "provider type '" + p.type() + "' is not supported by the pamkit tool");
  }

  /**
   * Returns the SMTP transport settings of an {@code EmailClientConfig}, named as its fields. The
   * password of an account named by {@code ConnectionProperties.AccountReference} is resolved
   * from the environment by {@link EnvironmentCredentialResolver}.
   *
   * @param email the email settings
   * @return the settings for the {@code smtp} transport provider
   */
  public static TransportSettings smtpSettings(EmailClientConfig email) {
    TransportSettings.Builder s =
        TransportSettings.builder()
            .path("$.EmailClientConfig")
            .value("ServerAddress", email.serverAddress().text())
            .value("PortNumber", Integer.toString(email.portNumber()))
            .value("RequireTlsFlag", Boolean.toString(email.requireTlsFlag()))
            .value("RequireSmtpsFlag", Boolean.toString(email.requireSmtpsFlag()))
            .value("VerifySslCertificate", Boolean.toString(email.verifySslCertificate()))
            .value("UseClientCertificate", Boolean.toString(email.useClientCertificate()))
            .value(
                "RequireUserAuthentication", Boolean.toString(email.requireUserAuthentication()));
    email.senderEmail().ifPresent(a -> s.value("SenderEmail", a.address()));
    ConnectionProperties cp = email.connectionProperties();
    cp.serviceAccountName().ifPresent(n -> s.value("ServiceAccountName", n));
    cp.serviceAccountPassword().ifPresent(p -> s.secret("ServiceAccountPassword", p));
    Optional<AccountReference> ref = cp.accountReference();
    if (ref.isPresent()) {
      AccountReference r = ref.get();
      s.value("ServiceAccountName", r.name());
      s.value(
          r.kind() == AccountReference.Kind.DIRECTORY_ACCOUNT
              ? "ServiceAccountDomainName"
              : "ServiceAccountAssetName",
          r.owner());
    }
    // an account's password (ConnectionProperties.AccountReference) is read from the
    // environment: PAMKIT_SECRET_<KIND>__<OWNER>__<NAME>, see EnvironmentCredentialResolver
    s.attach(CredentialResolver.class, EnvironmentCredentialResolver.create());
    return s.build();
  }

  /**
   * Returns the service-toggle state a document's {@code ServicesConfig} describes.
   *
   * @param services the document's part
   * @return the state for {@link io.pamkit.core.policy.ServiceToggles.Builder#state}
   */
  public static ServiceState serviceState(ServicesConfig services) {
    ServiceState.Builder b = ServiceState.builder();
    for (ServicesConfig.Toggle t : ServicesConfig.Toggle.values()) {
      Service.fromApiName(t.name()).ifPresent(s -> b.enabled(s, services.enabled(t)));
    }
    b.enabled(Service.AuditLogStreamService, services.auditLogStreamServiceEnabled());
    services.applicationToApplication().forEach(b::applicationToApplication);
    return b.build();
  }

  /**
   * Returns the document's {@code ServicesConfig} holding a service-toggle state.
   *
   * @param state the state
   * @return the document part
   */
  public static ServicesConfig servicesConfig(ServiceState state) {
    ServicesConfig.Builder b = ServicesConfig.builder();
    for (ServicesConfig.Toggle t : ServicesConfig.Toggle.values()) {
      Service.fromApiName(t.name()).ifPresent(s -> b.set(t, state.isEnabled(s)));
    }
    b.auditLogStreamServiceEnabled(state.isEnabled(Service.AuditLogStreamService));
    state.applicationToApplication().forEach(b::applicationToApplication);
    return b.build();
  }

  /** @return the document this integration runs */
  public PamkitConfig config() {
    return config;
  }

  /** @return the dispatch engine, which is also the integration's event publisher */
  public EventDispatcher dispatcher() {
    return dispatcher;
  }

  /** @return the delivery outcomes seen so far */
  public DeliveryTracker tracker() {
    return tracker;
  }

  /**
   * Returns the transport of a channel.
   *
   * @param channel e.g. {@code Email}
   * @return the transport, if the document configures the channel
   */
  public Optional<NotificationTransport> transport(String channel) {
    return Optional.ofNullable(transports.get(channel));
  }

  @Override
  public void close() {
    dispatcher.shutdown(Duration.ofSeconds(10));
  }
}
