// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import io.pamkit.core.Violation;
import io.pamkit.notify.email.internal.CertificateTrust;
import io.pamkit.notify.email.internal.SettingsChecks;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * What the settings of every email provider (SMTP, SendGrid, EWS, Graph) hold the same way: the SSL
 * context that verifies the server, whether trust-all TLS was asked for, and the channel the
 * transport serves. The superclass of {@code SmtpTransportConfig}, {@code SendGridConfig}, {@code
 * EwsConfig} and {@code GraphSettings}; immutable.
 *
 * <p><b>Trust-all only by an explicit option</b> (issue 15, as for syslog servers). On the
 * appliance {@code VerifySslCertificate: false} means any certificate is accepted, and settings
 * pasted from it carry it. pamkit does not follow {@code false} alone: it still verifies the chain
 * and the host name and logs a warning saying what to add ({@code pamkit validate} reports it too).
 * Any certificate is accepted only with {@code TrustAllCertificatesInsecurely: true} as well
 * ({@link Builder#trustAllCertificatesInsecurely}), and every connection (HTTP providers: every
 * request) made that way is logged as a warning.
 */
public abstract class EmailSettings {
  private final @Nullable SSLContext sslContext;
  private final boolean verifySslCertificate;
  private final boolean trustAllCertificatesInsecurely;
  private final String channel;

  /**
   * For the providers' settings.
   *
   * @param b the builder holding the values
   */
  protected EmailSettings(Builder<?> b) {
    this.sslContext = b.sslContext;
    this.verifySslCertificate = b.verifySslCertificate;
    this.trustAllCertificatesInsecurely = b.trustAllCertificatesInsecurely;
    this.channel = b.channel;
  }

  /**
   * Returns the SSL context that replaces the JDK's default trust (for SMTP: the trust anchors and
   * the client certificate).
   *
   * @return the context, or empty
   */
  public final Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /**
   * Returns {@code VerifySslCertificate}; false alone still verifies (see the class comment).
   *
   * @return default true
   */
  public final boolean verifySslCertificate() {
    return verifySslCertificate;
  }

  /**
   * Returns {@code TrustAllCertificatesInsecurely}, the explicit opt-in to trust-all TLS.
   *
   * @return default false
   */
  public final boolean trustAllCertificatesInsecurely() {
    return trustAllCertificatesInsecurely;
  }

  /**
   * Returns whether TLS connections accept any certificate and host name: {@code
   * VerifySslCertificate} is false <em>and</em> {@code TrustAllCertificatesInsecurely} is true.
   *
   * @return true only when both say so
   */
  public final boolean trustsAllCertificates() {
    return CertificateTrust.trustsAll(verifySslCertificate, trustAllCertificatesInsecurely);
  }

  /**
   * Returns the channel the transport serves.
   *
   * @return the subscribers' {@code Type}, {@code "Email"} by default
   */
  public final String channel() {
    return channel;
  }

  /**
   * Sets these shared values on a builder, for {@code toBuilder()}.
   *
   * @param b the new builder
   * @param <B> the builder's type
   * @return the builder
   */
  protected final <B extends Builder<B>> B copyTo(B b) {
    return b.sslContext(sslContext)
        .verifySslCertificate(verifySslCertificate)
        .trustAllCertificatesInsecurely(trustAllCertificatesInsecurely)
        .channel(channel);
  }

  /**
   * What every email provider's settings builder sets the same way. Not thread-safe; the last call
   * to a setter wins.
   *
   * @param <B> the concrete builder, returned by the setters
   */
  public abstract static class Builder<B extends Builder<B>> {
    private @Nullable SSLContext sslContext;
    private boolean verifySslCertificate = true;
    private boolean trustAllCertificatesInsecurely;
    private String channel = "Email";

    /** For the providers' settings builders. */
    protected Builder() {}

    /**
     * Returns this builder as its concrete type.
     *
     * @return this
     */
    protected abstract B self();

    /**
     * Sets the SSL context whose trust managers verify the server (and whose key managers hold a
     * client certificate, if any). Default: none, the JDK's default trust store (for SMTP, its
     * trust anchors and client certificate). The host name is verified in either case, unless
     * trust-all TLS was asked for explicitly where the provider offers it.
     *
     * @param sslContext the context, or null
     * @return this builder
     */
    public final B sslContext(@Nullable SSLContext sslContext) {
      this.sslContext = sslContext;
      return self();
    }

    /**
     * Sets {@code VerifySslCertificate}. Default: true: the server's chain must lead to a trust
     * anchor and its certificate must match the server's name. False alone still verifies (a
     * warning says what to add); only with {@link #trustAllCertificatesInsecurely} true as well is
     * any certificate accepted.
     *
     * @param verify whether to verify the server certificate and host name
     * @return this builder
     */
    public final B verifySslCertificate(boolean verify) {
      this.verifySslCertificate = verify;
      return self();
    }

    /**
     * Sets the pamkit addition {@code TrustAllCertificatesInsecurely}, the explicit opt-in to
     * trust-all TLS: only with it does {@code VerifySslCertificate: false} accept any certificate
     * and any host name, replacing the {@link #sslContext}'s trust (anyone on the network path can
     * then read the email and the credentials). Each connection made that way logs a warning.
     * Default: false. With {@code VerifySslCertificate} true it is refused by {@code build()}.
     *
     * @param trustAll whether {@code VerifySslCertificate: false} really means trust-all
     * @return this builder
     */
    public final B trustAllCertificatesInsecurely(boolean trustAll) {
      this.trustAllCertificatesInsecurely = trustAll;
      return self();
    }

    /**
     * Adds the violation of the one refused combination, {@code TrustAllCertificatesInsecurely}
     * with {@code VerifySslCertificate} true, for {@code build()}.
     *
     * @param violations the build's violations
     */
    protected final void checkCertificateTrust(List<Violation> violations) {
      CertificateTrust.check(violations, verifySslCertificate, trustAllCertificatesInsecurely);
    }

    /**
     * Sets the channel the transport serves. Default: {@code "Email"}.
     *
     * @param channel the subscribers' {@code Type}; not blank
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public final B channel(String channel) {
      this.channel = SettingsChecks.channel(channel);
      return self();
    }
  }
}
