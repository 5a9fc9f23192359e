// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email.internal;

import io.pamkit.core.Violation;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.notify.email.EmailSettings;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule the email providers (SMTP, SendGrid, EWS, Graph) share for {@code VerifySslCertificate:
 * false}, the same as the syslog servers' (issue 15, security review M9): on the appliance it means
 * trust-all TLS, and a settings document pasted from it carries it, so {@code false} alone keeps
 * verifying the chain and the host name and logs once what to add. Trust-all needs the explicit
 * pamkit field {@code TrustAllCertificatesInsecurely: true} as well, and each connection made that
 * way is logged as a warning.
 */
public final class CertificateTrust {
  /** The document field of the explicit opt-in to trust-all TLS. */
  public static final String TRUST_ALL_FIELD = "TrustAllCertificatesInsecurely";

  private static final Logger LOG = LoggerFactory.getLogger(CertificateTrust.class);

  private CertificateTrust() {}

  /**
   * Returns whether the two settings together mean trust-all TLS.
   *
   * @param verify {@code VerifySslCertificate}
   * @param trustAll {@code TrustAllCertificatesInsecurely}
   * @return true only when verify is false and trustAll true
   */
  public static boolean trustsAll(boolean verify, boolean trustAll) {
    return !verify && trustAll;
  }

  /**
   * Adds the violation of the one refused combination: {@code TrustAllCertificatesInsecurely} with
   * {@code VerifySslCertificate} true.
   *
   * @param violations where to add it
   * @param verify {@code VerifySslCertificate}
   * @param trustAll {@code TrustAllCertificatesInsecurely}
   */
  public static void check(List<Violation> violations, boolean verify, boolean trustAll) {
    if (trustAll && verify) {
      violations.add(
          new Violation(TRUST_ALL_FIELD, "is only valid when VerifySslCertificate is false"));
    }
  }

  /**
   * Logs, when {@code VerifySslCertificate} is false without the explicit opt-in, that the
   * certificate is verified anyway and what to add to accept any certificate. Called once per
   * transport.
   *
   * @param verify {@code VerifySslCertificate}
   * @param trustAll {@code TrustAllCertificatesInsecurely}
   * @param provider the provider and server, e.g. {@code SMTP server mail.example.com}
   */
  public static void warnIfVerificationKept(boolean verify, boolean trustAll, String provider) {
    if (!verify && !trustAll) {
      LOG.warn(
          "{}: VerifySslCertificate is false, which on the appliance means trust-all TLS; pamkit"
              + " verifies the certificate and host name anyway. Add"
              + " TrustAllCertificatesInsecurely: true to accept any certificate",
          provider);
    }
  }

  /**
   * Logs that a connection accepts any certificate; called for each connection (or request) made
   * with trust-all TLS.
   *
   * @param provider the provider and server, e.g. {@code EWS mail.example.com}
   */
  public static void warnTrustAll(String provider) {
    LOG.warn(
        "{}: TLS certificate and host name are NOT verified (VerifySslCertificate false,"
            + " TrustAllCertificatesInsecurely true): anyone on the network path can read the"
            + " email and the credentials",
        provider);
  }

  /**
   * Returns the SSL context of an HTTP provider's client: the trust-all one when asked for
   * explicitly, else the settings' own; logs once when {@code VerifySslCertificate} false alone
   * keeps verifying.
   *
   * @param settings the provider's settings
   * @param provider the provider and server, for the warning
   * @return the context, or empty for the JDK's default trust
   */
  public static Optional<SSLContext> httpContext(EmailSettings settings, String provider) {
    warnIfVerificationKept(
        settings.verifySslCertificate(), settings.trustAllCertificatesInsecurely(), provider);
    return context(settings);
  }

  /**
   * Returns the SSL context the settings mean, without logging: the trust-all one when asked for
   * explicitly, else the settings' own.
   *
   * @param settings the provider's settings
   * @return the context, or empty for the JDK's default trust
   */
  public static Optional<SSLContext> context(EmailSettings settings) {
    return settings.trustsAllCertificates()
        ? Optional.of(trustAllContext())
        : settings.sslContext();
  }

  /**
   * Logs, for each request of an HTTP provider that trusts all certificates, that it does.
   *
   * @param settings the provider's settings
   * @param provider the provider and server, for the warning
   */
  public static void warnEachRequest(EmailSettings settings, String provider) {
    if (settings.trustsAllCertificates()) {
      warnTrustAll(provider);
    }
  }

  /**
   * Returns the shared trust-all context (built on first use; core's {@link TlsContexts}).
   *
   * @return the context
   */
  public static SSLContext trustAllContext() {
    return TrustAll.CONTEXT;
  }

  private static final class TrustAll {
    static final SSLContext CONTEXT =
        TlsContexts.builder().trustAllCertificatesInsecurely().build();
  }
}
