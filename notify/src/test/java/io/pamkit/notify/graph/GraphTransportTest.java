// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.graph;

import static io.pamkit.notify.TestNotifications.CLOCK;
import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pamkit.core.ValidationException;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.EmailMessageIds;
import io.pamkit.notify.oauth.ClientCredential;
import io.pamkit.notify.oauth.IdentityPlatformTokenSource;
import io.pamkit.notify.oauth.NationalCloud;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Graph transport and the identity-platform token source against a local HTTPS server that
 * follows Microsoft's token endpoint and {@code sendMail} contracts.
 */
final class GraphTransportTest extends FakeMicrosoft365Test {
  private static final String SENDER = "pam-notify@contoso.com";

  private GraphSettings.Builder settings(ClientCredential credential) {
    return GraphSettings.builder()
        .tenantId(TENANT)
        .clientId(CLIENT)
        .credential(credential)
        .senderEmail(SENDER)
        .graphBaseUri(ms.baseUri())
        .authorityHost(ms.baseUri())
        .sslContext(ms.clientContext())
        .requestTimeout(Duration.ofSeconds(10));
  }

  private GraphTransport transport(GraphSettings s) {
    return GraphTransport.builder(s).clock(CLOCK).build();
  }

  private GraphTransport certificateTransport() {
    return transport(settings(cert.credential()).build());
  }

  @Test
  void send_certificate_verifiedAssertionAndDocumentedBody() {
    try (GraphTransport t = certificateTransport()) {
      Notification n = notification("ev-1", "admin@example.com");
      DeliveryReceipt r = t.send(n);

      assertEquals("Email", r.transportId());
      assertEquals(Optional.of("req-1"), r.messageId());
      assertEquals(CLOCK.instant(), r.deliveredAt());

      FakeMicrosoft365.TokenRequest tr = ms.tokenRequests().get(0);
      assertEquals(
          "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
          tr.form().get("client_assertion_type"));
      assertFalse(tr.form().containsKey("client_secret"));
      assertTrue(List.of(tr.form().get("scope").split(" ")).contains(FakeMicrosoft365.GRAPH_SCOPE));
      assertEquals(ms.tokenUri().toString(), tr.assertionClaims().path("aud").asText());
      assertEquals(CLIENT, tr.assertionClaims().path("iss").asText());

      FakeMicrosoft365.SendMail got = ms.sendMails().get(0);
      assertEquals("/v1.0/users/" + SENDER + "/sendMail", got.path());
      assertEquals("Bearer eyJ0eXAi.graph-token-1", got.authorization());
      JsonNode m = got.body().path("message");
      assertEquals(
          "admin@example.com",
          m.path("toRecipients").get(0).path("emailAddress").path("address").asText());
      assertTrue(
          m.path("subject").asText().contains("PasswordChangeFailed"), m.path("subject").asText());
      assertTrue(Set.of("Text", "HTML").contains(m.path("body").path("contentType").asText()));
      assertEquals(
          EmailMessageIds.messageId(n.idempotencyKey(), SENDER),
          m.path("internetMessageId").asText());
      Map<String, String> headers = new java.util.HashMap<>();
      m.path("internetMessageHeaders")
          .forEach(h -> headers.put(h.path("name").asText(), h.path("value").asText()));
      assertEquals(n.idempotencyKey(), headers.get("X-Pamkit-Idempotency-Key"));
      assertEquals("ev-1", headers.get("X-Pamkit-Event-Id"));
      assertEquals("PasswordChangeFailed", headers.get("X-Pamkit-Event"));
      assertFalse(got.body().path("saveToSentItems").asBoolean(true));
    }
  }

  @Test
  void send_clientSecret_sendsSecretNotAssertion() {
    try (GraphTransport t =
        transport(settings(ClientCredential.secret(Secret.of(SECRET))).build())) {
      t.send(notification("ev-1", "admin@example.com"));

      FakeMicrosoft365.TokenRequest tr = ms.tokenRequests().get(0);
      assertEquals(SECRET, tr.form().get("client_secret"));
      assertEquals(CLIENT, tr.form().get("client_id"));
      assertEquals("client_credentials", tr.form().get("grant_type"));
      assertFalse(tr.form().containsKey("client_assertion"));
      assertEquals(1, ms.sendMails().size());
    }
  }

  @Test
  void send_twice_tokenCachedAndAssertionNotReused() {
    try (GraphTransport t = certificateTransport()) {
      t.send(notification("ev-1", "admin@example.com"));
      t.send(notification("ev-2", "admin@example.com"));

      assertEquals(1, ms.tokenRequests().size());
      assertEquals(2, ms.sendMails().size());
      assertEquals(ms.sendMails().get(0).authorization(), ms.sendMails().get(1).authorization());
    }
  }

  @Test
  void send_tokenWithinRenewalWindow_fetchesNewTokenBeforeExpiry() {
    ms.expiresIn(120); // inside the five-minute renewal window: never served from the cache
    try (GraphTransport t = certificateTransport()) {
      t.send(notification("ev-1", "admin@example.com"));
      t.send(notification("ev-2", "admin@example.com"));

      assertEquals(2, ms.tokenRequests().size());
      assertNotEquals(ms.sendMails().get(0).authorization(), ms.sendMails().get(1).authorization());
      // each assertion carried its own jti (the server refuses a replayed one)
      assertNotEquals(
          ms.tokenRequests().get(0).assertionClaims().path("jti").asText(),
          ms.tokenRequests().get(1).assertionClaims().path("jti").asText());
    }
  }

  @Test
  void send_401_renewsTokenOnceAndSendsAgain() {
    try (GraphTransport t = certificateTransport()) {
      t.send(notification("ev-1", "admin@example.com"));
      ms.revokeTokens();

      DeliveryReceipt r = t.send(notification("ev-2", "admin@example.com"));

      assertEquals(Optional.of("req-3"), r.messageId());
      assertEquals(2, ms.tokenRequests().size());
      assertEquals(3, ms.sendMails().size());
      assertEquals("Bearer eyJ0eXAi.graph-token-2", ms.sendMails().get(2).authorization());
    }
  }

  @Test
  void send_401Twice_permanentTransportWithGraphCode() {
    try (GraphTransport t = certificateTransport()) {
      ms.nextSend(
          401,
          Map.of(),
          FakeMicrosoft365.graphErrorBody(
              "InvalidAuthenticationToken", "Access token validation failure."));
      ms.nextSend(
          401,
          Map.of(),
          FakeMicrosoft365.graphErrorBody(
              "InvalidAuthenticationToken", "Access token validation failure."));

      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("401 InvalidAuthenticationToken"), e.getMessage());
      assertEquals(2, ms.sendMails().size());
      assertFalse(e.getMessage().contains("graph-token"), e.getMessage());
    }
  }

  @Test
  void send_429_rateLimitedWithRetryAfter() {
    try (GraphTransport t = certificateTransport()) {
      ms.nextSend(
          429,
          Map.of("Retry-After", "17"),
          FakeMicrosoft365.graphErrorBody(
              "ApplicationThrottled", "Application is over its MailboxConcurrency limit."));

      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.RATE_LIMITED, e.failureType());
      assertEquals(Optional.of(Duration.ofSeconds(17)), e.retryAfter());
      assertTrue(e.getMessage().contains("ApplicationThrottled"), e.getMessage());
    }
  }

  @Test
  void send_503_transientWithRetryAfter() {
    try (GraphTransport t = certificateTransport()) {
      ms.nextSend(
          503,
          Map.of("Retry-After", "5"),
          FakeMicrosoft365.graphErrorBody(
              "ServiceNotAvailable", "The service is temporarily unavailable."));

      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertEquals(Optional.of(Duration.ofSeconds(5)), e.retryAfter());
    }
  }

  @Test
  void send_403AccessDenied_permanentTransportWithCode() {
    try (GraphTransport t = certificateTransport()) {
      ms.nextSend(
          403,
          Map.of(),
          FakeMicrosoft365.graphErrorBody(
              "ErrorAccessDenied", "Access is denied. Check credentials and try again."));

      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("403 ErrorAccessDenied"), e.getMessage());
      assertTrue(e.getMessage().contains("Mail.Send"), e.getMessage());
    }
  }

  @Test
  void send_404InvalidUser_permanentTransport() {
    try (GraphTransport t = certificateTransport()) {
      ms.nextSend(
          404,
          Map.of(),
          FakeMicrosoft365.graphErrorBody(
              "ErrorInvalidUser", "The requested user '" + SENDER + "' is invalid."));

      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("ErrorInvalidUser"), e.getMessage());
    }
  }

  @Test
  void send_400_permanentMessageWithCode() {
    try (GraphTransport t = certificateTransport()) {
      ms.nextSend(
          400,
          Map.of(),
          FakeMicrosoft365.graphErrorBody(
              "ErrorInvalidRecipients", "At least one recipient isn't valid."));

      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_MESSAGE, e.failureType());
      assertTrue(
          e.getMessage().contains("400 ErrorInvalidRecipients: At least one recipient"),
          e.getMessage());
    }
  }

  @Test
  void send_hugeErrorBody_readOnlyUpToTheLimit() {
    byte[] huge = new byte[8 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'x');
    try (GraphTransport t = transport(settings(cert.credential()).maxResponseBytes(4096).build())) {
      ms.nextSend(400, Map.of(), huge);

      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_MESSAGE, e.failureType());
      assertTrue(e.getMessage().length() < 1000, "message length " + e.getMessage().length());
    }
  }

  @Test
  void send_wrongSecret_permanentTransportWithoutTheSecret() {
    try (GraphTransport t =
        transport(settings(ClientCredential.secret(Secret.of("wrong-one"))).build())) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
      assertFalse(e.getMessage().contains("wrong-one"), e.getMessage());
      assertTrue(ms.sendMails().isEmpty());
    }
  }

  @Test
  void send_certificateNotRegistered_permanentTransport() throws Exception {
    FakeMicrosoft365.TestCertificate other =
        FakeMicrosoft365.TestCertificate.generate("another app");
    try (GraphTransport t = transport(settings(other.credential()).build())) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("AADSTS700027"), e.getMessage());
    }
  }

  @Test
  void send_tokenEndpointUnreachable_transient() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    try (GraphTransport t =
        transport(
            settings(cert.credential())
                .authorityHost(URI.create("https://127.0.0.1:" + closed))
                .build())) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertTrue(ms.sendMails().isEmpty());
    }
  }

  @Test
  void tokenSource_concurrentCallers_oneTokenRequest() throws Exception {
    IdentityPlatformTokenSource source = settings(cert.credential()).build().tokenSource();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Secret>> tokens = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tokens.add(
            pool.submit(
                () -> {
                  go.await();
                  return source.accessToken();
                }));
      }
      go.countDown();
      Set<String> distinct = new HashSet<>();
      for (Future<Secret> f : tokens) {
        distinct.add(f.get(60, TimeUnit.SECONDS).reveal());
      }

      assertEquals(Set.of("eyJ0eXAi.graph-token-1"), distinct);
      assertEquals(1, ms.tokenRequests().size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tokenSource_renewAfterSomeoneElseRenewed_keepsTheNewToken() {
    IdentityPlatformTokenSource source = settings(cert.credential()).build().tokenSource();
    Secret first = source.accessToken();
    Secret second = source.renewAccessToken(first);
    Secret again = source.renewAccessToken(first); // a late caller with the old token

    assertEquals("eyJ0eXAi.graph-token-2", second.reveal());
    assertEquals(second, again);
    assertEquals(2, ms.tokenRequests().size());
    assertEquals(ms.tokenUri(), source.tokenEndpoint());
    assertFalse(source.toString().contains("graph-token"), source.toString());
  }

  @Test
  void settings_missingFields_eachNamed() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                GraphSettings.builder()
                    .senderEmail("not an address")
                    .graphBaseUri(URI.create("http://graph.example"))
                    .build());

    Set<String> paths = new HashSet<>();
    e.violations().forEach(v -> paths.add(v.path()));
    assertEquals(Set.of("TenantId", "ClientId", "ClientSecret", "SenderEmail", "GraphHost"), paths);
  }

  @Test
  void settings_defaultsAndNationalCloud() {
    GraphSettings global =
        GraphSettings.builder()
            .tenantId(TENANT)
            .clientId(CLIENT)
            .credential(ClientCredential.secret(Secret.of(SECRET)))
            .senderEmail(SENDER)
            .build();
    assertEquals(
        URI.create("https://graph.microsoft.com/v1.0/users/" + SENDER + "/sendMail"),
        global.sendMailUri());
    assertEquals(URI.create("https://login.microsoftonline.com"), global.authorityHost());
    assertEquals(
        URI.create("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token"),
        global.tokenSource().tokenEndpoint());
    assertFalse(global.saveToSentItems());
    assertEquals(Duration.ofSeconds(30), global.requestTimeout());
    assertEquals("Email", global.channel());
    assertFalse(global.toString().contains(SECRET), global.toString());

    GraphSettings gov =
        global.toBuilder().cloud(NationalCloud.fromWireName("UsGovernment")).build();
    assertEquals("graph.microsoft.us", gov.sendMailUri().getHost());
    assertEquals("login.microsoftonline.us", gov.authorityHost().getHost());
    assertEquals("https://graph.microsoft.us/.default", gov.tokenSource().scope());
    assertEquals(SENDER, gov.senderEmail());
  }

  @Test
  void settings_timeouts_sameRuleAsTheOtherHttpProviders() {
    // 1 ms to 1 hour, a ValidationException naming the setting (was: positive, IAE)
    ValidationException zero =
        assertThrows(
            ValidationException.class, () -> GraphSettings.builder().connectTimeout(Duration.ZERO));
    assertEquals("connectTimeout", zero.violations().get(0).path());
    ValidationException tooLong =
        assertThrows(
            ValidationException.class,
            () -> GraphSettings.builder().requestTimeout(Duration.ofMinutes(61)));
    assertEquals("requestTimeout", tooLong.violations().get(0).path());
    assertTrue(tooLong.getMessage().contains("between 1 ms and 1 hour"), tooLong.getMessage());
    GraphSettings s = settings(cert.credential()).connectTimeout(Duration.ofHours(1)).build();
    assertEquals(Duration.ofHours(1), s.connectTimeout());
    assertEquals(Duration.ofHours(1), s.toBuilder().build().connectTimeout());
  }

  @Test
  void settings_verifyFalseAlone_stillVerifiedUntilTrustAllIsExplicit() {
    // no SSL context: the local Microsoft 365's certificate is not in the JDK's trust store
    GraphSettings pasted =
        settings(cert.credential()).sslContext(null).verifySslCertificate(false).build();
    assertFalse(pasted.trustsAllCertificates());
    try (GraphTransport t = transport(pasted)) {
      assertThrows(DeliveryException.class, () -> t.send(notification("v1", "a@example.com")));
      assertEquals(0, ms.sendMails().size());
    }
    GraphSettings trustAll = pasted.toBuilder().trustAllCertificatesInsecurely(true).build();
    try (GraphTransport t = transport(trustAll)) {
      t.send(notification("v2", "a@example.com"));
      assertEquals(1, ms.sendMails().size());
    }
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> settings(cert.credential()).trustAllCertificatesInsecurely(true).build());
    assertEquals("TrustAllCertificatesInsecurely", e.violations().get(0).path());
  }
}
