package io.pamkit.notify.smtp;

import io.pamkit.core.ValidationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * TLS for the SMTP transport. Angus layers TLS over its plain socket (both for SMTPS and for
 * STARTTLS) through {@code createSocket(socket, host, port, autoClose)}; the factory made here
 * substitutes the name the certificate must match for the host connected to, so that the test
 * email can connect to each IP address of a server while still checking the server's name.
 */
final class TlsSockets {
  private TlsSockets() {}

  static SSLContext context(SmtpTransportConfig config) {
    if (config.sslContext().isPresent()) {
      return config.sslContext().get();
    }
    try {
      KeyManager[] keyManagers = null;
      if (config.clientKeyStore().isPresent()) {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        char[] password = config.clientKeyPassword().orElseThrow().chars();
        try {
          kmf.init(config.clientKeyStore().get(), password);
        } finally {
          java.util.Arrays.fill(password, '\0');
        }
        keyManagers = kmf.getKeyManagers();
      }
      TrustManager[] trustManagers;
      if (!config.verifySslCertificate()) {
        trustManagers = new TrustManager[] {new AcceptAnyServer()};
      } else {
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(config.trustAnchors().orElse(null));
        trustManagers = tmf.getTrustManagers();
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keyManagers, trustManagers, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new ValidationException("UseClientCertificate",
          "cannot set up TLS with the configured certificates: " + e.getMessage());
    }
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
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
        int localPort) throws IOException {
      return delegate.createSocket(address, port, localAddress, localPort);
    }
  }

  /**
   * The appliance's {@code VerifySslCertificate = false}: any server certificate and name are
   * accepted. Never the default.
   */
  private static final class AcceptAnyServer extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
