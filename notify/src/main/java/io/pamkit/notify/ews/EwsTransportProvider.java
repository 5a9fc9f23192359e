package io.pamkit.notify.ews;

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
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Creates {@link EwsTransport}s from settings; provider id {@code "ews"}.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>name</th><th>meaning (default)</th></tr>
 *   <tr><td>{@code Url}</td><td>the EWS URL, https (required)</td></tr>
 *   <tr><td>{@code Mailbox}</td><td>the mailbox that sends (required)</td></tr>
 *   <tr><td>{@code UserName}</td><td>Basic login (required unless an {@link AccessTokenSource}
 *       is attached)</td></tr>
 *   <tr><td>{@code Password}</td><td>Basic password, as a secret; without it the account is
 *       resolved through the attached {@link CredentialResolver}</td></tr>
 *   <tr><td>{@code AccountDomainName}, {@code AccountAssetName}</td><td>the directory or asset of
 *       the vaulted account (exactly one, when there is no {@code Password})</td></tr>
 *   <tr><td>{@code Impersonate}</td><td>impersonate the mailbox (false)</td></tr>
 *   <tr><td>{@code ServerVersion}</td><td>{@code RequestServerVersion}
 *       ({@code Exchange2013_SP1})</td></tr>
 *   <tr><td>{@code MessageDisposition}</td><td>{@code SendAndSaveCopy} or {@code SendOnly}
 *       ({@code SendAndSaveCopy})</td></tr>
 *   <tr><td>{@code ConnectTimeoutSeconds}, {@code RequestTimeoutSeconds}</td><td>1..3600 (10,
 *       60)</td></tr>
 *   <tr><td>{@code Channel}</td><td>subscribers' {@code Type} served ({@code Email})</td></tr>
 *   <tr><td>{@code OAuthTenant}, {@code OAuthClientId}, {@code OAuthClientSecret} (a
 *       secret)</td><td>app-only OAuth with a {@link ClientCredentialsTokenSource} (none)</td></tr>
 * </table>
 *
 * <p>Attachments: {@link AccessTokenSource} (selects OAuth bearer authentication), {@link
 * CredentialResolver}, {@link SSLContext} (trust), {@link RecipientResolver}, {@link
 * EmailTemplates}.
 */
public final class EwsTransportProvider implements TransportProvider {
  private static final Set<String> KNOWN = Set.of("Url", "Mailbox", "UserName", "Password",
      "AccountDomainName", "AccountAssetName", "Impersonate", "ServerVersion",
      "MessageDisposition", "ConnectTimeoutSeconds", "RequestTimeoutSeconds", "Channel",
      "OAuthTenant", "OAuthClientId", "OAuthClientSecret");

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public EwsTransportProvider() {}

  /**
   * Returns {@code "ews"}.
   *
   * @return the provider id
   */
  @Override
  public String id() {
    return "ews";
  }

  /**
   * Creates an EWS transport.
   *
   * @param settings the settings of the class comment
   * @return a new transport
   * @throws ValidationException naming each unknown, missing or invalid setting
   */
  @Override
  public Transport create(TransportSettings settings) {
    TransportSettings s = settings.path().isEmpty()
        ? settings.toBuilder().path("Ews").build() : settings;
    s.requireKnown(KNOWN);
    EwsTransport.Builder b = EwsTransport.builder(config(s));
    s.attachment(EmailTemplates.class).ifPresent(b::templates);
    s.attachment(RecipientResolver.class).ifPresent(b::recipientResolver);
    return b.build();
  }

  /**
   * Reads an {@link EwsConfig} from settings.
   *
   * @param s the settings
   * @return the configuration
   * @throws ValidationException naming the setting of each broken rule
   */
  public static EwsConfig config(TransportSettings s) {
    EwsConfig.Builder b = EwsConfig.builder()
        .senderEmail(s.string("Mailbox", ""))
        .impersonate(s.flag("Impersonate", false))
        .connectTimeout(Duration.ofSeconds(s.intValue("ConnectTimeoutSeconds", 10, 1, 3600)))
        .requestTimeout(Duration.ofSeconds(s.intValue("RequestTimeoutSeconds", 60, 1, 3600)));
    try {
      String url = s.value("Url").orElseThrow(() ->
          new ValidationException("endpoint", "is required"));
      try {
        b.endpoint(new URI(url.strip()));
      } catch (URISyntaxException e) {
        throw new ValidationException("endpoint", "'" + url + "' is not a URI: " + e.getReason());
      }
      s.value("ServerVersion").ifPresent(v -> b.serverVersion(v.strip()));
      String disposition = s.string("MessageDisposition", "SendAndSaveCopy").strip();
      if (disposition.equals("SendAndSaveCopy")) {
        b.disposition(EwsConfig.MessageDisposition.SEND_AND_SAVE_COPY);
      } else if (disposition.equals("SendOnly")) {
        b.disposition(EwsConfig.MessageDisposition.SEND_ONLY);
      } else {
        throw new ValidationException("MessageDisposition", "'" + disposition
            + "' is not SendAndSaveCopy or SendOnly");
      }
      s.value("Channel").ifPresent(b::channel);
      s.attachment(SSLContext.class).ifPresent(b::sslContext);
      Optional<CredentialResolver> resolver = s.attachment(CredentialResolver.class);
      resolver.ifPresent(b::credentialResolver);
      b.authentication(authentication(s));
      return b.build();
    } catch (ValidationException e) {
      throw new ValidationException(e.violations().stream()
          .map(v -> new Violation(s.pathOf(settingName(v.path())), v.message())).toList());
    } catch (IllegalArgumentException e) {
      throw new ValidationException(s.pathOf("UserName"), e.getMessage());
    }
  }

  private static EwsAuthentication authentication(TransportSettings s) {
    Optional<AccessTokenSource> tokens = s.attachment(AccessTokenSource.class);
    Optional<String> tenant = s.value("OAuthTenant");
    if (tenant.isPresent()) {
      if (tokens.isPresent()) {
        throw new ValidationException("OAuthTenant", "set either OAuthTenant or an attached"
            + " AccessTokenSource, not both");
      }
      String clientId = s.value("OAuthClientId").orElseThrow(() -> new ValidationException(
          "OAuthClientId", "is required with OAuthTenant"));
      Secret secret = s.secret("OAuthClientSecret").orElseThrow(() -> new ValidationException(
          "OAuthClientSecret", "is required with OAuthTenant, as a secret"));
      ClientCredentialsTokenSource.Builder tb =
          ClientCredentialsTokenSource.builder(tenant.get().strip(), clientId, secret);
      s.attachment(SSLContext.class).ifPresent(tb::sslContext);
      tokens = Optional.of(tb.build());
    }
    if (tokens.isPresent()) {
      if (s.value("UserName").isPresent() || s.secret("Password").isPresent()) {
        throw new ValidationException("UserName", "an AccessTokenSource is attached (OAuth):"
            + " do not set UserName or Password too");
      }
      return EwsAuthentication.bearer(tokens.get());
    }
    String user = s.value("UserName").orElseThrow(() -> new ValidationException("UserName",
        "is required for Basic authentication (or attach an AccessTokenSource for OAuth)"));
    Optional<Secret> password = s.secret("Password");
    if (password.isPresent()) {
      return EwsAuthentication.basic(user, password.get());
    }
    Optional<String> domain = s.value("AccountDomainName");
    Optional<String> asset = s.value("AccountAssetName");
    if (domain.isPresent() == asset.isPresent()) {
      throw new ValidationException("Password", "Basic authentication needs a Password, or a"
          + " vaulted account named by exactly one of AccountDomainName and AccountAssetName");
    }
    return EwsAuthentication.account(user, domain.isPresent()
        ? new AccountReference(AccountReference.Kind.DIRECTORY_ACCOUNT, domain.get(), user)
        : new AccountReference(AccountReference.Kind.ASSET_ACCOUNT, asset.get(), user));
  }

  private static String settingName(String field) {
    switch (field) {
      case "endpoint": return "Url";
      case "senderEmail": return "Mailbox";
      case "serverVersion": return "ServerVersion";
      case "authentication": return "UserName";
      case "tenant": return "OAuthTenant";
      case "clientId": return "OAuthClientId";
      case "clientSecret": return "OAuthClientSecret";
      default: return field;
    }
  }
}
