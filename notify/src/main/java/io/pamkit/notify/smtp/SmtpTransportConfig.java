// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.EmailSettings;
import io.pamkit.notify.email.internal.OutboundEmail;
import java.net.InetAddress;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The SMTP transport's settings: every field of the appliance's {@code EmailClientConfig} with its
 * default, plus timeouts, TLS material and the EHLO name.
 *
 * <table>
 *   <caption>Appliance fields</caption>
 *   <tr><th>{@code EmailClientConfig}</th><th>setter</th><th>default</th></tr>
 *   <tr><td>{@code ServerAddress}</td><td>{@link Builder#serverAddress}</td><td>blank (email
 *       disabled)</td></tr>
 *   <tr><td>{@code PortNumber}</td><td>{@link Builder#port}</td><td>25</td></tr>
 *   <tr><td>{@code RequireTlsFlag}</td><td>{@link Builder#requireTls}</td><td>true</td></tr>
 *   <tr><td>{@code PlainTextOnly} (pamkit addition)</td><td>{@link Builder#plainTextOnly}</td>
 *       <td>false: without {@code RequireTlsFlag}, STARTTLS is used when offered</td></tr>
 *   <tr><td>{@code RequireSmtpsFlag}</td><td>{@link Builder#requireSmtps}</td><td>false</td></tr>
 *   <tr><td>{@code VerifySslCertificate}</td><td>{@link Builder#verifySslCertificate}</td>
 *       <td>true; false alone still verifies (see below)</td></tr>
 *   <tr><td>{@code TrustAllCertificatesInsecurely} (pamkit addition)</td>
 *       <td>{@link Builder#trustAllCertificatesInsecurely}</td><td>false</td></tr>
 *   <tr><td>{@code UseClientCertificate}</td><td>{@link Builder#clientCertificate}</td><td>no
 *       certificate</td></tr>
 *   <tr><td>{@code RequireUserAuthentication}, {@code ConnectionProperties}</td>
 *       <td>{@link Builder#authentication}</td><td>none</td></tr>
 *   <tr><td>{@code SenderEmail}</td><td>{@link Builder#senderEmail}</td><td>none; required with a
 *       server address</td></tr>
 * </table>
 *
 * <p><b>Trust-all only by an explicit option.</b> On the appliance {@code VerifySslCertificate:
 * false} means any certificate is accepted. pamkit does not follow a pasted {@code false} alone: it
 * still verifies the chain and the host name and logs a warning saying what to add; {@code pamkit
 * validate} reports it. Trust-all needs {@code TrustAllCertificatesInsecurely: true} as well, and
 * each connection made that way is logged as a warning.
 *
 * <p>An SSL context ({@link EmailSettings.Builder#sslContext}) replaces {@link
 * Builder#trustAnchors} and {@link Builder#clientCertificate} (for key material held in an HSM, for
 * instance): its trust managers decide whether the chain is trusted, whatever {@code
 * VerifySslCertificate} says; the host name is checked unless {@link #trustsAllCertificates()}.
 *
 * <p>Immutable and thread-safe; the builder is not. {@link #toString()} shows no secret.
 */
public final class SmtpTransportConfig extends EmailSettings {
  private final String serverAddress;
  private final @Nullable ServerAddress parsedAddress;
  private final boolean mxLookup;
  private final int port;
  private final boolean requireTls;
  private final boolean requireSmtps;
  private final boolean plainTextOnly;
  private final @Nullable KeyStore trustAnchors;
  private final @Nullable KeyStore clientKeyStore;
  private final @Nullable Secret clientKeyPassword;
  private final SmtpAuthentication authentication;
  private final @Nullable CredentialResolver credentialResolver;
  private final @Nullable DkimSigner dkimSigner;
  private final String senderEmail;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final String heloName;

  private SmtpTransportConfig(Builder b, @Nullable ServerAddress parsed, String heloName) {
    super(b);
    this.serverAddress = b.serverAddress;
    this.parsedAddress = parsed;
    this.mxLookup = b.mxLookup;
    this.port = b.port;
    this.requireTls = b.requireTls;
    this.requireSmtps = b.requireSmtps;
    this.plainTextOnly = b.plainTextOnly;
    this.trustAnchors = b.trustAnchors;
    this.clientKeyStore = b.clientKeyStore;
    this.clientKeyPassword = b.clientKeyPassword;
    this.authentication = b.authentication;
    this.credentialResolver = b.credentialResolver;
    this.dkimSigner = b.dkimSigner;
    this.senderEmail = b.senderEmail;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    this.heloName = heloName;
  }

  /**
   * Starts a builder with every default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this configuration.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = copyTo(new Builder());
    b.serverAddress = serverAddress;
    b.mxLookup = mxLookup;
    b.port = port;
    b.requireTls = requireTls;
    b.requireSmtps = requireSmtps;
    b.plainTextOnly = plainTextOnly;
    b.trustAnchors = trustAnchors;
    b.clientKeyStore = clientKeyStore;
    b.clientKeyPassword = clientKeyPassword;
    b.authentication = authentication;
    b.credentialResolver = credentialResolver;
    b.dkimSigner = dkimSigner;
    b.senderEmail = senderEmail;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.writeTimeout = writeTimeout;
    b.heloName = heloName;
    return b;
  }

  /**
   * @return whether email is enabled, i.e. {@code ServerAddress} is not blank
   */
  public boolean enabled() {
    return parsedAddress != null;
  }

  /**
   * @return {@code ServerAddress} as written; empty when email is disabled
   */
  public String serverAddress() {
    return serverAddress;
  }

  /**
   * Returns the host sockets connect to: the bare IP literal, or the DNS name (the mail domain when
   * {@link #mxLookup()} is on).
   *
   * @return the host, or empty when email is disabled
   */
  public Optional<String> host() {
    return parsedAddress == null ? Optional.empty() : Optional.of(parsedAddress.host());
  }

  /**
   * @return whether {@code ServerAddress} is a mail domain resolved through its MX records
   */
  public boolean mxLookup() {
    return mxLookup;
  }

  /**
   * @return {@code PortNumber}
   */
  public int port() {
    return port;
  }

  /**
   * @return {@code RequireTlsFlag}: STARTTLS is required (ignored with SMTPS)
   */
  public boolean requireTls() {
    return requireTls;
  }

  /**
   * @return {@code RequireSmtpsFlag}: TLS from the first byte (implicit TLS)
   */
  public boolean requireSmtps() {
    return requireSmtps;
  }

  /**
   * Returns {@code PlainTextOnly} (a pamkit addition): never TLS, not even when the server offers
   * STARTTLS.
   *
   * @return whether TLS is never used
   */
  public boolean plainTextOnly() {
    return plainTextOnly;
  }

  /**
   * Returns whether the connection uses or tries TLS: SMTPS, STARTTLS required, or STARTTLS when
   * the server offers it (everything but {@link #plainTextOnly()}).
   *
   * @return false only for plain text only
   */
  public boolean usesTls() {
    return requireTls || requireSmtps || !plainTextOnly;
  }

  /**
   * @return the trust anchors the server certificate is verified against, if set
   */
  public Optional<KeyStore> trustAnchors() {
    return Optional.ofNullable(trustAnchors);
  }

  /**
   * @return {@code UseClientCertificate}: a client certificate is configured
   */
  public boolean useClientCertificate() {
    return clientKeyStore != null;
  }

  /**
   * @return the key store holding the client certificate and its key, if set
   */
  public Optional<KeyStore> clientKeyStore() {
    return Optional.ofNullable(clientKeyStore);
  }

  Optional<Secret> clientKeyPassword() {
    return Optional.ofNullable(clientKeyPassword);
  }

  /**
   * @return how the client authenticates
   */
  public SmtpAuthentication authentication() {
    return authentication;
  }

  /**
   * @return the resolver of vaulted account passwords, if set
   */
  public Optional<CredentialResolver> credentialResolver() {
    return Optional.ofNullable(credentialResolver);
  }

  /**
   * @return the DKIM signer every email is signed with, if set ({@code Dkim} in the document)
   */
  public Optional<DkimSigner> dkimSigner() {
    return Optional.ofNullable(dkimSigner);
  }

  /**
   * @return {@code SenderEmail}: the From address; empty when email is disabled
   */
  public String senderEmail() {
    return senderEmail;
  }

  /**
   * @return the connect timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * @return the read timeout (each wait for a server reply)
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * @return the write timeout (each write to the server)
   */
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /**
   * @return the name the client gives in EHLO
   */
  public String heloName() {
    return heloName;
  }

  /** Returns the settings; no password. */
  @Override
  public String toString() {
    return "SmtpTransportConfig{serverAddress="
        + serverAddress
        + (mxLookup ? " (MX)" : "")
        + ", port="
        + port
        + ", requireTls="
        + requireTls
        + ", requireSmtps="
        + requireSmtps
        + (plainTextOnly ? ", plainTextOnly" : "")
        + ", verifySslCertificate="
        + verifySslCertificate()
        + (trustAllCertificatesInsecurely() ? ", trustAllCertificatesInsecurely" : "")
        + ", clientCertificate="
        + useClientCertificate()
        + ", authentication="
        + authentication
        + (dkimSigner != null ? ", dkim=" + dkimSigner : "")
        + ", senderEmail="
        + senderEmail
        + ", timeouts="
        + connectTimeout
        + "/"
        + readTimeout
        + "/"
        + writeTimeout
        + ", channel="
        + channel()
        + "}";
  }

  /** Builds {@link SmtpTransportConfig}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder extends EmailSettings.Builder<Builder> {
    private String serverAddress = "";
    private boolean mxLookup;
    private int port = 25;
    private boolean requireTls = true;
    private boolean requireSmtps;
    private boolean plainTextOnly;
    private @Nullable KeyStore trustAnchors;
    private @Nullable KeyStore clientKeyStore;
    private @Nullable Secret clientKeyPassword;
    private SmtpAuthentication authentication = SmtpAuthentication.none();
    private @Nullable CredentialResolver credentialResolver;
    private @Nullable DkimSigner dkimSigner;
    private String senderEmail = "";
    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration writeTimeout = Duration.ofSeconds(60);
    private @Nullable String heloName;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets {@code ServerAddress}. Default: blank, which disables email. Forms: an IPv4 address
     * ({@code [192.0.2.25]}, brackets optional), an IPv6 address in square brackets ({@code
     * [2001:db8::25]}), or a DNS name; at most 255 characters. Checked in {@link #build()}.
     *
     * @param serverAddress the address, or blank to disable email
     * @return this builder
     */
    public Builder serverAddress(String serverAddress) {
      this.serverAddress = requireNonNull(serverAddress, "ServerAddress").strip();
      return this;
    }

    /**
     * Sets whether {@code ServerAddress} is a mail domain whose MX records name the server (the
     * exchange with the lowest preference is used, and its name is what the certificate must
     * match). Default: false.
     *
     * @param mxLookup true to resolve MX records
     * @return this builder
     */
    public Builder mxLookup(boolean mxLookup) {
      this.mxLookup = mxLookup;
      return this;
    }

    /**
     * Sets {@code PortNumber}. Default: 25 (use 465 with SMTPS, 587 for submission).
     *
     * @param port 1 to 65535
     * @return this builder
     * @throws ValidationException if outside 1..65535
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new ValidationException("PortNumber", port + " is outside 1..65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Sets {@code RequireTlsFlag}. Default: true: the client issues STARTTLS and the connection
     * fails, without sending anything in plain text, when the server does not offer it. False (with
     * {@code RequireSmtpsFlag} false) means opportunistic TLS: STARTTLS when the server offers it,
     * with the certificate verified as {@code VerifySslCertificate} says, and plain text when it
     * does not; {@link #plainTextOnly} never uses TLS.
     *
     * @param requireTls whether STARTTLS is required
     * @return this builder
     */
    public Builder requireTls(boolean requireTls) {
      this.requireTls = requireTls;
      return this;
    }

    /**
     * Sets {@code RequireSmtpsFlag}. Default: false. True means implicit TLS (SMTPS, typically port
     * 465): the TLS handshake is the first thing on the connection; it implies TLS, so {@code
     * RequireTlsFlag} is then not consulted.
     *
     * @param requireSmtps whether to use implicit TLS
     * @return this builder
     */
    public Builder requireSmtps(boolean requireSmtps) {
      this.requireSmtps = requireSmtps;
      return this;
    }

    /**
     * Sets {@code PlainTextOnly}, a pamkit addition. Default: false. True never uses TLS, not even
     * when the server offers STARTTLS (the appliance's "None" taken literally): for a server whose
     * STARTTLS is broken. It needs {@code RequireTlsFlag} and {@code RequireSmtpsFlag} off; it is
     * logged as a warning.
     *
     * @param plainTextOnly whether to never use TLS
     * @return this builder
     */
    public Builder plainTextOnly(boolean plainTextOnly) {
      this.plainTextOnly = plainTextOnly;
      return this;
    }

    /**
     * Sets the trust anchors the server certificate is verified against. Default: none, which means
     * the JDK's default trust store ({@code cacerts}).
     *
     * @param trustAnchors a key store of trusted certificates, or null
     * @return this builder
     */
    public Builder trustAnchors(@Nullable KeyStore trustAnchors) {
      this.trustAnchors = trustAnchors;
      return this;
    }

    /**
     * Sets the client certificate presented during the TLS handshake ({@code
     * UseClientCertificate}). Default: none.
     *
     * @param keyStore a key store (e.g. PKCS#12) holding the certificate chain and private key, or
     *     null for none
     * @param keyPassword the password of the private key
     * @return this builder
     */
    public Builder clientCertificate(@Nullable KeyStore keyStore, @Nullable Secret keyPassword) {
      if (keyStore != null && keyPassword == null) {
        throw new IllegalArgumentException("a client certificate needs its key password");
      }
      this.clientKeyStore = keyStore;
      this.clientKeyPassword = keyStore == null ? null : keyPassword;
      return this;
    }

    /**
     * Sets the user authentication. Default: {@link SmtpAuthentication#none()}.
     *
     * @param authentication none, password or account
     * @return this builder
     */
    public Builder authentication(SmtpAuthentication authentication) {
      this.authentication = requireNonNull(authentication, "authentication");
      return this;
    }

    /**
     * Sets the resolver of vaulted account passwords; required with {@link
     * SmtpAuthentication#account}. Default: none.
     *
     * @param resolver the resolver, or null
     * @return this builder
     */
    public Builder credentialResolver(@Nullable CredentialResolver resolver) {
      this.credentialResolver = resolver;
      return this;
    }

    /**
     * Sets the DKIM signer: every email is signed (RFC 6376, relaxed/relaxed) after it is complete,
     * keeping its {@code Message-ID}; the test email is signed too. Document field: {@code Dkim}
     * ({@code Domain}, {@code Selector}, {@code PrivateKeyFile} or {@code AccountReference}).
     * Default: none, no signature.
     *
     * @param signer the signer, or null for none
     * @return this builder
     */
    public Builder dkimSigner(@Nullable DkimSigner signer) {
      this.dkimSigner = signer;
      return this;
    }

    /**
     * Sets {@code SenderEmail}, the From address of every email. Default: none; required when
     * {@code ServerAddress} is set.
     *
     * @param senderEmail at most 512 characters, a single address, no CR or LF
     * @return this builder
     */
    public Builder senderEmail(String senderEmail) {
      this.senderEmail = requireNonNull(senderEmail, "SenderEmail");
      return this;
    }

    /**
     * Sets the connect timeout. Default: 30 seconds.
     *
     * @param timeout positive, at most 24 days
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = checkTimeout("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets the read timeout, the longest wait for one server reply. Default: 60 seconds.
     *
     * @param timeout positive, at most 24 days
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = checkTimeout("readTimeout", timeout);
      return this;
    }

    /**
     * Sets the write timeout, the longest a write to the server may block. Default: 60 seconds.
     *
     * @param timeout positive, at most 24 days
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = checkTimeout("writeTimeout", timeout);
      return this;
    }

    /**
     * Sets the name given in EHLO. Default: this machine's host name, or {@code localhost} when it
     * cannot be found.
     *
     * @param heloName a host name; no spaces or control characters
     * @return this builder
     */
    public Builder heloName(String heloName) {
      requireNonNull(heloName, "heloName");
      if (heloName.isBlank() || !heloName.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new ValidationException("heloName", "'" + heloName + "' is not a host name");
      }
      this.heloName = heloName;
      return this;
    }

    private static Duration checkTimeout(String name, Duration timeout) {
      requireNonNull(timeout, name);
      if (timeout.isNegative()
          || timeout.isZero()
          || timeout.toMillis() < 1
          || timeout.compareTo(Duration.ofDays(24)) > 0) {
        throw new ValidationException(
            name, timeout + " is not between 1 ms and 24 days (a" + " timeout is never infinite)");
      }
      return timeout;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     * @throws ValidationException listing every broken rule: an invalid server address, a missing
     *     or invalid sender, an account without a credential resolver, {@code
     *     TrustAllCertificatesInsecurely} with {@code VerifySslCertificate} true
     */
    public SmtpTransportConfig build() {
      List<Violation> v = new ArrayList<>();
      ServerAddress parsed = null;
      if (!serverAddress.isEmpty()) {
        try {
          parsed = ServerAddress.parse("ServerAddress", serverAddress);
          if (mxLookup && parsed.kind() != ServerAddress.Kind.DNS_NAME) {
            v.add(
                new Violation(
                    "ServerAddress",
                    "MX lookup needs a domain name, not the IP" + " address " + serverAddress));
          }
        } catch (ValidationException e) {
          v.addAll(e.violations());
        }
        if (senderEmail.isEmpty()) {
          v.add(new Violation("SenderEmail", "is required when ServerAddress is set"));
        }
      }
      if (!senderEmail.isEmpty()) {
        try {
          OutboundEmail.checkAddress("SenderEmail", senderEmail);
        } catch (ValidationException e) {
          v.addAll(e.violations());
        }
      }
      if (authentication.kind() == SmtpAuthentication.Kind.ACCOUNT && credentialResolver == null) {
        v.add(
            new Violation(
                "ConnectionProperties",
                "authentication with the account "
                    + authentication.account().orElseThrow()
                    + " needs a CredentialResolver"));
      }
      checkCertificateTrust(v);
      if (plainTextOnly && requireTls) {
        v.add(
            new Violation(
                "PlainTextOnly",
                "cannot be combined with RequireTlsFlag: set"
                    + " RequireTlsFlag to false for plain text only"));
      }
      if (plainTextOnly && requireSmtps) {
        v.add(new Violation("PlainTextOnly", "cannot be combined with RequireSmtpsFlag"));
      }
      if (authentication.kind() == SmtpAuthentication.Kind.OAUTH2 && !usesTlsSetting()) {
        v.add(
            new Violation(
                "ConnectionProperties",
                "XOAUTH2 sends an access token: it needs" + " RequireTlsFlag or RequireSmtpsFlag"));
      }
      if (!usesTlsSetting() && (clientKeyStore != null)) {
        v.add(
            new Violation(
                "UseClientCertificate",
                "a client certificate needs RequireTlsFlag or" + " RequireSmtpsFlag"));
      }
      if (!v.isEmpty()) {
        throw new ValidationException(v);
      }
      String helo = heloName != null ? heloName : localHostName();
      return new SmtpTransportConfig(this, parsed, helo);
    }

    private boolean usesTlsSetting() {
      return requireTls || requireSmtps;
    }

    private static String localHostName() {
      try {
        String n = InetAddress.getLocalHost().getHostName();
        if (n != null && !n.isBlank() && n.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
          return n;
        }
      } catch (java.io.IOException | RuntimeException e) {
        // fall back below
      }
      return "localhost";
    }
  }
}
