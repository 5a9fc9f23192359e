// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import io.pamkit.core.ValidationException;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.internal.CertificateTrust;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * TLS for the SMTP transport. Angus layers TLS over its plain socket (both for SMTPS and for
 * STARTTLS) through {@code createSocket(socket, host, port, autoClose)}; the factory made here
 * substitutes the name the certificate must match for the host connected to, so that the test email
 * can connect to each IP address of a server while still checking the server's name.
 *
 * <p>The context is built by core's {@link TlsContexts} from the configured key stores (their first
 * private-key entry becomes the client {@link KeyMaterial}, their trusted-certificate entries the
 * anchors); {@code VerifySslCertificate = false} with {@code TrustAllCertificatesInsecurely} is the
 * shared trust-all context, whose every connection the transport logs.
 */
final class TlsSockets {
  private TlsSockets() {}

  static SSLContext context(SmtpTransportConfig config) {
    if (config.sslContext().isPresent()) {
      return config.sslContext().get();
    }
    try {
      TlsContexts.Builder b = TlsContexts.builder();
      if (config.clientKeyStore().isPresent()) {
        b.clientKey(
            firstKey(config.clientKeyStore().get(), config.clientKeyPassword().orElseThrow()));
      }
      if (config.trustsAllCertificates() && config.clientKeyStore().isEmpty()) {
        return CertificateTrust.trustAllContext();
      } else if (config.trustsAllCertificates()) {
        b.trustAllCertificatesInsecurely();
      } else if (config.trustAnchors().isPresent()) {
        b.trustAnchors(certificates(config.trustAnchors().get()));
      }
      return b.build();
    } catch (GeneralSecurityException | RuntimeException e) {
      if (e instanceof ValidationException v) {
        throw v;
      }
      throw new ValidationException(
          "UseClientCertificate",
          "cannot set up TLS with the configured certificates: " + e.getMessage());
    }
  }

  /** The first private-key entry of a key store, as key material. */
  private static KeyMaterial firstKey(KeyStore store, Secret password)
      throws GeneralSecurityException {
    char[] pw = password.chars();
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias) && store.getKey(alias, pw) instanceof PrivateKey key) {
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
          }
          return KeyMaterial.of(key, chain);
        }
      }
      throw new KeyStoreException("the client key store holds no private key");
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  /**
   * The certificates a trust store trusts: its trusted-certificate entries and the certificate of
   * each key entry, as the JDK's trust manager factory reads it.
   */
  private static List<X509Certificate> certificates(KeyStore store) throws KeyStoreException {
    List<X509Certificate> out = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.getCertificate(alias) instanceof X509Certificate c) {
        out.add(c);
      }
    }
    if (out.isEmpty()) {
      throw new KeyStoreException("the trust store holds no trusted certificate");
    }
    return out;
  }

  static SSLSocketFactory factory(SSLContext context, @Nullable String identityHost) {
    return new IdentitySocketFactory(context.getSocketFactory(), identityHost);
  }

  /** Layers TLS with the server name the certificate must match, not the address dialled. */
  private static final class IdentitySocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final @Nullable String identityHost;

    IdentitySocketFactory(SSLSocketFactory delegate, @Nullable String identityHost) {
      this.delegate = delegate;
      this.identityHost = identityHost;
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose)
        throws IOException {
      return delegate.createSocket(s, identityHost != null ? identityHost : host, port, autoClose);
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
      return delegate.createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return delegate.createSocket(address, port, localAddress, localPort);
    }
  }
}
