// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.sessionlink.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTPS server on an ephemeral loopback port with a certificate issued at start, and the small
 * request and response helpers the simulators share.
 */
public final class SimulatorServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpsServer server;
  private final ExecutorService executor;
  private final KeyMaterial serverCertificate;

  /**
   * Starts a server.
   *
   * @param name the simulator's name, for thread names and logs
   * @param ca the authority that issues the server certificate
   * @param certificateNames DNS names and IP literals of the certificate; the first is the CN
   * @param handler the request handler
   */
  public SimulatorServer(
      String name, CertificateAuthority ca, List<String> certificateNames, HttpHandler handler) {
    this(name, ca, certificateNames, 0, handler);
  }

  /**
   * Starts a server on a given loopback port.
   *
   * @param name the simulator's name, for thread names and logs
   * @param ca the authority that issues the server certificate
   * @param certificateNames DNS names and IP literals of the certificate; the first is the CN
   * @param port the loopback port, or 0 for a free one
   * @param handler the request handler
   */
  public SimulatorServer(
      String name,
      CertificateAuthority ca,
      List<String> certificateNames,
      int port,
      HttpHandler handler) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }
    this.serverCertificate = ca.issueServer(certificateNames);
    SSLContext ctx = ca.sslContext(serverCertificate);
    try {
      server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the " + name + " simulator's port", e);
    }
    server.setHttpsConfigurator(
        new HttpsConfigurator(ctx) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = getSSLContext().getDefaultSSLParameters();
            // certificate login presents a client certificate; everything else has none
            p.setWantClientAuth(true);
            params.setSSLParameters(p);
          }
        });
    executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, name + "-simulator-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            try {
              handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
              LOG.warn(
                  "{} simulator failed on {} {}",
                  name,
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  e);
              try {
                respond(
                    exchange,
                    500,
                    Json.mapper()
                        .createObjectNode()
                        .put("Code", 50000)
                        .put("Message", "Simulator failure: " + e));
              } catch (IOException | RuntimeException ignored) {
                // the response was already started, or the client has gone; nothing to tell
              }
            }
            drain(exchange);
          }
        });
    server.start();
  }

  /**
   * Consumes what the handler left of the request body: an unread body makes the server drop the
   * connection, which a client's pooled keep-alive connection then finds dead. A body the handler
   * already read and closed is not an error.
   */
  private static void drain(com.sun.net.httpserver.HttpExchange exchange) {
    try (InputStream rest = exchange.getRequestBody()) {
      rest.transferTo(OutputStream.nullOutputStream());
    } catch (IOException closedAlready) {
      // the handler consumed and closed it
    }
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Returns the server's certificate and key.
   *
   * @return the issued certificate
   */
  public KeyMaterial serverCertificate() {
    return serverCertificate;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One request per connection: the JDK server closes idle keep-alive connections on its own
   * schedule, and a client reusing one it just closed fails with "header parser received no bytes"
   * (seen on loaded test machines). Real appliances keep connections alive; tests need determinism
   * more than the saved handshakes.
   */
  private static void noKeepAlive(HttpExchange ex) {
    ex.getResponseHeaders().set("Connection", "close");
  }

  /**
   * Reads the whole request body.
   *
   * @param ex the exchange
   * @return the bytes
   * @throws IOException if the body cannot be read
   */
  public static byte[] body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  /**
   * Decodes the query string; a repeated key keeps its last value.
   *
   * @param ex the exchange
   * @return name to value, in order
   */
  public static Map<String, String> query(HttpExchange ex) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  /**
   * Sends a JSON answer and closes the exchange.
   *
   * @param ex the exchange
   * @param status the HTTP status
   * @param body the JSON body
   * @throws IOException if the answer cannot be sent
   */
  public static void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    noKeepAlive(ex);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Writes a text answer (the rSTS login controller answers plain text or HTML on errors).
   *
   * @param ex the exchange
   * @param status the HTTP status
   * @param contentType e.g. {@code text/plain}
   * @param text the body
   * @throws IOException if writing fails
   */
  public static void respondText(HttpExchange ex, int status, String contentType, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
    noKeepAlive(ex);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Sends an answer without a body.
   *
   * @param ex the exchange
   * @param status the HTTP status
   * @throws IOException if the answer cannot be sent
   */
  public static void respondEmpty(HttpExchange ex, int status) throws IOException {
    noKeepAlive(ex);
    ex.sendResponseHeaders(status, -1);
  }
}
