// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.testing.TestCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS server on loopback (the JDK's {@link HttpsServer}) with a self-signed certificate
 * generated for the test by pamkit-testing's {@link TestCertificates}, valid for {@code 127.0.0.1}
 * and {@code localhost}; {@link #clientContext()} trusts exactly that certificate.
 */
// Test code only: the jdk.httpserver types in its signatures are read through the test JVM's
// --add-reads, never through notify's exports.
@SuppressWarnings("exports")
public final class LoopbackHttps implements AutoCloseable {
  private final HttpsServer server;
  private final ExecutorService executor;
  private final SSLContext clientContext;

  private LoopbackHttps(HttpsServer server, ExecutorService executor, SSLContext clientContext) {
    this.server = server;
    this.executor = executor;
    this.clientContext = clientContext;
  }

  /**
   * Starts a server whose certificate names {@code 127.0.0.1} and {@code localhost}.
   *
   * @param path the context path
   * @param handler the handler
   * @return the running server
   * @throws Exception if the certificate or the server cannot be made
   */
  public static LoopbackHttps start(String path, HttpHandler handler) throws Exception {
    return start(path, handler, List.of("localhost"), List.of("127.0.0.1"));
  }

  /**
   * Starts a server whose certificate names the given DNS names and IP addresses.
   *
   * @param path the context path
   * @param handler the handler
   * @param dnsNames DNS subject alternative names
   * @param ips IP subject alternative names
   * @return the running server
   * @throws Exception if the certificate or the server cannot be made
   */
  public static LoopbackHttps start(
      String path, HttpHandler handler, List<String> dnsNames, List<String> ips) throws Exception {
    String[] names = new String[dnsNames.size() + ips.size()];
    int i = 0;
    for (String d : dnsNames) {
      names[i++] = d;
    }
    for (String ip : ips) {
      names[i++] = ip;
    }
    KeyMaterial key = TestCertificates.selfSigned("CN=pamkit test server", names);
    X509Certificate cert = key.certificate();
    SSLContext serverContext = TestCertificates.presenting(key);

    SSLContext client = trusting(cert);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    server.createContext(path, handler);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "loopback-https");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    return new LoopbackHttps(server, executor, client);
  }

  /**
   * Returns a client SSL context trusting only the given certificate.
   *
   * @param cert the certificate
   * @return the context
   * @throws Exception if the context cannot be made
   */
  /**
   * Starts a server that answers the first request (a warm-up) with 202 at once and holds every
   * later one until {@code release} opens, counting {@code arrived} down when it comes in.
   */
  public static LoopbackHttps startHoldingAfterFirst(CountDownLatch arrived, CountDownLatch release)
      throws Exception {
    AtomicBoolean warmed = new AtomicBoolean();
    return start(
        "/",
        ex -> {
          ex.getRequestBody().readAllBytes();
          if (warmed.getAndSet(true)) {
            arrived.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          respond(ex, 202, Map.of(), new byte[0]);
        });
  }

  public static SSLContext trusting(X509Certificate cert) throws Exception {
    return TestCertificates.trusting(cert);
  }

  /**
   * Returns {@code https://127.0.0.1:PORT}.
   *
   * @return the base URI
   */
  public URI baseUri() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Returns the port.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Returns a client SSL context that trusts this server's certificate only.
   *
   * @return the context
   */
  public SSLContext clientContext() {
    return clientContext;
  }

  /**
   * Writes a response.
   *
   * @param ex the exchange
   * @param status the status
   * @param headers the headers
   * @param body the body, may be empty
   * @throws IOException if writing fails
   */
  public static void respond(HttpExchange ex, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
