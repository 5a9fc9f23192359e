// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static java.util.Objects.requireNonNull;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link SSLContext}s for pamkit's TLS clients (syslog over TLS, SMTP, the session-link REST
 * client): trust anchors (or the JDK's default trust store), an optional client key for mutual TLS,
 * and — only when explicitly asked — trust in every certificate.
 *
 * <p>An {@code SSLContext} verifies certificate chains; host-name verification is a property of the
 * connection: use {@link #clientParameters(SSLContext)} for sockets and engines ({@code
 * java.net.http.HttpClient} verifies host names by default).
 *
 * <pre>{@code
 * SSLContext ctx = TlsContexts.builder()
 *     .trustAnchor(caCertificate)
 *     .clientKey(KeyMaterial.fromPkcs12(Path.of("client.p12"), password))
 *     .build();
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 */
public final class TlsContexts {
  private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);

  /** Set once the trust-all warning was logged (package-private for the test). */
  static final AtomicBoolean TRUST_ALL_WARNED = new AtomicBoolean();

  private TlsContexts() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the context's default client parameters with host-name verification switched on
   * (endpoint identification algorithm {@code HTTPS}). Set them on every client {@code SSLSocket}
   * or {@code SSLEngine}, together with the server name.
   *
   * @param context the context
   * @return new parameters
   */
  public static SSLParameters clientParameters(SSLContext context) {
    SSLParameters p = requireNonNull(context, "context").getDefaultSSLParameters();
    p.setEndpointIdentificationAlgorithm("HTTPS");
    return p;
  }

  /** Builds {@link SSLContext}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private final List<X509Certificate> anchors = new ArrayList<>();
    private @Nullable KeyMaterial clientKey;
    private boolean trustAll;
    private String protocol = "TLS";

    private Builder() {}

    /**
     * Adds a trusted certificate (usually a CA; a self-signed server certificate works too).
     * Default: none, which means the JDK's default trust store.
     *
     * @param certificate the anchor
     * @return this builder
     */
    public Builder trustAnchor(X509Certificate certificate) {
      anchors.add(requireNonNull(certificate, "certificate"));
      return this;
    }

    /**
     * Adds trusted certificates. Default: none, which means the JDK's default trust store.
     *
     * @param certificates the anchors
     * @return this builder
     */
    public Builder trustAnchors(Collection<X509Certificate> certificates) {
      requireNonNull(certificates, "certificates").forEach(this::trustAnchor);
      return this;
    }

    /**
     * Sets the key and certificate presented when the server asks for a client certificate.
     * Default: none.
     *
     * @param clientKey the client's key material
     * @return this builder
     */
    public Builder clientKey(KeyMaterial clientKey) {
      this.clientKey = requireNonNull(clientKey, "clientKey");
      return this;
    }

    /**
     * Trusts every server certificate, without chain or host-name checks. Insecure: for a lab only
     * (the appliance's "Verify SSL Certificate" unticked). A warning is logged once per JVM.
     * Default: off.
     *
     * @return this builder
     */
    public Builder trustAllCertificatesInsecurely() {
      this.trustAll = true;
      return this;
    }

    /**
     * Sets the {@link SSLContext} protocol. Default: {@code "TLS"} (the JDK negotiates TLS 1.3 or
     * 1.2).
     *
     * @param protocol e.g. {@code "TLSv1.3"}
     * @return this builder
     */
    public Builder protocol(String protocol) {
      this.protocol = requireNonNull(protocol, "protocol");
      return this;
    }

    /**
     * Builds the context.
     *
     * @return a new, initialised context
     * @throws IllegalStateException if trust anchors are combined with trust-all
     */
    public SSLContext build() {
      if (trustAll && !anchors.isEmpty()) {
        throw new IllegalStateException(
            "trust anchors and trust-all exclude each other: drop one of them");
      }
      try {
        TrustManager[] tms;
        if (trustAll) {
          if (TRUST_ALL_WARNED.compareAndSet(false, true)) {
            LOG.warn(
                "TLS certificate verification is DISABLED (trust-all was asked for): any server"
                    + " can impersonate the peer. Use trust anchors outside a lab.");
          }
          tms = new TrustManager[] {new TrustAll()};
        } else {
          TrustManagerFactory tmf =
              TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
          if (anchors.isEmpty()) {
            tmf.init((KeyStore) null);
          } else {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : anchors) {
              ks.setCertificateEntry("anchor-" + i++, c);
            }
            tmf.init(ks);
          }
          tms = tmf.getTrustManagers();
        }
        KeyManager[] kms = null;
        KeyMaterial key = clientKey;
        if (key != null) {
          char[] pw = new char[16];
          Arrays.fill(pw, 'k');
          KeyManagerFactory kmf =
              KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
          kmf.init(key.toKeyStore(pw), pw);
          kms = kmf.getKeyManagers();
        }
        SSLContext ctx = SSLContext.getInstance(protocol);
        ctx.init(kms, tms, new SecureRandom());
        return ctx;
      } catch (GeneralSecurityException | java.io.IOException e) {
        throw new IllegalStateException("cannot build the SSLContext", e);
      }
    }
  }

  /** Accepts every certificate; extended so that JSSE skips its host-name check as well. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
