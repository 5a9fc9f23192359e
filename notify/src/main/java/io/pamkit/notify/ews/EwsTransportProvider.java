// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews;

import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.dispatch.spi.TransportProvider;
import io.pamkit.core.internal.Text;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.EnvironmentCredentialResolver;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.email.internal.DocumentFields;
import io.pamkit.notify.email.internal.Providers;
import io.pamkit.notify.oauth.ClientCredential;
import io.pamkit.notify.oauth.IdentityPlatformTokenSource;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Creates {@link EwsTransport}s from an {@code EmailProviders} entry of {@code Type} {@code Ews};
 * provider name {@code "ews"}, channel {@code Email}, no top-level section.
 *
 * <p>Fields (defaults are {@link EwsConfig.Builder}'s): {@code ServiceUrl} (required, https),
 * {@code Mailbox} (required: the sending mailbox), and one way to authenticate: {@code UserName}
 * (default: the {@code Mailbox}) with {@code Password}, {@code UserName} with a vaulted {@code
 * AccountReference} (resolved through {@link TransportContext#credentialResolver()}), or OAuth
 * client credentials ({@code OAuthTenant}, {@code OAuthClientId}, {@code OAuthClientSecret}, all
 * three; the tokens come from {@link IdentityPlatformTokenSource} for scope {@code
 * https://outlook.office365.com/.default}). {@code Authentication} chooses the mechanism for the
 * password or vaulted account: the default {@code Basic} (over https only); for on-premises
 * Exchange {@code Ntlm}, {@code Negotiate} (Kerberos when the JDK finds a Kerberos configuration,
 * else NTLM inside Negotiate) or {@code Kerberos} (Negotiate with Kerberos only). {@code
 * AllowExchangeOnline} {@code true} is needed for an {@code outlook.office365.com} URL (Exchange
 * Online blocks EWS for applications not allow-listed since 1 October 2026 and removes it on 1
 * April 2027; use a {@code Graph} provider). {@code VerifySslCertificate} {@code false} alone still
 * verifies the server (a warning says what to add); with {@code TrustAllCertificatesInsecurely}
 * {@code true} as well it trusts any server certificate (test servers only; each request is logged
 * as a warning). {@code ConnectTimeoutSeconds} and {@code RequestTimeoutSeconds}: 1 to 3600.
 */
public final class EwsTransportProvider implements TransportProvider<EwsConfig> {
  private static final String EXCHANGE_SCOPE = "https://outlook.office365.com/.default";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public EwsTransportProvider() {}

  /**
   * @return {@code "ews"}
   */
  @Override
  public String name() {
    return "ews";
  }

  /**
   * @return {@code "Email"}
   */
  @Override
  public String channel() {
    return Subscriber.EMAIL;
  }

  @Override
  public @Nullable EwsConfig settings(ConfigSection s) {
    EwsConfig.Builder b =
        EwsConfig.builder().credentialResolver(EnvironmentCredentialResolver.create());
    String url = s.string("ServiceUrl");
    if (url == null) {
      s.problem("ServiceUrl", "is required");
    } else {
      s.set(
          "ServiceUrl",
          () -> {
            try {
              b.endpoint(new URI(url.strip()));
            } catch (URISyntaxException e) {
              throw new IllegalArgumentException(
                  "'" + Text.redactedUrl(url) + "' is not a URI: " + e.getReason(), e);
            }
          });
    }
    String mailbox = s.string("Mailbox");
    if (mailbox == null) {
      s.problem("Mailbox", "is required");
    } else {
      s.set("Mailbox", () -> b.senderEmail(mailbox));
    }
    String userName = s.string("UserName");
    String user = userName != null ? userName : mailbox;
    Secret password = s.secret("Password");
    AccountReference ref =
        s.object("AccountReference", "AccountReference")
            .map(DocumentFields::accountReference)
            .orElse(null);
    DocumentFields.certificateTrust(s, b);
    s.bool("AllowExchangeOnline", b::allowExchangeOnline);
    DocumentFields.timeouts(s, b);
    String mechanism = s.string("Authentication");
    EwsAuthentication.Kind kind = EwsAuthentication.Kind.BASIC;
    if (mechanism != null) {
      switch (mechanism.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "basic" -> kind = EwsAuthentication.Kind.BASIC;
        case "ntlm" -> kind = EwsAuthentication.Kind.NTLM;
        case "negotiate" -> kind = EwsAuthentication.Kind.NEGOTIATE;
        case "kerberos" -> kind = EwsAuthentication.Kind.KERBEROS;
        default ->
            s.problem(
                "Authentication",
                "'"
                    + mechanism
                    + "' is not one of Basic, Ntlm, Negotiate, Kerberos (OAuth is chosen by the"
                    + " OAuth fields)");
      }
    }
    boolean windows = kind != EwsAuthentication.Kind.BASIC;
    String tenant = s.string("OAuthTenant");
    String clientId = s.string("OAuthClientId");
    Secret clientSecret = s.secret("OAuthClientSecret");
    if (tenant != null || clientId != null || clientSecret != null) {
      if (tenant == null || clientId == null || clientSecret == null) {
        s.problem(
            "OAuthTenant",
            "OAuthTenant, OAuthClientId and OAuthClientSecret go together; give all three");
      } else if (windows) {
        s.problem(
            "Authentication", mechanism + " is for on-premises Exchange; OAuth is configured");
      } else if (password != null || ref != null) {
        s.problem(
            password != null ? "Password" : "AccountReference",
            "OAuth is configured:" + " do not set Password or AccountReference too");
      } else {
        s.set(
            "OAuthClientId",
            () ->
                b.authentication(
                    EwsAuthentication.bearer(
                        IdentityPlatformTokenSource.builder(
                                tenant.strip(), clientId, ClientCredential.secret(clientSecret))
                            .scope(EXCHANGE_SCOPE)
                            .build())));
      }
    } else if (user == null) {
      s.problem(
          "UserName",
          "is required (or give OAuthTenant, OAuthClientId and" + " OAuthClientSecret)");
    } else if (password != null && ref != null) {
      s.problem("AccountReference", "give Password or AccountReference, not both");
    } else if (password != null) {
      EwsAuthentication.Kind k = kind;
      s.set("Password", () -> b.authentication(withPassword(k, user, password)));
    } else if (ref != null) {
      EwsAuthentication.Kind k = kind;
      s.set("AccountReference", () -> b.authentication(withAccount(k, user, ref)));
    } else {
      s.problem(
          "Password",
          "an Ews provider needs a Password, an AccountReference or OAuth" + " settings");
    }
    return Providers.build(s, b::build, EwsTransportProvider::fieldName);
  }

  private static EwsAuthentication withPassword(
      EwsAuthentication.Kind kind, String user, Secret password) {
    return switch (kind) {
      case NTLM -> EwsAuthentication.ntlm(user, password);
      case NEGOTIATE -> EwsAuthentication.negotiate(user, password);
      case KERBEROS -> EwsAuthentication.kerberos(user, password);
      default -> EwsAuthentication.basic(user, password);
    };
  }

  private static EwsAuthentication withAccount(
      EwsAuthentication.Kind kind, String user, AccountReference ref) {
    return switch (kind) {
      case NTLM -> EwsAuthentication.ntlm(user, ref);
      case NEGOTIATE -> EwsAuthentication.negotiate(user, ref);
      case KERBEROS -> EwsAuthentication.kerberos(user, ref);
      default -> EwsAuthentication.account(user, ref);
    };
  }

  private static String fieldName(String field) {
    return switch (field) {
      case "endpoint" -> "ServiceUrl";
      case "senderEmail" -> "Mailbox";
      case "authentication" -> "UserName";
      default -> field;
    };
  }

  @Override
  public Transport create(ConfigSection section, TransportContext context) {
    EwsConfig c = settings(section);
    if (c == null) {
      throw new ConfigurationException(section.problems());
    }
    EwsConfig.Builder b = c.toBuilder().credentialResolver(context.credentialResolver());
    context.sslContext().ifPresent(b::sslContext);
    EwsTransport.Builder t = EwsTransport.builder(b.build());
    return Providers.extensions(t, context).build();
  }
}
