// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email.internal;

import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.LoopbackHttps;
import io.pamkit.notify.ews.EwsAuthentication;
import io.pamkit.notify.ews.EwsConfig;
import io.pamkit.notify.ews.EwsTransport;
import io.pamkit.notify.sendgrid.SendGridConfig;
import io.pamkit.notify.sendgrid.SendGridTransport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Response bodies of the HTTP email transports are read only up to a cap: a local HTTPS server
 * answers 500 with a body that never ends (chunked, written until the client goes away).
 */
@Timeout(60) // a regression would read forever; this ends the run instead of hanging it
final class EmailHttpTest {
  private static LoopbackHttps server;

  @BeforeAll
  static void start() throws Exception {
    server = LoopbackHttps.start("/", EmailHttpTest::endless);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void endless(HttpExchange ex) throws IOException {
    ex.getRequestBody().readAllBytes();
    ex.getResponseHeaders().add("Content-Type", "text/plain");
    ex.sendResponseHeaders(500, 0);
    byte[] chunk = new byte[8192];
    Arrays.fill(chunk, (byte) 'x');
    try (OutputStream out = ex.getResponseBody()) {
      while (true) {
        out.write(chunk);
      }
    } catch (IOException gone) {
      ex.close();
    }
  }

  @Test
  void send_endlessBody_keepsOnlyTheCap() {
    HttpClient http =
        EmailHttp.client(Duration.ofSeconds(10), Optional.of(server.clientContext())).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/any"))
            .timeout(Duration.ofSeconds(30))
            .build();

    HttpResponse<byte[]> r = EmailHttp.send(http, request, "Email", "test server", 4096);

    assertEquals(500, r.statusCode());
    assertEquals(4096, r.body().length);
  }

  @Test
  void cappedBody_nonPositiveCap_refused() {
    assertThrows(IllegalArgumentException.class, () -> EmailHttp.cappedBody(0));
  }

  @Test
  void sendGrid_endlessErrorBody_transientWithAShortReason() {
    SendGridConfig config =
        SendGridConfig.builder()
            .apiKey(Secret.of("SG.test-key"))
            .senderEmail("pam@appliance.example")
            .baseUri(server.baseUri())
            .sslContext(server.clientContext())
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    try (SendGridTransport t = SendGridTransport.builder(config).build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertTrue(e.getMessage().length() < 1000, e.getMessage());
    }
  }

  @Test
  void ews_endlessErrorBody_transient() {
    EwsConfig config =
        EwsConfig.builder()
            .endpoint(URI.create(server.baseUri() + "/EWS/Exchange.asmx"))
            .senderEmail("pam@pamkit.test")
            .authentication(EwsAuthentication.basic("svc-pam", Secret.of("pw")))
            .sslContext(server.clientContext())
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    try (EwsTransport t = EwsTransport.builder(config).build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertEquals("EWS answered 500", e.getMessage());
    }
  }
}
