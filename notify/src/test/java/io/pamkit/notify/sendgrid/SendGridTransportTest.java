// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.sendgrid;

import static io.pamkit.notify.TestNotifications.CLOCK;
import static io.pamkit.notify.TestNotifications.emailToUser;
import static io.pamkit.notify.TestNotifications.event;
import static io.pamkit.notify.TestNotifications.failedSend;
import static io.pamkit.notify.TestNotifications.notification;
import static io.pamkit.notify.TestNotifications.templates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pamkit.core.ValidationException;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.Sections;
import io.pamkit.notify.email.DeliveryOutcomeUnknownException;
import io.pamkit.notify.email.EmailMessageIds;
import io.pamkit.notify.email.LoopbackHttps;
import io.pamkit.notify.template.BodyFormat;
import io.pamkit.notify.template.EmailTemplates;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SendGrid transport against a local HTTPS server that follows SendGrid's contract. */
final class SendGridTransportTest {
  private static final String KEY = "SG.test-key.0123456789abcdef";

  private FakeSendGrid server;

  @BeforeEach
  void start() throws Exception {
    server = FakeSendGrid.start(KEY);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private SendGridConfig.Builder config() {
    return SendGridConfig.builder()
        .apiKey(Secret.of(KEY))
        .senderEmail("pam@appliance.example")
        .senderName("PAM appliance")
        .baseUri(server.baseUri())
        .sslContext(server.clientContext())
        .requestTimeout(Duration.ofSeconds(10));
  }

  private SendGridTransport transport(SendGridConfig config) {
    return SendGridTransport.builder(config).clock(CLOCK).build();
  }

  @Test
  void send_accepted_returnsXMessageIdAndSendsDocumentedBody() {
    try (SendGridTransport t = transport(config().build())) {
      Notification n = notification("ev-1", "admin@example.com");
      DeliveryReceipt r = t.send(n);

      assertEquals("Email", r.transportId());
      assertEquals(Optional.of("sg1AbCdEfGhIjKlMnOp"), r.messageId());
      assertEquals(CLOCK.instant(), r.deliveredAt());
      FakeSendGrid.Received got = server.received().get(0);
      assertEquals("Bearer " + KEY, got.authorization());
      assertEquals("application/json", got.contentType());
      JsonNode b = got.body();
      assertEquals("admin@example.com", b.at("/personalizations/0/to/0/email").asText());
      assertEquals("pam@appliance.example", b.at("/from/email").asText());
      assertEquals("PAM appliance", b.at("/from/name").asText());
      assertEquals(
          EmailTemplates.defaults().render(n.event(), null).subject(), b.at("/subject").asText());
      assertEquals("text/plain", b.at("/content/0/type").asText());
      assertTrue(b.at("/content/0/value").asText().contains("dc01.example.com"));
      assertEquals(
          EmailMessageIds.messageId(n.idempotencyKey(), "pam@appliance.example"),
          b.at("/headers/Message-ID").asText());
      assertEquals("PasswordChangeFailed", b.at("/headers/X-Pamkit-Event").asText());
      assertEquals("ev-1", b.at("/headers/X-Pamkit-Event-Id").asText());
      assertEquals("auto-generated", b.at("/headers/Auto-Submitted").asText());
      assertEquals(n.idempotencyKey(), b.at("/custom_args/pamkit_key").asText());
      assertTrue(b.path("mail_settings").isMissingNode());
    }
  }

  @Test
  void send_htmlTemplate_sendsTextHtmlContent() {
    EmailTemplates templates =
        templates("Failed on {{AssetName}}", "<p>Asset {{AssetName}}</p>", BodyFormat.HTML);
    try (SendGridTransport t =
        SendGridTransport.builder(config().build()).templates(templates).build()) {
      t.send(notification("ev-2", "admin@example.com"));
      JsonNode b = server.received().get(0).body();
      assertEquals("Failed on dc01.example.com", b.at("/subject").asText());
      assertEquals("text/html", b.at("/content/0/type").asText());
      assertEquals("<p>Asset dc01.example.com</p>", b.at("/content/0/value").asText());
    }
  }

  @Test
  void send_sandboxMode_sendsBooleanFlagAndAccepts200() {
    try (SendGridTransport t = transport(config().sandboxMode(true).build())) {
      DeliveryReceipt r = t.send(notification("ev-3", "admin@example.com"));
      assertTrue(r.messageId().isPresent());
      JsonNode enable = server.received().get(0).body().at("/mail_settings/sandbox_mode/enable");
      assertTrue(enable.isBoolean());
      assertTrue(enable.booleanValue());
    }
  }

  @Test
  void send_tooManyRequests_isRateLimitedUntilReset() {
    long reset = CLOCK.instant().getEpochSecond() + 42;
    server.next(
        429,
        Map.of(
            "X-RateLimit-Limit",
            "600",
            "X-RateLimit-Remaining",
            "0",
            "X-RateLimit-Reset",
            Long.toString(reset),
            "Content-Type",
            "application/json"),
        "{\"errors\":[{\"field\":null,\"message\":\"too many requests\"}]}");
    try (SendGridTransport t = transport(config().build())) {
      DeliveryException e = failedSend(t, "ev-4");
      assertEquals(FailureType.RATE_LIMITED, e.failureType());
      assertEquals(Optional.of(Duration.ofSeconds(42)), e.retryAfter());
      assertTrue(
          e.getMessage().contains("429") && e.getMessage().contains("too many requests"),
          e.getMessage());
    }
  }

  @Test
  void send_wrongKey_isPermanentTransportAndNeverShowsKey() {
    try (SendGridTransport t = transport(config().apiKey(Secret.of("SG.wrong.key")).build())) {
      DeliveryException e = failedSend(t, "ev-5");
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("401"), e.getMessage());
      assertTrue(e.getMessage().contains("authorization grant is invalid"), e.getMessage());
      assertFalse(e.getMessage().contains("SG.wrong.key"));
      assertFalse(t.toString().contains("SG.wrong.key"));
      assertFalse(t.config().toString().contains(KEY));
    }
  }

  @Test
  void send_forbidden_isPermanentTransport() {
    server.next(403, Map.of(), "{\"errors\":[{\"field\":null,\"message\":\"access forbidden\"}]}");
    try (SendGridTransport t = transport(config().build())) {
      DeliveryException e = failedSend(t, "ev-6");
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
    }
  }

  @Test
  void send_badRequest_isPermanentMessageWithFieldErrors() {
    server.next(
        400,
        Map.of("Content-Type", "application/json"),
        "{\"errors\":[{\"message\":"
            + "\"Does not contain a valid address.\",\"field\":\"personalizations.0.to\","
            + "\"help\":\"http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html\"}]}");
    try (SendGridTransport t = transport(config().build())) {
      DeliveryException e = failedSend(t, "ev-7");
      assertEquals(FailureType.PERMANENT_MESSAGE, e.failureType());
      assertTrue(
          e.getMessage().contains("personalizations.0.to: Does not contain a valid" + " address."),
          e.getMessage());
    }
  }

  @Test
  void send_payloadTooLarge_isPermanentMessage() {
    server.next(413, Map.of(), "{\"errors\":[{\"field\":null,\"message\":\"too large\"}]}");
    try (SendGridTransport t = transport(config().build())) {
      DeliveryException e = failedSend(t, "ev-8");
      assertEquals(FailureType.PERMANENT_MESSAGE, e.failureType());
    }
  }

  @Test
  void send_serverError_isTransient() {
    server.next(500, Map.of(), "{\"errors\":[{\"field\":null,\"message\":\"internal error\"}]}");
    try (SendGridTransport t = transport(config().build())) {
      DeliveryException e = failedSend(t, "ev-9");
      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertFalse(e instanceof DeliveryOutcomeUnknownException);
      // a retry after the outage goes through
      assertTrue(t.send(notification("ev-9", "admin@example.com")).messageId().isPresent());
    }
  }

  @Test
  void send_wrongBaseUri_isPermanentTransport() {
    try (SendGridTransport t =
        transport(config().baseUri(URI.create(server.baseUri() + "/nothing-here")).build())) {
      DeliveryException e = failedSend(t, "ev-10");
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("404"), e.getMessage());
    }
  }

  @Test
  void send_untrustedCertificate_isPermanentTransportAndSendsNothing() {
    try (SendGridTransport t = transport(config().sslContext(null).build())) {
      DeliveryException e = failedSend(t, "ev-11");
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(server.received().isEmpty());
    }
  }

  @Test
  void send_certificateForAnotherHost_isRefused() throws Exception {
    try (LoopbackHttps other =
        LoopbackHttps.start(
            "/",
            ex -> LoopbackHttps.respond(ex, 202, Map.of(), new byte[0]),
            List.of("api.sendgrid.com"),
            List.of())) {
      try (SendGridTransport t =
          transport(config().baseUri(other.baseUri()).sslContext(other.clientContext()).build())) {
        DeliveryException e = failedSend(t, "ev-12");
        assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      }
    }
  }

  @Test
  void send_nothingListening_isTransient() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (SendGridTransport t =
        transport(config().baseUri(URI.create("https://127.0.0.1:" + port)).build())) {
      DeliveryException e = failedSend(t, "ev-13");
      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertFalse(e instanceof DeliveryOutcomeUnknownException);
    }
  }

  @Test
  void send_noResponseInTime_isOutcomeUnknown() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch arrived = new CountDownLatch(1);
    try (LoopbackHttps slow = LoopbackHttps.startHoldingAfterFirst(arrived, release)) {
      // warm TLS up in this JVM with a patient client, so the 3 s below only measures the wait
      try (SendGridTransport warm =
          transport(
              config()
                  .baseUri(slow.baseUri())
                  .sslContext(slow.clientContext())
                  .requestTimeout(Duration.ofSeconds(60))
                  .build())) {
        warm.send(notification("ev-14", "admin@example.com"));
      }
      try (SendGridTransport t =
          transport(
              config()
                  .baseUri(slow.baseUri())
                  .sslContext(slow.clientContext())
                  .requestTimeout(Duration.ofSeconds(3))
                  .build())) {
        DeliveryException e = failedSend(t, "ev-14");
        assertInstanceOf(DeliveryOutcomeUnknownException.class, e, e::getMessage);
        assertEquals(0, arrived.getCount(), "the request reached the server");
        assertEquals(FailureType.TRANSIENT, e.failureType());
      } finally {
        release.countDown();
      }
    }
  }

  @Test
  void send_userWithoutAddress_isPermanentMessageWithoutRequest() {
    try (SendGridTransport t = transport(config().build())) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class,
              () -> t.send(Notification.of(event("ev-15"), emailToUser(99))));
      assertEquals(FailureType.PERMANENT_MESSAGE, e.failureType());
      assertTrue(e.getMessage().contains("user 99"), e.getMessage());
      assertTrue(server.received().isEmpty());
    }
  }

  @Test
  void send_userResolvedByResolver_deliversToUsersAddress() {
    try (SendGridTransport t =
        SendGridTransport.builder(config().build())
            .recipientResolver(
                id -> id == 99 ? Optional.of("user99@example.com") : Optional.empty())
            .build()) {
      t.send(Notification.of(event("ev-16"), emailToUser(99)));
      assertEquals(
          "user99@example.com",
          server.received().get(0).body().at("/personalizations/0/to/0/email").asText());
    }
  }

  @Test
  void config_euDataResidency_usesEuHost() {
    SendGridConfig eu =
        SendGridConfig.builder()
            .apiKey(Secret.of(KEY))
            .senderEmail("pam@example.com")
            .euDataResidency(true)
            .build();
    assertEquals(URI.create("https://api.eu.sendgrid.com/v3/mail/send"), eu.mailSendUri());
    SendGridConfig global = eu.toBuilder().euDataResidency(false).build();
    assertEquals(URI.create("https://api.sendgrid.com/v3/mail/send"), global.mailSendUri());
  }

  @Test
  void config_plainHttp_isRefused() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> SendGridConfig.builder().baseUri(URI.create("http://127.0.0.1:8080")));
    assertEquals("baseUri", e.violations().get(0).path());
  }

  @Test
  void config_missingKeyAndBadSender_namesBoth() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> SendGridConfig.builder().senderEmail("not an address").senderName("a;b").build());
    List<String> paths = e.violations().stream().map(v -> v.path()).toList();
    assertTrue(paths.containsAll(List.of("apiKey", "senderEmail", "senderName")), paths::toString);
  }

  @Test
  void provider_section_createsWorkingTransport() {
    var s =
        Sections.of(
            "$.EmailProviders[1]",
            "{'ApiKey':'"
                + KEY
                + "','SenderEmail':'pam@appliance.example','Endpoint':'"
                + server.baseUri()
                + "','SandboxMode':true}");
    try (var t =
        new SendGridTransportProvider()
            .create(s, TransportContext.builder().sslContext(server.clientContext()).build())) {
      assertTrue(t.send(notification("ev-17", "admin@example.com")).messageId().isPresent());
    }
  }

  @Test
  void provider_badSections_namePathOfEach() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new SendGridTransportProvider()
                    .create(
                        Sections.of(
                            "$.EmailProviders[1]",
                            "{'SenderEmail':'pam@appliance.example','Region':'Mars','ApiKey2':'x'}"),
                        TransportContext.defaults()));
    List<String> paths = e.violations().stream().map(v -> v.path()).toList();
    assertTrue(
        paths.containsAll(List.of("$.EmailProviders[1].Region", "$.EmailProviders[1].ApiKey2")),
        paths::toString);
    var noKey = Sections.of("$.EmailProviders[1]", "{'SenderEmail':'pam@appliance.example'}");
    assertEquals(null, new SendGridTransportProvider().settings(noKey));
    assertEquals("$.EmailProviders[1].ApiKey", noKey.problems().get(0).path());
  }

  @Test
  void provider_timeoutFields_readAndRangeChecked() {
    SendGridConfig c =
        new SendGridTransportProvider()
            .settings(
                Sections.of(
                    "$.EmailProviders[0]",
                    "{'ApiKey':'SG.key','SenderEmail':'pam@example.com',"
                        + "'ConnectTimeoutSeconds':5,'RequestTimeoutSeconds':120}"));
    assertEquals(java.time.Duration.ofSeconds(5), c.connectTimeout());
    assertEquals(java.time.Duration.ofSeconds(120), c.requestTimeout());
    var tooLong =
        Sections.of(
            "$.EmailProviders[0]",
            "{'ApiKey':'SG.key','SenderEmail':'pam@example.com','RequestTimeoutSeconds':3601}");
    assertEquals(null, new SendGridTransportProvider().settings(tooLong));
    assertEquals("$.EmailProviders[0].RequestTimeoutSeconds", tooLong.problems().get(0).path());
  }

  private io.pamkit.core.config.ConfigSection pasted(String tls) {
    return Sections.of(
        "$.EmailProviders[1]",
        "{'ApiKey':'"
            + KEY
            + "','SenderEmail':'pam@appliance.example','Endpoint':'"
            + server.baseUri()
            + "',"
            + tls
            + "}");
  }

  @Test
  void provider_verifyFalseAlone_stillVerifiedUntilTrustAllIsExplicit() {
    // the local server's certificate is in no trust store the transport is given here
    try (var t =
        new SendGridTransportProvider()
            .create(pasted("'VerifySslCertificate':false"), TransportContext.defaults())) {
      DeliveryException e = failedSend(t, "ev-v1");
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType(), e.getMessage());
    }
    try (var t =
        new SendGridTransportProvider()
            .create(
                pasted("'VerifySslCertificate':false,'TrustAllCertificatesInsecurely':true"),
                TransportContext.defaults())) {
      assertTrue(t.send(notification("ev-v2", "admin@example.com")).messageId().isPresent());
    }
    var contradiction = pasted("'TrustAllCertificatesInsecurely':true");
    assertEquals(null, new SendGridTransportProvider().settings(contradiction));
    assertEquals(
        "$.EmailProviders[1].TrustAllCertificatesInsecurely",
        contradiction.problems().get(0).path());
  }
}
