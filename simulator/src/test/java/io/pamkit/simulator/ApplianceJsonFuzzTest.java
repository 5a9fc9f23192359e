// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.cert.SelfSigned;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.SessionConnectionQuery;
import io.pamkit.sessionlink.SessionLinkException;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Coverage-guided fuzzing of the appliance JSON that {@link SppClient} reads, through its public
 * API only: a loopback HTTPS server answers every request with the fuzzed status and body, and
 * every call either returns or fails with a {@link SessionLinkException} (never another exception
 * or a hang). In {@code mvn verify} it replays the saved corpus ({@code
 * ApplianceJsonFuzzTestInputs}); fuzz for longer with {@code JAZZER_FUZZ=1 mvn -pl sessionlink -am
 * verify -Dtest=ApplianceJsonFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Djazzer.max_duration=10m}.
 */
final class ApplianceJsonFuzzTest {
  private static final AtomicReference<byte[]> BODY = new AtomicReference<>(new byte[0]);
  private static final AtomicInteger STATUS = new AtomicInteger(200);
  private static final SppClient CLIENT = start();

  private static SppClient start() {
    try {
      KeyMaterial server = SelfSigned.builder("CN=localhost").dnsName("localhost").build();
      HttpsServer https =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      https.setHttpsConfigurator(
          new HttpsConfigurator(TlsContexts.builder().clientKey(server).build()));
      https.createContext(
          "/",
          exchange -> {
            byte[] body = BODY.get();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(STATUS.get(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      https.start();
      return SppClient.builder()
          .host("localhost")
          .port(https.getAddress().getPort())
          .sslContext(TlsContexts.builder().trustAnchor(server.certificate()).build())
          .authentication(SppAuthentication.token(Secret.of("fuzz-token")))
          .maxRetries(0)
          .retryBackoff(Duration.ZERO)
          .logoutOnClose(false)
          .requestTimeout(Duration.ofSeconds(10))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest
  void read(FuzzedDataProvider data) {
    int call = data.consumeInt(0, 5);
    STATUS.set(data.pickValue(new int[] {200, 200, 200, 400, 401, 404, 500}));
    BODY.set(data.consumeRemainingAsBytes());
    try {
      switch (call) {
        case 0 -> CLIENT.status();
        case 1 -> CLIENT.version();
        case 2 -> CLIENT.sessionConnections(SessionConnectionQuery.defaults());
        case 3 -> CLIENT.servicesConfig();
        case 4 -> CLIENT.members();
        default -> CLIENT.sessionConnection(1);
      }
    } catch (SessionLinkException refused) {
      // a typed error for a bad body or status is the expected outcome
    }
  }
}
