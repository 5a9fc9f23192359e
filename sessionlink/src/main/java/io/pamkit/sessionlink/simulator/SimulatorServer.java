package io.pamkit.sessionlink.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.pamkit.sessionlink.internal.CertificateAuthority;
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

/** An HTTPS server on an ephemeral loopback port with a certificate issued at start. */
final class SimulatorServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpsServer server;
  private final ExecutorService executor;
  private final CertificateAuthority.Issued serverCertificate;

  SimulatorServer(String name, CertificateAuthority ca, List<String> certificateNames, HttpHandler handler) {
    this.serverCertificate = ca.issueServer(certificateNames);
    SSLContext ctx = serverCertificate.sslContext(List.of(ca.certificate()));
    try {
      server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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
            handler.handle(exchange);
            // An unread request body makes the server drop the connection, which a client's
            // pooled keep-alive connection then finds dead; always consume it.
            try (InputStream rest = exchange.getRequestBody()) {
              rest.transferTo(OutputStream.nullOutputStream());
            }
          } catch (RuntimeException | IOException e) {
            LOG.warn("{} simulator failed on {} {}", name, exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            try {
              respond(exchange, 500, Json.mapper().createObjectNode().put("Code", 50000).put("Message", "Simulator failure: " + e));
            } catch (IOException ignored) {
              // the client has gone; nothing to tell
            }
          }
        });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  CertificateAuthority.Issued serverCertificate() {
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
   * schedule, and a client reusing one it just closed fails with "header parser received no
   * bytes" (seen on loaded test machines). Real appliances keep connections alive; tests need
   * determinism more than the saved handshakes.
   */
  private static void noKeepAlive(HttpExchange ex) {
    ex.getResponseHeaders().set("Connection", "close");
  }

  static byte[] body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  static Map<String, String> query(HttpExchange ex) {
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

  static void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    noKeepAlive(ex);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void respondEmpty(HttpExchange ex, int status) throws IOException {
    noKeepAlive(ex);
    ex.sendResponseHeaders(status, -1);
  }
}
