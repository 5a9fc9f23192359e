// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews;

import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.LoopbackHttps;
import io.pamkit.notify.oauth.AccessTokenSource;
import io.pamkit.testing.FakeClock;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** App-only OAuth against a local token endpoint, then EWS with the bearer token. */
final class ClientCredentialsTokenSourceTest {
  private static final String SECRET = "client~secret&=+";

  private final List<Map<String, String>> forms = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger issued = new AtomicInteger();
  private LoopbackHttps tokenServer;
  private FakeEws ews;

  @BeforeEach
  void start() throws Exception {
    tokenServer =
        LoopbackHttps.start(
            "/contoso.onmicrosoft.com/oauth2/v2.0/token",
            ex -> {
              String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
              Map<String, String> form = new HashMap<>();
              for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
              }
              forms.add(form);
              if (!SECRET.equals(form.get("client_secret"))) {
                LoopbackHttps.respond(
                    ex,
                    401,
                    Map.of("Content-Type", "application/json"),
                    ("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client"
                            + " secret provided.\"}")
                        .getBytes(StandardCharsets.UTF_8));
                return;
              }
              String token = "tok-" + issued.incrementAndGet();
              LoopbackHttps.respond(
                  ex,
                  200,
                  Map.of("Content-Type", "application/json"),
                  ("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                          + "\"access_token\":\""
                          + token
                          + "\"}")
                      .getBytes(StandardCharsets.UTF_8));
            });
    ews = FakeEws.start("Bearer tok-1");
  }

  @AfterEach
  void stop() {
    tokenServer.close();
    ews.close();
  }

  private ClientCredentialsTokenSource source(String secret, Clock clock) {
    return ClientCredentialsTokenSource.builder(
            "contoso.onmicrosoft.com", "app-123", Secret.of(secret))
        .tokenEndpoint(
            URI.create(tokenServer.baseUri() + "/contoso.onmicrosoft.com/oauth2/v2.0/token"))
        .sslContext(tokenServer.clientContext())
        .clock(clock)
        .build();
  }

  private EwsTransport ews(AccessTokenSource tokens, Clock clock) {
    return EwsTransport.builder(
            EwsConfig.builder()
                .endpoint(ews.endpoint())
                .senderEmail("pam@example.com")
                .impersonate(true)
                .authentication(EwsAuthentication.bearer(tokens))
                .sslContext(ews.clientContext())
                .build())
        .clock(clock)
        .build();
  }

  @Test
  void accessToken_cachedUntilRefreshMargin_thenRenewed() {
    FakeClock clock = new FakeClock(Instant.parse("2026-11-23T10:00:00Z"));
    ClientCredentialsTokenSource tokens = source(SECRET, clock);
    try (EwsTransport t = ews(tokens, clock)) {
      t.send(notification("ev-1", "admin@example.com"));
      t.send(notification("ev-2", "admin@example.com"));
      assertEquals(1, forms.size());
      Map<String, String> form = forms.get(0);
      assertEquals("client_credentials", form.get("grant_type"));
      assertEquals("app-123", form.get("client_id"));
      assertEquals("https://outlook.office365.com/.default", form.get("scope"));

      clock.advance(Duration.ofMinutes(56)); // inside the 5-minute margin of the 3599 s expiry
      ews.authorization("Bearer tok-2");
      t.send(notification("ev-3", "admin@example.com"));
      assertEquals(2, forms.size());
      assertEquals(3, ews.received().size());
    }
  }

  @Test
  void accessToken_refusedSecret_failsEwsSendPermanently() {
    ClientCredentialsTokenSource tokens = source("wrong-secret", Clock.systemUTC());
    ValidationException v = assertThrows(ValidationException.class, tokens::accessToken);
    assertEquals("clientSecret", v.violations().get(0).path());
    assertTrue(v.getMessage().contains("invalid_client"), v.getMessage());
    assertFalse(v.getMessage().contains("wrong-secret"));
    assertFalse(tokens.toString().contains("wrong-secret"));
    try (EwsTransport t = ews(tokens, Clock.systemUTC())) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-4", "admin@example.com")));
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(ews.received().isEmpty());
    }
  }

  @Test
  void builder_defaultEndpointAndBadInput() {
    assertEquals(
        URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"),
        ClientCredentialsTokenSource.builder("contoso.onmicrosoft.com", "app", Secret.of("s"))
            .build()
            .tokenEndpoint());
    assertThrows(
        ValidationException.class,
        () -> ClientCredentialsTokenSource.builder("bad/tenant", "app", Secret.of("s")).build());
    assertThrows(
        ValidationException.class,
        () ->
            ClientCredentialsTokenSource.builder("t", "app", Secret.of("s"))
                .tokenEndpoint(URI.create("http://x/token"))
                .build());
  }
}
