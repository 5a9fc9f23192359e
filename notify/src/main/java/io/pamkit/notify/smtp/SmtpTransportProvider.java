// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import io.pamkit.core.ValidationException;
import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.dispatch.spi.TransportProvider;
import io.pamkit.core.net.EmailAddress;
import io.pamkit.core.net.HostAddress;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.secret.EnvironmentCredentialResolver;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.email.internal.DocumentFields;
import io.pamkit.notify.email.internal.Providers;
import io.pamkit.notify.oauth.AccessTokenSource;
import io.pamkit.notify.oauth.ClientCredential;
import io.pamkit.notify.oauth.IdentityPlatformTokenSource;
import io.pamkit.notify.oauth.NationalCloud;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.template.EmailTemplates;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Creates {@link SmtpTransport}s from the appliance's {@code EmailClientConfig} (or an {@code
 * EmailProviders} entry of {@code Type} {@code Smtp}); provider name {@code "smtp"}, channel {@code
 * Email}, section {@code EmailClientConfig}.
 *
 * <p>Fields (defaults are {@link SmtpTransportConfig.Builder}'s): {@code ServerAddress}, {@code
 * PortNumber}, {@code SenderEmail}, {@code RequireTlsFlag}, {@code RequireSmtpsFlag}, {@code
 * PlainTextOnly} (a pamkit addition), {@code VerifySslCertificate} (false alone still verifies),
 * {@code TrustAllCertificatesInsecurely} (a pamkit addition, needed with it for trust-all), {@code
 * RequireUserAuthentication}, {@code UseClientCertificate} (the client key is the {@link
 * TransportContext#sslContext()}'s) and {@code ConnectionProperties} ({@code ServiceAccountName}
 * with {@code ServiceAccountPassword}, or an {@code AccountReference} resolved through {@link
 * TransportContext#credentialResolver()}, or {@code ServiceAccountName} with an {@code OAuth}
 * object for {@code AUTH XOAUTH2}: {@code TenantId}, {@code ClientId}, {@code CertificateFile} with
 * {@code PrivateKeyFile}, {@code ClientSecret} or {@code AccountReference}, {@code Cloud} or {@code
 * AuthorityHost}, {@code Scope}, default {@code https://outlook.office365.com/.default}). The email
 * templates and the recipient resolver come from the context's extensions {@link EmailTemplates}
 * and {@link RecipientResolver}.
 */
public final class SmtpTransportProvider implements TransportProvider<SmtpTransportConfig> {
  private static final String OUTLOOK_SCOPE = "https://outlook.office365.com/.default";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public SmtpTransportProvider() {}

  /**
   * @return {@code "smtp"}
   */
  @Override
  public String name() {
    return "smtp";
  }

  /**
   * @return {@code "Email"}
   */
  @Override
  public String channel() {
    return Subscriber.EMAIL;
  }

  /**
   * @return {@code EmailClientConfig}
   */
  @Override
  public Optional<String> section() {
    return Optional.of("EmailClientConfig");
  }

  @Override
  public @Nullable SmtpTransportConfig settings(ConfigSection s) {
    return settings(s, EnvironmentCredentialResolver.create(), null, null);
  }

  /**
   * Reads the section; {@code keyResolver} resolves a DKIM key kept in the vault (null: such a key
   * is checked but not resolved, and the settings have no signer).
   */
  private @Nullable SmtpTransportConfig settings(
      ConfigSection s,
      CredentialResolver resolver,
      @Nullable SSLContext ssl,
      @Nullable CredentialResolver keyResolver) {
    SmtpTransportConfig.Builder b =
        SmtpTransportConfig.builder().credentialResolver(EnvironmentCredentialResolver.create());
    s.string(
        "ServerAddress",
        v -> {
          HostAddress.parse("ServerAddress", v); // the appliance's rules (IPv6 in brackets, ...)
          b.serverAddress(v);
        });
    s.integer("PortNumber", b::port);
    s.string(
        "SenderEmail",
        v -> {
          if (v.length() > 512) {
            throw new ValidationException(
                "SenderEmail", "is " + v.length() + " characters long; at most 512 are allowed");
          }
          // the From address; a display name ("Alerts <a@example.com>") is accepted and not sent
          b.senderEmail(EmailAddress.parse("SenderEmail", v).address());
        });
    Boolean tls = s.bool("RequireTlsFlag");
    Boolean smtps = s.bool("RequireSmtpsFlag");
    if (tls != null) {
      b.requireTls(tls);
    }
    if (smtps != null) {
      b.requireSmtps(smtps);
    }
    Boolean plain = s.bool("PlainTextOnly");
    if (Boolean.TRUE.equals(plain)) {
      if (tls == null) {
        b.requireTls(false); // RequireTlsFlag's default (true) gives way to an explicit choice
      }
      b.plainTextOnly(true);
    }
    DocumentFields.certificateTrust(s, b);
    boolean clientCertificate = Boolean.TRUE.equals(s.bool("UseClientCertificate"));
    boolean auth = Boolean.TRUE.equals(s.bool("RequireUserAuthentication"));
    SmtpAuthentication a =
        s.object("ConnectionProperties", "ConnectionProperties")
            .map(c -> authentication(c, resolver, ssl))
            .orElse(null);
    if (auth && a != null) {
      s.set("ConnectionProperties", () -> b.authentication(a));
    }
    s.object("Dkim", "Dkim")
        .ifPresent(
            d -> {
              DkimSigner signer = dkim(d, keyResolver);
              if (signer != null) {
                b.dkimSigner(signer);
              }
            });
    s.readOnly("UpdatedDate", "UpdatedByUserId", "UpdatedByUserDisplayName");
    boolean clean = s.clean();
    SmtpTransportConfig c = s.build(b::build);
    if (clean && auth && a == null) {
      s.problem(
          "ConnectionProperties",
          "RequireUserAuthentication is true but no credential is"
              + " given: set ServiceAccountName with ServiceAccountPassword, or AccountReference (the"
              + " appliance never returns the password)");
    }
    if (clean && clientCertificate && Boolean.FALSE.equals(tls) && !Boolean.TRUE.equals(smtps)) {
      s.problem("UseClientCertificate", "needs RequireTlsFlag or RequireSmtpsFlag");
    }
    return s.clean() ? c : null;
  }

  private static @Nullable SmtpAuthentication authentication(
      ConfigSection c, CredentialResolver resolver, @Nullable SSLContext ssl) {
    c.integer("ServiceAccountId");
    String name = c.string("ServiceAccountName");
    Secret password = c.secret("ServiceAccountPassword");
    AccountReference ref =
        c.object("AccountReference", "AccountReference")
            .map(DocumentFields::accountReference)
            .orElse(null);
    Optional<ConfigSection> oauth = c.object("OAuth", "OAuth");
    AccessTokenSource tokens = oauth.map(o -> tokenSource(o, resolver, ssl)).orElse(null);
    c.readOnly(
        "ServiceAccountDomainName", "ServiceAccountHasPassword", "EffectiveServiceAccountName");
    c.finish();
    if (oauth.isPresent()) {
      if (password != null || c.has("AccountReference")) {
        c.problem("OAuth", "give ServiceAccountPassword, AccountReference or OAuth, one of them");
        return null;
      }
      if (name == null) {
        c.problem("ServiceAccountName", "is required with OAuth: the mailbox to authenticate as");
        return null;
      }
      return tokens == null ? null : SmtpAuthentication.oauth2(name, tokens);
    }
    if (password != null && ref != null) {
      c.problem("AccountReference", "give ServiceAccountPassword or AccountReference, not both");
      return null;
    }
    if (password != null) {
      if (name == null) {
        c.problem("ServiceAccountName", "is required with ServiceAccountPassword");
        return null;
      }
      return SmtpAuthentication.password(name, password);
    }
    return ref == null ? null : SmtpAuthentication.account(ref);
  }

  /**
   * Reads a {@code Dkim} object: {@code Domain}, {@code Selector}, and the private key (PKCS#8 PEM,
   * RSA or Ed25519) from {@code PrivateKeyFile} or, as the password of a vaulted account, {@code
   * AccountReference}.
   */
  private static @Nullable DkimSigner dkim(
      ConfigSection d, @Nullable CredentialResolver keyResolver) {
    String domain = d.string("Domain");
    String selector = d.string("Selector");
    String file = d.string("PrivateKeyFile");
    AccountReference ref =
        d.object("AccountReference", "AccountReference")
            .map(DocumentFields::accountReference)
            .orElse(null);
    if (domain == null) {
      d.problem("Domain", "is required: the signing domain (d=), e.g. example.com");
    }
    if (selector == null) {
      d.problem("Selector", "is required: the selector (s=) the public key is published under");
    }
    if (file != null && d.has("AccountReference")) {
      d.problem("AccountReference", "give PrivateKeyFile or AccountReference, not both");
      return null;
    }
    if (file == null && !d.has("AccountReference")) {
      d.problem(
          "PrivateKeyFile",
          "is required (or AccountReference): the PKCS#8 PEM private" + " key, RSA or Ed25519");
      return null;
    }
    PrivateKey[] key = {null};
    if (file != null) {
      d.set(
          "PrivateKeyFile",
          () -> {
            String pem;
            try {
              pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
              throw new IllegalArgumentException(
                  "cannot read '" + file + "': " + e.getClass().getSimpleName());
            }
            key[0] = DocumentFields.privateKey(pem, "RSA", "Ed25519");
          });
    } else if (ref != null && keyResolver != null) {
      d.set(
          "AccountReference",
          () -> {
            try {
              key[0] =
                  DocumentFields.privateKey(keyResolver.resolve(ref).reveal(), "RSA", "Ed25519");
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("the password of " + ref + " " + e.getMessage());
            }
          });
    }
    return d.build(
        () ->
            key[0] == null
                ? null
                : DkimSigner.builder(String.valueOf(domain), String.valueOf(selector), key[0])
                    .build());
  }

  /**
   * Reads an {@code OAuth} object: {@code TenantId}, {@code ClientId}, the client's credential
   * ({@code CertificateFile} with {@code PrivateKeyFile}, {@code ClientSecret} or {@code
   * AccountReference}), {@code Cloud} or {@code AuthorityHost}, and {@code Scope} (default {@code
   * https://outlook.office365.com/.default}).
   */
  private static @Nullable AccessTokenSource tokenSource(
      ConfigSection o, CredentialResolver resolver, @Nullable SSLContext ssl) {
    String tenant = o.string("TenantId");
    String clientId = o.string("ClientId");
    if (tenant == null) {
      o.problem("TenantId", "is required: the directory (tenant) id or a verified domain");
    }
    if (clientId == null) {
      o.problem("ClientId", "is required: the application (client) id");
    }
    ClientCredential credential = DocumentFields.clientCredential(o, resolver);
    NationalCloud[] cloud = {NationalCloud.GLOBAL};
    o.string("Cloud", v -> cloud[0] = NationalCloud.fromWireName(v));
    URI[] authority = {null};
    o.string(
        "AuthorityHost",
        v -> {
          try {
            authority[0] = new URI(v.strip());
          } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + v + "' is not a URI: " + e.getReason(), e);
          }
        });
    String scope = o.string("Scope");
    return o.build(
        () ->
            IdentityPlatformTokenSource.builder(
                    String.valueOf(tenant).strip(),
                    String.valueOf(clientId).strip(),
                    java.util.Objects.requireNonNull(credential))
                .authorityHost(authority[0] != null ? authority[0] : cloud[0].authorityHost())
                .scope(scope != null ? scope : OUTLOOK_SCOPE)
                .sslContext(ssl)
                .build());
  }

  @Override
  public Transport create(ConfigSection section, TransportContext context) {
    SmtpTransportConfig c =
        settings(
            section,
            context.credentialResolver(),
            context.sslContext().orElse(null),
            context.credentialResolver());
    if (c == null
        || Boolean.TRUE.equals(section.bool("UseClientCertificate"))
            && context.sslContext().isEmpty()) {
      if (c != null) {
        section.problem(
            "UseClientCertificate",
            "is true but the TransportContext has no"
                + " SSLContext holding the client certificate");
      }
      throw new ConfigurationException(section.problems());
    }
    SmtpTransportConfig.Builder b = c.toBuilder().credentialResolver(context.credentialResolver());
    if (!Boolean.TRUE.equals(section.bool("UseClientCertificate"))
        && context.trustAnchors().isPresent()) {
      // trust anchors alone (the document's TrustAnchors, --ca-cert): keep VerifySslCertificate's
      // meaning, which an SSLContext would override
      b.trustAnchors(context.trustAnchors().get());
    } else {
      context.sslContext().ifPresent(b::sslContext);
    }
    SmtpTransport.Builder t = SmtpTransport.builder(Providers.buildOrThrow(section, b::build));
    return Providers.extensions(t, context).build();
  }

  /**
   * @return the provider's name
   */
  @Override
  public String toString() {
    return "SmtpTransportProvider";
  }
}
