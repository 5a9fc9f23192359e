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
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.cert.SelfSigned;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.EmailProviderChain;
import io.pamkit.notify.smtp.SmtpTransportConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fallback recipe against GreenMail (the SMTP relay) and an in-process HTTPS server that
 * answers as SendGrid's v3 Mail Send endpoint does (202 with an X-Message-Id).
 */
final class EmailWithFallbackRecipeTest {
  private static final KeyMaterial CA = SelfSigned.certificateAuthority("CN=Test CA");
  private static final KeyMaterial SERVER =
      SelfSigned.builder("CN=localhost")
          .issuer(CA)
          .dnsName("localhost")
          .ipAddress("127.0.0.1")
          .build();

  private HttpsServer sendGrid;
  private final List<JsonNode> sendGridRequests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startSendGrid() throws Exception {
    Secret pw = Secret.of("changeit");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(new ByteArrayInputStream(SERVER.toPkcs12(pw)), pw.chars());
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pw.chars());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    sendGrid = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    sendGrid.setHttpsConfigurator(new HttpsConfigurator(ctx));
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
        TlsContexts.builder().trustAnchor(CA.certificate()).build());
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
