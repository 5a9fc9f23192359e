package io.pamkit.notify;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.config.ConnectionProperties;
import io.pamkit.core.config.EmailClientConfig;
import io.pamkit.core.config.EmailProvider;
import io.pamkit.core.config.EwsEmailProvider;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.config.SendGridEmailProvider;
import io.pamkit.core.config.SmtpEmailProvider;
import io.pamkit.core.config.SyslogServer;
import io.pamkit.core.net.EmailAddress;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.secret.EnvironmentCredentialResolver;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.email.EmailProviderChain;
import io.pamkit.notify.ews.ClientCredentialsTokenSource;
import io.pamkit.notify.ews.EwsAuthentication;
import io.pamkit.notify.ews.EwsConfig;
import io.pamkit.notify.ews.EwsTransport;
import io.pamkit.notify.sendgrid.SendGridConfig;
import io.pamkit.notify.sendgrid.SendGridTransport;
import io.pamkit.notify.smtp.SmtpTransport;
import io.pamkit.notify.smtp.SmtpTransportProvider;
import io.pamkit.notify.snmp.SnmpTransport;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.spi.TransportSettings;
import io.pamkit.notify.syslog.SyslogServerRegistry;
import io.pamkit.notify.syslog.SyslogTransport;
import io.pamkit.notify.template.EmailTemplate;
import io.pamkit.notify.template.EmailTemplates;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The transports a configuration document describes, one per channel, ready to hand to an
 * {@code EventDispatcher}: {@code Email} from the document's {@code EmailProviders} (in priority
 * order behind an {@link EmailProviderChain}) or else its {@code EmailClientConfig} when that has
 * a server address, rendered with the document's {@code EmailTemplates}; {@code Syslog} with the
 * document's {@code SyslogServers}; {@code Snmp}. Every transport runs behind {@link
 * TransportRegistry#guard}.
 *
 * <pre>{@code
 * PamkitConfig config = PamkitConfig.read(Path.of("pamkit.json"));
 * try (ConfiguredTransports transports = ConfiguredTransports.builder(config).build()) {
 *   EventDispatcher.Builder b = EventDispatcher.builder().subscribers(config.eventSubscribers());
 *   transports.all().values().forEach(b::transport);
 *   // ...
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; closing it closes the transports.
 */
public final class ConfiguredTransports implements AutoCloseable {
  private final Map<String, Transport> transports;
  private final EmailTemplates templates;

  private ConfiguredTransports(Map<String, Transport> transports,
      EmailTemplates templates) {
    this.transports = Collections.unmodifiableMap(new LinkedHashMap<>(transports));
    this.templates = templates;
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
   * Returns every transport by channel id ({@code Email}, {@code Syslog}, {@code Snmp}).
   *
   * @return an unmodifiable map in that order; {@code Email} is absent when the document
   *     configures no email
   */
  public Map<String, Transport> all() {
    return transports;
  }

  /**
   * Returns the transport of one channel.
   *
   * @param channel the channel id, e.g. {@code Email}
   * @return the transport, or empty when the document does not configure the channel
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

  /** Closes every transport. */
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
    List<io.pamkit.core.config.EmailTemplate> list = config.emailTemplates();
    for (int i = 0; i < list.size(); i++) {
      io.pamkit.core.config.EmailTemplate t = list.get(i);
      String name = t.name().or(t::eventName).orElseThrow(() -> new IllegalStateException(
          "a configuration template has neither Name nor EventName"));
      EmailTemplate template;
      try {
        template = EmailTemplate.builder(name)
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

  /**
   * Returns the settings of the {@code smtp} transport provider for an {@code EmailClientConfig},
   * named as its fields.
   *
   * @param email the document's email settings
   * @param credentials resolves the password of a vaulted account ({@code
   *     ConnectionProperties.AccountReference})
   * @return the settings
   */
  public static TransportSettings smtpSettings(EmailClientConfig email,
      CredentialResolver credentials) {
    TransportSettings.Builder s = TransportSettings.builder()
        .path("$.EmailClientConfig")
        .value("ServerAddress", email.serverAddress().text())
        .value("PortNumber", Integer.toString(email.portNumber()))
        .value("RequireTlsFlag", Boolean.toString(email.requireTlsFlag()))
        .value("RequireSmtpsFlag", Boolean.toString(email.requireSmtpsFlag()))
        .value("VerifySslCertificate", Boolean.toString(email.verifySslCertificate()))
        .value("UseClientCertificate", Boolean.toString(email.useClientCertificate()))
        .value("RequireUserAuthentication", Boolean.toString(email.requireUserAuthentication()));
    email.senderEmail().ifPresent(a -> s.value("SenderEmail", a.address()));
    ConnectionProperties cp = email.connectionProperties();
    cp.serviceAccountName().ifPresent(n -> s.value("ServiceAccountName", n));
    cp.serviceAccountPassword().ifPresent(p -> s.secret("ServiceAccountPassword", p));
    Optional<AccountReference> ref = cp.accountReference();
    if (ref.isPresent()) {
      AccountReference r = ref.get();
      s.value("ServiceAccountName", r.name());
      s.value(r.kind() == AccountReference.Kind.DIRECTORY_ACCOUNT
          ? "ServiceAccountDomainName" : "ServiceAccountAssetName", r.owner());
    }
    s.attach(CredentialResolver.class, credentials);
    return s.build();
  }

  private static ValidationException repath(String prefix, ValidationException e) {
    return new ValidationException(e.violations().stream()
        .map(v -> new Violation(v.path().startsWith("$") ? v.path() : prefix + "." + v.path(),
            v.message()))
        .toList());
  }

  /** Builds {@link ConfiguredTransports}. Not thread-safe. */
  public static final class Builder {
    private final PamkitConfig config;
    private CredentialResolver credentials = EnvironmentCredentialResolver.create();
    private RecipientResolver recipients = RecipientResolver.none();
    private @Nullable SSLContext sslContext;

    private Builder(PamkitConfig config) {
      this.config = requireNonNull(config, "config");
    }

    /**
     * Sets the resolver of vaulted account passwords. Default: {@link
     * EnvironmentCredentialResolver#create()} ({@code PAMKIT_SECRET_<KIND>__<OWNER>__<NAME>}).
     *
     * @param credentials the resolver
     * @return this builder
     */
    public Builder credentialResolver(CredentialResolver credentials) {
      this.credentials = requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Sets the resolver of users' email addresses, for subscribers with a {@code UserId}.
     * Default: {@link RecipientResolver#none()}.
     *
     * @param recipients the resolver
     * @return this builder
     */
    public Builder recipientResolver(RecipientResolver recipients) {
      this.recipients = requireNonNull(recipients, "recipients");
      return this;
    }

    /**
     * Sets the TLS context (trust anchors, and the client key where a transport presents one)
     * of the SMTP, SendGrid, EWS and syslog transports. Default: the JVM's trust store.
     *
     * @param sslContext the context, e.g. from {@code io.pamkit.core.cert.TlsContexts}
     * @return this builder
     */
    public Builder sslContext(@Nullable SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    /**
     * Creates the transports.
     *
     * @return the transports
     * @throws ValidationException naming (by JSON path) a setting a transport cannot use
     */
    public ConfiguredTransports build() {
      EmailTemplates templates = templates(config);
      Map<String, Transport> map = new LinkedHashMap<>();
      List<EmailProvider> providers = config.emailProviderChain();
      if (providers.size() == 1 && providers.get(0) instanceof SmtpEmailProvider) {
        map.put(Subscriber.EMAIL, TransportRegistry.guard(
            smtp(((SmtpEmailProvider) providers.get(0)).smtp(), templates)));
      } else if (!providers.isEmpty()) {
        EmailProviderChain.Builder chain = EmailProviderChain.builder();
        for (EmailProvider p : providers) {
          try {
            chain.provider(p.name(), p.priority(), email(p, templates));
          } catch (ValidationException e) {
            throw repath("$.EmailProviders[Name=" + p.name() + "]", e);
          }
        }
        map.put(Subscriber.EMAIL, chain.build());
      }
      SyslogTransport.Builder syslog = SyslogTransport.builder()
          .serverRegistry(SyslogServerRegistry.of(
              config.syslogServers().toArray(SyslogServer[]::new)))
          .eventCatalog(config.eventCatalog());
      if (sslContext != null) {
        syslog.sslContext(sslContext);
      }
      map.put(Subscriber.SYSLOG, TransportRegistry.guard(syslog.build()));
      map.put(Subscriber.SNMP, TransportRegistry.guard(
          SnmpTransport.builder().eventCatalog(config.eventCatalog()).build()));
      return new ConfiguredTransports(map, templates);
    }

    private Transport smtp(EmailClientConfig email, EmailTemplates templates) {
      TransportSettings.Builder s = smtpSettings(email, credentials).toBuilder();
      if (sslContext != null) {
        s.attach(SSLContext.class, sslContext);
      }
      return SmtpTransport.builder(SmtpTransportProvider.config(s.build()))
          .templates(templates).recipientResolver(recipients).build();
    }

    private Transport email(EmailProvider p, EmailTemplates templates) {
      if (p instanceof SmtpEmailProvider) {
        return smtp(((SmtpEmailProvider) p).smtp(), templates);
      }
      if (p instanceof SendGridEmailProvider) {
        SendGridEmailProvider g = (SendGridEmailProvider) p;
        return SendGridTransport.builder(SendGridConfig.builder()
                .apiKey(g.apiKey())
                .senderEmail(g.senderEmail().address())
                .baseUri(g.endpoint())
                .sandboxMode(g.sandboxMode())
                .sslContext(sslContext)
                .build())
            .templates(templates).recipientResolver(recipients).build();
      }
      if (p instanceof EwsEmailProvider) {
        EwsEmailProvider e = (EwsEmailProvider) p;
        EwsAuthentication auth;
        if (e.oauth().isPresent()) {
          EwsEmailProvider.OAuthClient a = e.oauth().get();
          ClientCredentialsTokenSource.Builder tokens =
              ClientCredentialsTokenSource.builder(a.tenant(), a.clientId(), a.clientSecret());
          auth = EwsAuthentication.bearer(tokens.build());
        } else if (e.password().isPresent()) {
          auth = EwsAuthentication.basic(e.userName(), e.password().get());
        } else {
          auth = EwsAuthentication.account(e.userName(), e.accountReference().orElseThrow(
              () -> new ValidationException("AccountReference",
                  "an Ews provider needs a Password, an AccountReference or OAuth settings")));
        }
        EwsConfig.Builder b = EwsConfig.builder()
            .endpoint(e.serviceUrl())
            .senderEmail(e.mailbox().address())
            .authentication(auth)
            .credentialResolver(credentials);
        if (!e.verifySslCertificate()) {
          b.sslContext(io.pamkit.core.cert.TlsContexts.builder()
              .trustAllCertificatesInsecurely().build());
        } else if (sslContext != null) {
          b.sslContext(sslContext);
        }
        return EwsTransport.builder(b.build())
            .templates(templates).recipientResolver(recipients).build();
      }
      throw new ValidationException("Type", "email provider type '" + p.type()
          + "' has no transport; known: Smtp, SendGrid, Ews");
    }
  }
}
