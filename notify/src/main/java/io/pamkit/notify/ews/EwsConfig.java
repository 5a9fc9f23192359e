// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.internal.Text;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.notify.email.HttpEmailSettings;
import io.pamkit.notify.email.internal.OutboundEmail;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The settings of an {@link EwsTransport}: the EWS URL, the mailbox that sends, how to
 * authenticate, impersonation, the {@code RequestServerVersion} and whether a copy is saved.
 *
 * <pre>{@code
 * EwsConfig config = EwsConfig.builder()
 *     .endpoint(URI.create("https://mail.example.com/EWS/Exchange.asmx"))
 *     .senderEmail("pam@example.com")
 *     .authentication(EwsAuthentication.basic("EXAMPLE\\svc-pam", password))
 *     .build();
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p><b>Trust-all only by an explicit option.</b> {@code VerifySslCertificate: false} alone (as
 * pasted from the appliance, where it means trust-all TLS) still verifies the server's chain and
 * host name, and the transport logs what to add; any certificate is accepted only with {@code
 * TrustAllCertificatesInsecurely: true} as well ({@link Builder#trustAllCertificatesInsecurely}),
 * and every request made that way is logged as a warning.
 *
 * <p>Immutable and thread-safe; the builder is not. {@link #toString()} never shows a secret.
 */
public final class EwsConfig extends HttpEmailSettings {
  private static final Set<String> VERSIONS =
      Set.of(
          "Exchange2007",
          "Exchange2007_SP1",
          "Exchange2010",
          "Exchange2010_SP1",
          "Exchange2010_SP2",
          "Exchange2013",
          "Exchange2013_SP1",
          "Exchange2016",
          "V2015_10_05",
          "V2016_01_06",
          "V2017_04_14",
          "V2017_07_11",
          "V2017_10_09",
          "V2018_01_08");

  /** What Exchange does with the message ({@code CreateItem/@MessageDisposition}). */
  public enum MessageDisposition {
    /** Send and keep a copy in Sent Items ({@code SendAndSaveCopy}). */
    SEND_AND_SAVE_COPY("SendAndSaveCopy"),
    /** Send without keeping a copy ({@code SendOnly}); not usable with delegate access. */
    SEND_ONLY("SendOnly");

    private final String wire;

    MessageDisposition(String wire) {
      this.wire = wire;
    }

    /**
     * Returns the attribute value.
     *
     * @return e.g. {@code SendAndSaveCopy}
     */
    public String wire() {
      return wire;
    }
  }

  private final URI endpoint;
  private final String senderEmail;
  private final EwsAuthentication authentication;
  private final @Nullable CredentialResolver credentialResolver;
  private final boolean impersonate;
  private final String serverVersion;
  private final MessageDisposition disposition;
  private final boolean allowExchangeOnline;

  private EwsConfig(Builder b, URI endpoint, String sender, EwsAuthentication auth) {
    super(b);
    this.endpoint = endpoint;
    this.senderEmail = sender;
    this.authentication = auth;
    this.credentialResolver = b.credentialResolver;
    this.impersonate = b.impersonate;
    this.serverVersion = b.serverVersion;
    this.disposition = b.disposition;
    this.allowExchangeOnline = b.allowExchangeOnline;
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = copyTo(new Builder());
    b.endpoint = endpoint;
    b.senderEmail = senderEmail;
    b.authentication = authentication;
    b.credentialResolver = credentialResolver;
    b.impersonate = impersonate;
    b.serverVersion = serverVersion;
    b.disposition = disposition;
    b.allowExchangeOnline = allowExchangeOnline;
    return b;
  }

  /**
   * @return the EWS URL, e.g. {@code https://mail.example.com/EWS/Exchange.asmx}
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * @return whether the endpoint is Exchange Online ({@code outlook.office365.com})
   */
  public boolean exchangeOnline() {
    String host = endpoint.getHost().toLowerCase(Locale.ROOT);
    return host.equals("outlook.office365.com")
        || host.endsWith(".outlook.office365.com")
        || host.equals("outlook.office.com");
  }

  /**
   * @return whether an Exchange Online endpoint was explicitly allowed
   */
  public boolean allowExchangeOnline() {
    return allowExchangeOnline;
  }

  /**
   * @return the mailbox the email is sent from
   */
  public String senderEmail() {
    return senderEmail;
  }

  /**
   * @return how the transport authenticates
   */
  public EwsAuthentication authentication() {
    return authentication;
  }

  /**
   * @return the resolver of vaulted passwords, if set
   */
  public Optional<CredentialResolver> credentialResolver() {
    return Optional.ofNullable(credentialResolver);
  }

  /**
   * @return whether requests impersonate the sender mailbox ({@code ExchangeImpersonation})
   */
  public boolean impersonate() {
    return impersonate;
  }

  /**
   * @return the {@code RequestServerVersion}, e.g. {@code Exchange2013_SP1}
   */
  public String serverVersion() {
    return serverVersion;
  }

  /**
   * @return the message disposition
   */
  public MessageDisposition disposition() {
    return disposition;
  }

  /** Returns the settings; no password or token. */
  @Override
  public String toString() {
    return "EwsConfig{endpoint="
        + endpoint
        + ", senderEmail="
        + senderEmail
        + ", authentication="
        + authentication
        + ", impersonate="
        + impersonate
        + ", serverVersion="
        + serverVersion
        + ", disposition="
        + disposition.wire()
        + ", timeouts="
        + connectTimeout()
        + "/"
        + requestTimeout()
        + (trustsAllCertificates() ? ", trustAllCertificatesInsecurely" : "")
        + ", channel="
        + channel()
        + "}";
  }

  /** Builds {@link EwsConfig}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder extends HttpEmailSettings.Builder<Builder> {
    private @Nullable URI endpoint;
    private String senderEmail = "";
    private @Nullable EwsAuthentication authentication;
    private @Nullable CredentialResolver credentialResolver;
    private boolean impersonate;
    private String serverVersion = "Exchange2013_SP1";
    private MessageDisposition disposition = MessageDisposition.SEND_AND_SAVE_COPY;
    private boolean allowExchangeOnline;

    private Builder() {
      super(Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Allows an Exchange Online endpoint ({@code outlook.office365.com}). Exchange Online blocks
     * EWS for applications that are not allow-listed since 1 October 2026 and removes EWS on 1
     * April 2027; send through Microsoft Graph or SMTP with XOAUTH2 instead. Set this only for an
     * allow-listed application until then; the transport logs a warning naming the dates. Document
     * field: {@code AllowExchangeOnline}. Default: false, such an endpoint is refused.
     *
     * @param allow true to allow Exchange Online
     * @return this builder
     */
    public Builder allowExchangeOnline(boolean allow) {
      this.allowExchangeOnline = allow;
      return this;
    }

    /**
     * Sets the EWS URL. Required. Exchange Online's is {@code
     * https://outlook.office365.com/EWS/Exchange.asmx}.
     *
     * @param endpoint an absolute https URI without query or fragment
     * @return this builder
     * @throws ValidationException if not https or with a query or fragment
     */
    public Builder endpoint(URI endpoint) {
      requireNonNull(endpoint, "endpoint");
      if (!endpoint.isAbsolute()
          || endpoint.getScheme() == null
          || !endpoint.getScheme().equalsIgnoreCase("https")
          || endpoint.getHost() == null) {
        throw new ValidationException(
            "endpoint",
            "'"
                + Text.redactedUrl(endpoint.toString())
                + "' is not an absolute https"
                + " URI (plain http would send credentials in clear text)");
      }
      if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
        throw new ValidationException(
            "endpoint",
            "'" + Text.redactedUrl(endpoint.toString()) + "' must not have a query or fragment");
      }
      if (endpoint.getRawUserInfo() != null) {
        throw new ValidationException(
            "endpoint", "must not contain user information; use the authentication settings");
      }
      this.endpoint = endpoint;
      return this;
    }

    /**
     * Sets the mailbox the email is sent from (the appliance's "Mailbox for Send and Receive").
     * Required.
     *
     * @param senderEmail a single address
     * @return this builder
     */
    public Builder senderEmail(String senderEmail) {
      this.senderEmail = requireNonNull(senderEmail, "senderEmail");
      return this;
    }

    /**
     * Sets the authentication. Required.
     *
     * @param authentication Basic, vaulted account, bearer, NTLM, Negotiate or Kerberos
     * @return this builder
     */
    public Builder authentication(EwsAuthentication authentication) {
      this.authentication = requireNonNull(authentication, "authentication");
      return this;
    }

    /**
     * Sets the resolver of vaulted passwords; required with {@link EwsAuthentication#account}.
     * Default: none.
     *
     * @param resolver the resolver, or null
     * @return this builder
     */
    public Builder credentialResolver(@Nullable CredentialResolver resolver) {
      this.credentialResolver = resolver;
      return this;
    }

    /**
     * Sets whether each request impersonates the sender mailbox: an {@code ExchangeImpersonation}
     * header with its {@code PrimarySmtpAddress} and the HTTP header {@code X-AnchorMailbox}.
     * Needed by app-only OAuth; the account needs the ApplicationImpersonation role. Default:
     * false.
     *
     * @param impersonate true to impersonate
     * @return this builder
     */
    public Builder impersonate(boolean impersonate) {
      this.impersonate = impersonate;
      return this;
    }

    /**
     * Sets the {@code RequestServerVersion}. Default: {@code Exchange2013_SP1}.
     *
     * @param version one of Exchange2007 ... Exchange2016, V2015_10_05 ... V2018_01_08
     * @return this builder
     * @throws ValidationException if not a known version
     */
    public Builder serverVersion(String version) {
      requireNonNull(version, "serverVersion");
      if (!VERSIONS.contains(version)) {
        throw new ValidationException(
            "serverVersion",
            "'" + version + "' is not one of " + new java.util.TreeSet<>(VERSIONS));
      }
      this.serverVersion = version;
      return this;
    }

    /**
     * Sets what Exchange does with the message. Default: {@link
     * MessageDisposition#SEND_AND_SAVE_COPY} (a copy in Sent Items).
     *
     * @param disposition the disposition
     * @return this builder
     */
    public Builder disposition(MessageDisposition disposition) {
      this.disposition = requireNonNull(disposition, "disposition");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws ValidationException listing every broken rule: no endpoint, sender or authentication;
     *     a vaulted account without a resolver; an Exchange Online endpoint not {@linkplain
     *     #allowExchangeOnline allowed}; Basic authentication against Exchange Online (which
     *     accepts OAuth only); {@code TrustAllCertificatesInsecurely} with {@code
     *     VerifySslCertificate} true
     */
    public EwsConfig build() {
      List<Violation> v = new ArrayList<>();
      if (endpoint == null) {
        v.add(new Violation("endpoint", "is required"));
      }
      String sender = "";
      try {
        sender = OutboundEmail.checkAddress("senderEmail", senderEmail);
      } catch (ValidationException e) {
        v.addAll(e.violations());
      }
      if (authentication == null) {
        v.add(new Violation("authentication", "is required"));
      } else if (authentication.account().isPresent() && credentialResolver == null) {
        v.add(
            new Violation(
                "authentication",
                "the vaulted account "
                    + authentication.account().orElseThrow()
                    + " needs a CredentialResolver"));
      }
      checkCertificateTrust(v);
      if (!v.isEmpty()) {
        throw new ValidationException(v);
      }
      EwsConfig c =
          new EwsConfig(this, requireNonNull(endpoint), sender, requireNonNull(authentication));
      if (c.exchangeOnline() && !allowExchangeOnline) {
        throw new ValidationException(
            "endpoint",
            "Exchange Online blocks EWS for applications"
                + " that are not allow-listed since 1 October 2026 and removes it on 1 April 2027:"
                + " send through Microsoft Graph (Type Graph) or SMTP with XOAUTH2; an allow-listed"
                + " application may set AllowExchangeOnline until then");
      }
      if (c.exchangeOnline() && authentication.kind() != EwsAuthentication.Kind.BEARER) {
        throw new ValidationException(
            "authentication",
            "Exchange Online accepts OAuth bearer"
                + " tokens only (Basic authentication was removed in October 2022)");
      }
      return c;
    }
  }
}
