// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.Sections;
import io.pamkit.notify.oauth.AccessTokenSource;
import io.pamkit.notify.oauth.IdentityPlatformTokenSource;
import io.pamkit.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;

/**
 * SMTP {@code AUTH XOAUTH2} against a local server (subethasmtp, STARTTLS required) whose
 * authentication handler checks the SASL string byte for byte: {@code base64("user=" mailbox ^A
 * "auth=Bearer " token ^A ^A)}, and answers 535 for a token it does not know.
 */
final class SmtpXoauth2Test {
  private static final String MAILBOX = "pam-notify@contoso.com";
  private static TestCertificates pki;
  private static KeyMaterial server;

  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final List<String> sasl = new CopyOnWriteArrayList<>();
  private TestSmtpServer smtp;

  @BeforeAll
  static void certificates() {
    pki = TestCertificates.create();
    server = pki.server();
  }

  @BeforeEach
  void start() {
    smtp =
        TestSmtpServer.start(
            b ->
                b.enableTLS()
                    .requireTLS()
                    .startTlsSocketFactory(TestCertificates.presenting(server))
                    .authenticationHandlerFactory(new Xoauth2()));
  }

  @AfterEach
  void stop() {
    smtp.close();
  }

  /** Accepts AUTH XOAUTH2 with or without an initial response. */
  private final class Xoauth2 implements AuthenticationHandlerFactory {
    @Override
    public List<String> getAuthenticationMechanisms() {
      return List.of("XOAUTH2");
    }

    @Override
    public AuthenticationHandler create() {
      return new AuthenticationHandler() {
        private String user = "";

        @Override
        public Optional<String> auth(String input, MessageContext ctx) throws RejectException {
          String[] parts = input.trim().split(" ");
          String encoded;
          if (parts[0].equalsIgnoreCase("AUTH")) {
            if (parts.length < 3) {
              return Optional.of("334 ");
            }
            encoded = parts[2];
          } else {
            encoded = input.trim();
          }
          String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
          sasl.add(decoded);
          if (!decoded.matches("user=[^\u0001]+\u0001auth=Bearer [^\u0001]+\u0001\u0001")) {
            throw new RejectException(501, "5.5.2 malformed XOAUTH2 string");
          }
          String token =
              decoded.substring(decoded.indexOf("auth=Bearer ") + 12, decoded.length() - 2);
          if (!validTokens.contains(token)) {
            throw new RejectException(535, "5.7.3 Authentication unsuccessful");
          }
          user = decoded.substring(5, decoded.indexOf('\u0001'));
          return Optional.empty();
        }

        @Override
        public Object getIdentity() {
          return user;
        }
      };
    }
  }

  /** A token source handing out tok-1, tok-2, ... and counting the renewals. */
  private static final class CountingTokens implements AccessTokenSource {
    final AtomicInteger issued = new AtomicInteger();
    final AtomicInteger renewals = new AtomicInteger();
    private volatile Secret current = Secret.of("tok-" + issued.incrementAndGet());

    @Override
    public Secret accessToken() {
      return current;
    }

    @Override
    public Secret renewAccessToken(Secret rejected) {
      renewals.incrementAndGet();
      current = Secret.of("tok-" + issued.incrementAndGet());
      return current;
    }
  }

  private SmtpTransportConfig.Builder config(AccessTokenSource tokens) {
    return SmtpTransportConfig.builder()
        .serverAddress("localhost")
        .port(smtp.port())
        .senderEmail(MAILBOX)
        .requireTls(true)
        .trustAnchors(TestCertificates.trustStore(pki.caCertificate()))
        .readTimeout(Duration.ofSeconds(10))
        .authentication(SmtpAuthentication.oauth2(MAILBOX, tokens));
  }

  @Test
  void send_xoauth2_saslStringAsDocumented() {
    CountingTokens tokens = new CountingTokens();
    validTokens.add("tok-1");
    try (SmtpTransport t = SmtpTransport.builder(config(tokens).build()).build()) {
      t.send(notification("x-1", "admin@example.com"));
    }
    assertEquals(List.of("user=" + MAILBOX + "\u0001auth=Bearer tok-1\u0001\u0001"), sasl);
    assertEquals(1, smtp.received().size());
    assertEquals(0, tokens.renewals.get());
  }

  @Test
  void send_tokenRefusedWith535_renewedOnceAndDelivered() {
    CountingTokens tokens = new CountingTokens();
    validTokens.add("tok-2");
    try (SmtpTransport t = SmtpTransport.builder(config(tokens).build()).build()) {
      t.send(notification("x-2", "admin@example.com"));
    }
    assertEquals(1, tokens.renewals.get());
    assertEquals(2, sasl.size());
    assertTrue(sasl.get(1).contains("auth=Bearer tok-2"), sasl::toString);
    assertEquals(1, smtp.received().size());
  }

  @Test
  void send_renewedTokenRefusedToo_permanentTransportWithoutTheToken() {
    CountingTokens tokens = new CountingTokens();
    try (SmtpTransport t = SmtpTransport.builder(config(tokens).build()).build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("x-3", "admin@example.com")));
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertFalse(e.getMessage().contains("tok-"), e.getMessage());
    }
    assertEquals(1, tokens.renewals.get());
    assertEquals(2, sasl.size());
    assertTrue(smtp.received().isEmpty());
  }

  @Test
  void send_tokenSourceFails_refusedClientPermanentOutageTransient() {
    AccessTokenSource refused =
        () -> {
          throw new ValidationException("clientCredential", "invalid_client");
        };
    AccessTokenSource down =
        () -> {
          throw new IllegalStateException("token endpoint answered 503");
        };
    try (SmtpTransport t = SmtpTransport.builder(config(refused).build()).build()) {
      assertEquals(
          FailureType.PERMANENT_TRANSPORT,
          assertThrows(
                  DeliveryException.class, () -> t.send(notification("x-4", "admin@example.com")))
              .failureType());
    }
    try (SmtpTransport t = SmtpTransport.builder(config(down).build()).build()) {
      assertEquals(
          FailureType.TRANSIENT,
          assertThrows(
                  DeliveryException.class, () -> t.send(notification("x-5", "admin@example.com")))
              .failureType());
    }
    assertTrue(sasl.isEmpty());
  }

  @Test
  void build_xoauth2WithoutTls_refused() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> config(new CountingTokens()).requireTls(false).build());
    assertEquals("ConnectionProperties", e.violations().get(0).path());
  }

  @Test
  void settings_documentOAuth_identityPlatformTokensForOutlook() {
    SmtpTransportConfig c =
        new SmtpTransportProvider()
            .settings(
                Sections.of(
                    "$.EmailProviders[0]",
                    """
        {'ServerAddress': 'smtp.office365.com', 'PortNumber': 587, 'RequireTlsFlag': true,
         'SenderEmail': 'pam-notify@contoso.com', 'RequireUserAuthentication': true,
         'ConnectionProperties': {'ServiceAccountName': 'pam-notify@contoso.com',
           'OAuth': {'TenantId': 'contoso.onmicrosoft.com', 'ClientId': 'app-1',
                     'ClientSecret': 's3cret'}}}
        """));
    SmtpAuthentication a = c.authentication();
    assertEquals(SmtpAuthentication.Kind.OAUTH2, a.kind());
    assertEquals(Optional.of("pam-notify@contoso.com"), a.userName());
    IdentityPlatformTokenSource tokens =
        assertInstanceOf(IdentityPlatformTokenSource.class, a.tokenSource().orElseThrow());
    assertEquals("https://outlook.office365.com/.default", tokens.scope());
    assertEquals(
        "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
        tokens.tokenEndpoint().toString());
    assertFalse(c.toString().contains("s3cret"), c::toString);

    var both =
        Sections.of(
            "$.EmailClientConfig",
            """
        {'ServerAddress': 'smtp.office365.com', 'SenderEmail': 'pam@contoso.com',
         'RequireUserAuthentication': true,
         'ConnectionProperties': {'ServiceAccountName': 'pam@contoso.com',
           'ServiceAccountPassword': 'pw', 'OAuth': {'TenantId': 't', 'ClientId': 'c'}}}
        """);
    assertNull(new SmtpTransportProvider().settings(both));
    List<String> paths = both.problems().stream().map(v -> v.path()).toList();
    assertTrue(
        paths.contains("$.EmailClientConfig.ConnectionProperties.OAuth.CertificateFile"),
        paths::toString);
  }
}
