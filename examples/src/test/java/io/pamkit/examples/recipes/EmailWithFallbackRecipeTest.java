// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.EmailProviderChain;
import io.pamkit.notify.smtp.SmtpTransportConfig;
import io.pamkit.testing.TestCertificates;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fallback recipe against GreenMail (the SMTP relay) and an in-process HTTPS server that
 * answers as SendGrid's v3 Mail Send endpoint does (202 with an X-Message-Id).
 */
final class EmailWithFallbackRecipeTest {
  private static final TestCertificates CERTS = TestCertificates.create();

  private HttpsServer sendGrid;
  private final List<JsonNode> sendGridRequests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startSendGrid() throws Exception {
    sendGrid = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    sendGrid.setHttpsConfigurator(new HttpsConfigurator(CERTS.serverContext()));
    sendGrid.createContext(
        "/v3/mail/send",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            sendGridRequests.add(new ObjectMapper().readTree(in));
          }
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          exchange.getResponseHeaders().add("X-Message-Id", "sg-" + sendGridRequests.size());
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
        });
    sendGrid.start();
  }

  @AfterEach
  void stopSendGrid() {
    sendGrid.stop(0);
  }

  private EmailProviderChain chain(int smtpPort) {
    SmtpTransportConfig smtp =
        SmtpTransportConfig.builder()
            .serverAddress("127.0.0.1")
            .port(smtpPort)
            .senderEmail("vault@example.com")
            .requireTls(false)
            .build();
    return EmailWithFallbackRecipe.chain(
        smtp,
        Secret.of("SG.test-key"),
        "vault@example.com",
        URI.create("https://localhost:" + sendGrid.getAddress().getPort()),
        TlsContexts.builder().trustAnchor(CERTS.caCertificate()).build());
  }

  private static ApplianceEvent event() {
    return ApplianceEvent.builder("PasswordChangeFailed")
        .applianceId("SPP-1")
        .level(EventLevel.ERROR)
        .property("AssetName", "db-prod-01")
        .build();
  }

  @Test
  void send_smtpUp_deliveredBySmtp() throws Exception {
    GreenMail relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    relay.start();
    try (EmailProviderChain chain = chain(relay.getSmtp().getPort())) {
      DeliveryReceipt r = EmailWithFallbackRecipe.send(chain, "oncall@example.com", event());
      assertEquals("smtp", r.transportId());
      assertTrue(relay.waitForIncomingEmail(20_000, 1));
      assertEquals(0, sendGridRequests.size());
    } finally {
      relay.stop();
    }
  }

  @Test
  void send_smtpDown_deliveredBySendGrid() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (EmailProviderChain chain = chain(closedPort)) {
      DeliveryReceipt r = EmailWithFallbackRecipe.send(chain, "oncall@example.com", event());
      assertEquals("sendgrid", r.transportId());
      assertEquals("sg-1", r.peerMessageId());
      assertEquals(1, sendGridRequests.size());
      assertEquals("Bearer SG.test-key", authorizations.get(0));
      JsonNode body = sendGridRequests.get(0);
      assertEquals(
          "oncall@example.com",
          body.path("personalizations").get(0).path("to").get(0).path("email").asText());
      assertTrue(body.path("subject").asText().contains("PasswordChangeFailed"), body.toString());
    }
  }
}
