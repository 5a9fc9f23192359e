// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Real TLS handshakes over loopback sockets. */
final class TlsContextsTest {
  private static final KeyMaterial CA = SelfSigned.certificateAuthority("CN=pamkit server CA");
  private static final KeyMaterial CLIENT_CA =
      SelfSigned.certificateAuthority("CN=pamkit client CA");
  private static final KeyMaterial SERVER =
      SelfSigned.builder("CN=localhost")
          .issuer(CA)
          .dnsName("localhost")
          .ipAddress("127.0.0.1")
          .build();
  private static final KeyMaterial CLIENT =
      SelfSigned.builder("CN=syslog-client").issuer(CLIENT_CA).serverAuth(false).build();
  private static final ExecutorService POOL = Executors.newCachedThreadPool();

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  /** Starts a one-shot TLS echo server; returns its port and the peer it saw. */
  private record Server(SSLServerSocket socket, Future<String> peer) {}

  private static Server server(KeyMaterial key, boolean needClientAuth) throws IOException {
    SSLContext ctx =
        TlsContexts.builder().clientKey(key).trustAnchor(CLIENT_CA.certificate()).build();
    SSLServerSocket ss =
        (SSLServerSocket)
            ctx.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    ss.setNeedClientAuth(needClientAuth);
    Future<String> peer =
        POOL.submit(
            () -> {
              try (SSLSocket s = (SSLSocket) ss.accept()) {
                s.setSoTimeout(30_000);
                s.startHandshake();
                int b = s.getInputStream().read();
                s.getOutputStream().write(b + 1);
                s.getOutputStream().flush();
                return needClientAuth ? s.getSession().getPeerPrincipal().getName() : "anonymous";
              } finally {
                ss.close();
              }
            });
    return new Server(ss, peer);
  }

  private static int roundTrip(SSLContext client, String host, int port) throws IOException {
    try (SSLSocket s =
        (SSLSocket)
            client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(30_000);
      var params = TlsContexts.clientParameters(client);
      params.setServerNames(java.util.List.of(new javax.net.ssl.SNIHostName(host)));
      s.setSSLParameters(params);
      s.startHandshake();
      s.getOutputStream().write(41);
      s.getOutputStream().flush();
      return s.getInputStream().read();
    }
  }

  @Test
  void trustAnchor_verifiesChainAndHostName() throws Exception {
    Server srv = server(SERVER, false);
    SSLContext client = TlsContexts.builder().trustAnchor(CA.certificate()).build();
    assertEquals(42, roundTrip(client, "localhost", srv.socket().getLocalPort()));
    assertEquals("anonymous", srv.peer().get(30, TimeUnit.SECONDS));
  }

  @Test
  void defaultTrustStore_refusesPrivateCa() throws Exception {
    Server srv = server(SERVER, false);
    SSLContext client = TlsContexts.builder().build();
    assertThrows(
        SSLException.class, () -> roundTrip(client, "localhost", srv.socket().getLocalPort()));
    srv.socket().close();
  }

  @Test
  void hostNameMismatch_refused() throws Exception {
    KeyMaterial other =
        SelfSigned.builder("CN=other.example").issuer(CA).dnsName("other.example").build();
    Server srv = server(other, false);
    SSLContext client = TlsContexts.builder().trustAnchor(CA.certificate()).build();
    assertThrows(
        SSLException.class, () -> roundTrip(client, "localhost", srv.socket().getLocalPort()));
    srv.socket().close();
  }

  @Test
  void clientKey_presentedForMutualTls() throws Exception {
    Server srv = server(SERVER, true);
    SSLContext client =
        TlsContexts.builder().trustAnchor(CA.certificate()).clientKey(CLIENT).build();
    assertEquals(42, roundTrip(client, "localhost", srv.socket().getLocalPort()));
    assertEquals("CN=syslog-client", srv.peer().get(30, TimeUnit.SECONDS));
  }

  @Test
  void noClientKey_mutualTlsRefused() throws Exception {
    Server srv = server(SERVER, true);
    SSLContext client = TlsContexts.builder().trustAnchor(CA.certificate()).build();
    assertThrows(
        IOException.class, () -> roundTrip(client, "localhost", srv.socket().getLocalPort()));
    srv.socket().close();
  }

  @Test
  void trustAll_acceptsAnythingAndWarnsOnce() throws Exception {
    assertThrows(
        IllegalStateException.class,
        () ->
            TlsContexts.builder()
                .trustAnchor(CA.certificate())
                .trustAllCertificatesInsecurely()
                .build());
    KeyMaterial selfSigned = SelfSigned.builder("CN=whatever.example").build();
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    TlsContexts.TRUST_ALL_WARNED.set(false);
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (int i = 0; i < 2; i++) {
        Server srv = server(selfSigned, false);
        SSLContext client = TlsContexts.builder().trustAllCertificatesInsecurely().build();
        assertEquals(42, roundTrip(client, "localhost", srv.socket().getLocalPort()));
        srv.peer().get(30, TimeUnit.SECONDS);
      }
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertEquals(1, log.split("verification is DISABLED", -1).length - 1, log);
    assertTrue(TlsContexts.TRUST_ALL_WARNED.get());
  }

  @Test
  void clientParameters_enableEndpointIdentification() {
    SSLContext ctx = TlsContexts.builder().build();
    assertEquals("HTTPS", TlsContexts.clientParameters(ctx).getEndpointIdentificationAlgorithm());
  }
}
