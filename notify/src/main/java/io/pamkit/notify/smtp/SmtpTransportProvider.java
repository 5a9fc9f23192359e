package io.pamkit.notify.smtp;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.spi.TransportProvider;
import io.pamkit.notify.spi.TransportSettings;
import io.pamkit.notify.template.EmailTemplates;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Creates {@link SmtpTransport}s from settings named as the appliance's {@code EmailClientConfig}
 * fields; provider id {@code "smtp"}.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>name</th><th>meaning (default)</th></tr>
 *   <tr><td>{@code ServerAddress}</td><td>IP in brackets, DNS name, {@code [IPv6]}; blank
 *       disables email ("")</td></tr>
 *   <tr><td>{@code PortNumber}</td><td>1..65535 (25)</td></tr>
 *   <tr><td>{@code SenderEmail}</td><td>From address, at most 512 characters (required with a
 *       server)</td></tr>
 *   <tr><td>{@code RequireTlsFlag}</td><td>STARTTLS required (true)</td></tr>
 *   <tr><td>{@code RequireSmtpsFlag}</td><td>implicit TLS (false)</td></tr>
 *   <tr><td>{@code VerifySslCertificate}</td><td>verify chain and host name (true)</td></tr>
 *   <tr><td>{@code UseClientCertificate}</td><td>present the client key of the attached {@link
 *       SSLContext} (false)</td></tr>
 *   <tr><td>{@code RequireUserAuthentication}</td><td>authenticate (false)</td></tr>
 *   <tr><td>{@code ServiceAccountName}</td><td>login name</td></tr>
 *   <tr><td>{@code ServiceAccountPassword}</td><td>password, as a secret; without it the account
 *       is resolved through the attached {@link CredentialResolver}</td></tr>
 *   <tr><td>{@code ServiceAccountDomainName}</td><td>the directory of a directory account</td></tr>
 *   <tr><td>{@code ServiceAccountAssetName}</td><td>the asset of an asset account</td></tr>
 *   <tr><td>{@code MxLookup}</td><td>resolve ServerAddress through MX records (false)</td></tr>
 *   <tr><td>{@code ConnectTimeoutSeconds}, {@code ReadTimeoutSeconds}, {@code
 *       WriteTimeoutSeconds}</td><td>1..86400 (30, 60, 60)</td></tr>
 *   <tr><td>{@code HeloName}</td><td>EHLO name (this host's name)</td></tr>
 *   <tr><td>{@code Channel}</td><td>subscribers' {@code Type} served ({@code Email})</td></tr>
 *   <tr><td>{@code DnsServer}</td><td>DNS server for MX lookups (the system's)</td></tr>
 * </table>
 *
 * <p>Attachments: {@link CredentialResolver}, {@link SSLContext} (trust anchors and client key),
 * {@link RecipientResolver}, {@link EmailTemplates}.
 */
public final class SmtpTransportProvider implements TransportProvider {
  private static final Set<String> KNOWN = Set.of("ServerAddress", "PortNumber", "SenderEmail",
      "RequireTlsFlag", "RequireSmtpsFlag", "VerifySslCertificate", "UseClientCertificate",
      "RequireUserAuthentication", "ServiceAccountName", "ServiceAccountPassword",
      "ServiceAccountDomainName", "ServiceAccountAssetName", "MxLookup", "ConnectTimeoutSeconds",
      "ReadTimeoutSeconds", "WriteTimeoutSeconds", "HeloName", "Channel", "DnsServer");

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public SmtpTransportProvider() {}

  @Override
  public String id() {
    return "smtp";
  }

  @Override
  public Transport create(TransportSettings settings) {
    TransportSettings s = settings.path().isEmpty()
        ? settings.toBuilder().path("EmailClientConfig").build() : settings;
    s.requireKnown(KNOWN);
    SmtpTransportConfig config = config(s);
    SmtpTransport.Builder b = SmtpTransport.builder(config);
    s.attachment(EmailTemplates.class).ifPresent(b::templates);
    s.attachment(RecipientResolver.class).ifPresent(b::recipientResolver);
    s.value("DnsServer").ifPresent(b::dnsServer);
    return b.build();
  }

  /**
   * Reads an {@link SmtpTransportConfig} from settings.
   *
   * @param s the settings
   * @return the configuration
   * @throws ValidationException naming the setting of each broken rule
   */
  public static SmtpTransportConfig config(TransportSettings s) {
    SmtpTransportConfig.Builder b = SmtpTransportConfig.builder()
        .serverAddress(s.string("ServerAddress", ""))
        .port(s.intValue("PortNumber", 25, 1, 65535))
        .senderEmail(s.string("SenderEmail", ""))
        .requireTls(s.flag("RequireTlsFlag", true))
        .requireSmtps(s.flag("RequireSmtpsFlag", false))
        .verifySslCertificate(s.flag("VerifySslCertificate", true))
        .mxLookup(s.flag("MxLookup", false))
        .connectTimeout(Duration.ofSeconds(s.intValue("ConnectTimeoutSeconds", 30, 1, 86_400)))
        .readTimeout(Duration.ofSeconds(s.intValue("ReadTimeoutSeconds", 60, 1, 86_400)))
        .writeTimeout(Duration.ofSeconds(s.intValue("WriteTimeoutSeconds", 60, 1, 86_400)));
    s.value("HeloName").ifPresent(b::heloName);
    s.value("Channel").ifPresent(b::channel);
    Optional<SSLContext> ssl = s.attachment(SSLContext.class);
    if (s.flag("UseClientCertificate", false) && ssl.isEmpty()) {
      throw new ValidationException(s.pathOf("UseClientCertificate"),
          "is true but no SSLContext holding the client certificate is attached");
    }
    ssl.ifPresent(b::sslContext);
    Optional<CredentialResolver> resolver = s.attachment(CredentialResolver.class);
    resolver.ifPresent(b::credentialResolver);
    if (s.flag("RequireUserAuthentication", false)) {
      b.authentication(authentication(s, resolver.isPresent()));
    }
    try {
      return b.build();
    } catch (ValidationException e) {
      throw new ValidationException(e.violations().stream()
          .map(v -> new Violation(s.pathOf(v.path()), v.message())).toList());
    }
  }

  private static SmtpAuthentication authentication(TransportSettings s, boolean hasResolver) {
    String name = s.value("ServiceAccountName").orElseThrow(() -> new ValidationException(
        s.pathOf("ServiceAccountName"), "is required when RequireUserAuthentication is true"));
    Optional<Secret> password = s.secret("ServiceAccountPassword");
    if (password.isPresent()) {
      return SmtpAuthentication.password(name, password.get());
    }
    Optional<String> domain = s.value("ServiceAccountDomainName");
    Optional<String> asset = s.value("ServiceAccountAssetName");
    if (domain.isPresent() == asset.isPresent()) {
      throw new ValidationException(List.of(new Violation(s.pathOf("ServiceAccountPassword"),
          "authentication needs a ServiceAccountPassword, or an account named by exactly one of"
              + " ServiceAccountDomainName and ServiceAccountAssetName")));
    }
    if (!hasResolver) {
      throw new ValidationException(s.pathOf("ServiceAccountName"),
          "an account's password is resolved through a CredentialResolver; attach one");
    }
    return SmtpAuthentication.account(domain.isPresent()
        ? new AccountReference(AccountReference.Kind.DIRECTORY_ACCOUNT, domain.get(), name)
        : new AccountReference(AccountReference.Kind.ASSET_ACCOUNT, asset.get(), name));
  }
}
