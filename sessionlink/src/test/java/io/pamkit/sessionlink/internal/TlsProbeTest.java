// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.cert.HostnameMatch;
import io.pamkit.testing.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** The probes against a real TLS server presenting certificates from {@link TestCertificates}. */
final class TlsProbeTest {
  private static final TestCertificates CERTS = TestCertificates.create();

  /** Accepts connections and completes each handshake until closed. */
  private static final class TlsServer implements AutoCloseable {
    final SSLServerSocket socket;

    TlsServer(SSLContext context) throws IOException {
      socket =
          (SSLServerSocket)
              context
                  .getServerSocketFactory()
                  .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
      // Each connection gets its own thread: a probe must never wait for the server to finish
      // with the previous one (a serial server made a refused handshake time out the next probe).
      Thread t =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  SSLSocket s;
                  try {
                    s = (SSLSocket) socket.accept();
                  } catch (IOException closed) {
                    return;
                  }
                  Thread c = new Thread(() -> serve(s), "tls-probe-test-connection");
                  c.setDaemon(true);
                  c.start();
                }
              },
              "tls-probe-test-server");
      t.setDaemon(true);
      t.start();
    }

    private static void serve(SSLSocket s) {
      try (s) {
        s.setSoTimeout(10_000);
        s.startHandshake();
        s.getInputStream().read(); // until the client closes
      } catch (IOException handshakeRefusedByClientOrClosed) {
        // nothing to serve
      }
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void verifiedChain_certificateForTheHost_returnsTheChain() throws Exception {
    try (TlsServer server = new TlsServer(CERTS.serverContext())) {
      List<X509Certificate> chain =
          TlsProbe.verifiedChain(CERTS.clientContext(), "127.0.0.1", server.port(), 5000);
      assertNotNull(chain);
      assertEquals(CERTS.server().certificate(), chain.get(0));
    }
  }

  @Test
  void verifiedChain_trustedCertificateWithWrongSan_refused() throws Exception {
    var other = CERTS.issue("CN=other.example", "other.example", "192.0.2.1");
    try (TlsServer server = new TlsServer(CERTS.serverContext(other))) {
      // The chain is trusted: only the host-name check can refuse it.
      assertNotNull(TlsProbe.trustedChain(CERTS.clientContext(), "127.0.0.1", server.port(), 5000));
      assertNull(TlsProbe.verifiedChain(CERTS.clientContext(), "127.0.0.1", server.port(), 5000));
      assertNull(TlsProbe.verifiedChain(CERTS.clientContext(), "localhost", server.port(), 5000));
      HostnameMatch m =
          TlsProbe.hostnameMismatch(CERTS.clientContext(), "127.0.0.1", server.port(), 5000);
      assertNotNull(m);
      assertFalse(m.matches());
      assertTrue(TlsProbe.names(other.certificate()).contains("other.example"));
    }
  }

  @Test
  void verifiedChain_untrustedChain_refused() throws Exception {
    var stranger = TestCertificates.selfSigned("CN=localhost", "localhost", "127.0.0.1");
    try (TlsServer server = new TlsServer(CERTS.serverContext(stranger))) {
      assertNull(TlsProbe.verifiedChain(CERTS.clientContext(), "127.0.0.1", server.port(), 5000));
      assertNull(TlsProbe.trustedChain(CERTS.clientContext(), "127.0.0.1", server.port(), 5000));
    }
  }
}
