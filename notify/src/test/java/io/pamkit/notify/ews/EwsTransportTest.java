// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews;

import static io.pamkit.notify.TestNotifications.CLOCK;
import static io.pamkit.notify.TestNotifications.failedSend;
import static io.pamkit.notify.TestNotifications.notification;
import static io.pamkit.notify.TestNotifications.templates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.Sections;
import io.pamkit.notify.email.EmailMessageIds;
import io.pamkit.notify.oauth.IdentityPlatformTokenSource;
import io.pamkit.notify.template.BodyFormat;
import io.pamkit.notify.template.EmailTemplates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The EWS transport against a local HTTPS SOAP endpoint. */
final class EwsTransportTest {
  private static final String USER = "EXAMPLE\\svc-pam";
  private static final String PASSWORD = "Pa55:w0rd&<x>";

  private FakeEws server;

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void start() throws Exception {
    server = FakeEws.start(basic(USER, PASSWORD));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private EwsConfig.Builder config() {
    return EwsConfig.builder()
        .endpoint(server.endpoint())
        .senderEmail("pam@example.com")
        .authentication(EwsAuthentication.basic(USER, Secret.of(PASSWORD)))
        .sslContext(server.clientContext());
  }

  private EwsTransport transport(EwsConfig config) {
    return EwsTransport.builder(config).clock(CLOCK).build();
  }

  private static String text(Document d, String ns, String local) {
    NodeList l = d.getElementsByTagNameNS(ns, local);
    return l.getLength() == 0 ? null : l.item(0).getTextContent();
  }

  @Test
  void send_basic_createsItemWithSendAndSaveCopy() {
    EmailTemplates templates =
        templates(
            "R&D <alert> on {{AssetName}}",
            "Line 1 & <b>not a tag</b>\nLine 2 ]]> \u0001end",
            BodyFormat.TEXT);
    try (EwsTransport t =
        EwsTransport.builder(config().build()).templates(templates).clock(CLOCK).build()) {
      Notification n = notification("ev-1", "admin@example.com");
      DeliveryReceipt r = t.send(n);

      assertEquals("Email", r.transportId());
      assertEquals(Optional.empty(), r.messageId());
      assertEquals(CLOCK.instant(), r.deliveredAt());
      FakeEws.Received got = server.received().get(0);
      Document d = got.envelope();
      Element version = FakeEws.first(d.getDocumentElement(), FakeEws.T, "RequestServerVersion");
      assertEquals("Exchange2013_SP1", version.getAttribute("Version"));
      Element create = FakeEws.first(d.getDocumentElement(), FakeEws.M, "CreateItem");
      assertEquals("SendAndSaveCopy", create.getAttribute("MessageDisposition"));
      assertEquals(
          "sentitems",
          FakeEws.first(create, FakeEws.T, "DistinguishedFolderId").getAttribute("Id"));
      assertEquals("R&D <alert> on dc01.example.com", text(d, FakeEws.T, "Subject"));
      assertEquals("Line 1 & <b>not a tag</b>\nLine 2 ]]> \uFFFDend", text(d, FakeEws.T, "Body"));
      assertEquals(
          "Text",
          FakeEws.first(d.getDocumentElement(), FakeEws.T, "Body").getAttribute("BodyType"));
      assertEquals("admin@example.com", text(d, FakeEws.T, "EmailAddress"));
      assertEquals(
          EmailMessageIds.messageId(n.idempotencyKey(), "pam@example.com"),
          text(d, FakeEws.T, "InternetMessageId"));
      Element prop = FakeEws.first(d.getDocumentElement(), FakeEws.T, "ExtendedFieldURI");
      assertEquals("InternetHeaders", prop.getAttribute("DistinguishedPropertySetId"));
      assertEquals("X-Pamkit-Event", prop.getAttribute("PropertyName"));
      assertNull(FakeEws.first(d.getDocumentElement(), FakeEws.T, "ExchangeImpersonation"));
      assertTrue(got.headers().get("Content-type").get(0).startsWith("text/xml"));
    }
  }

  @Test
  void send_bearerWithImpersonation_sendsTokenAnchorAndImpersonationHeader() {
    server.authorization("Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.token");
    EwsConfig c =
        config()
            .authentication(
                EwsAuthentication.bearer(() -> Secret.of("eyJ0eXAiOiJKV1QiLCJhbGciOi.token")))
            .impersonate(true)
            .serverVersion("Exchange2016")
            .disposition(EwsConfig.MessageDisposition.SEND_ONLY)
            .build();
    try (EwsTransport t = transport(c)) {
      t.send(notification("ev-2", "admin@example.com"));
      FakeEws.Received got = server.received().get(0);
      assertEquals(List.of("pam@example.com"), got.headers().get("X-anchormailbox"));
      Document d = got.envelope();
      assertEquals("pam@example.com", text(d, FakeEws.T, "PrimarySmtpAddress"));
      assertEquals(
          "Exchange2016",
          FakeEws.first(d.getDocumentElement(), FakeEws.T, "RequestServerVersion")
              .getAttribute("Version"));
      Element create = FakeEws.first(d.getDocumentElement(), FakeEws.M, "CreateItem");
      assertEquals("SendOnly", create.getAttribute("MessageDisposition"));
      assertNull(FakeEws.first(create, FakeEws.M, "SavedItemFolderId"));
    }
  }

  @Test
  void send_serverBusyFault_isRateLimitedWithBackOff() {
    server.next(500, FakeEws.serverBusy(178510));
    DeliveryException e = defaultFails("ev-3");
    assertEquals(FailureType.RATE_LIMITED, e.failureType());
    assertEquals(Optional.of(Duration.ofMillis(178510)), e.retryAfter());
    assertTrue(e.getMessage().contains("ErrorServerBusy"), e.getMessage());
  }

  @Test
  void send_wrongPassword_isPermanentTransportWithoutPassword() {
    try (EwsTransport t =
        transport(
            config()
                .authentication(EwsAuthentication.basic(USER, Secret.of("wrong-password")))
                .build())) {
      DeliveryException e = failedSend(t, "ev-4");
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("401"), e.getMessage());
      assertFalse(e.getMessage().contains("wrong-password"));
      assertFalse(t.toString().contains("wrong-password"));
      assertTrue(server.received().isEmpty());
    }
  }

  @Test
  void send_invalidRecipient_isPermanentMessage() {
    server.next(
        200, FakeEws.error("ErrorInvalidRecipients", "At least one recipient isn't valid."));
    DeliveryException e = defaultFails("ev-5");
    assertEquals(FailureType.PERMANENT_MESSAGE, e.failureType());
    assertTrue(e.getMessage().contains("ErrorInvalidRecipients"), e.getMessage());
  }

  @Test
  void send_sendAsDenied_isPermanentTransport() {
    server.next(
        200,
        FakeEws.error(
            "ErrorSendAsDenied",
            "The user account which was used to"
                + " submit this request does not have the right to send mail on behalf of the specified"
                + " sending account."));
    DeliveryException e = defaultFails("ev-6");
    assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
  }

  @Test
  void send_serviceUnavailable_isRateLimited() {
    server.next(503, "");
    DeliveryException e = defaultFails("ev-7");
    assertEquals(FailureType.RATE_LIMITED, e.failureType());
  }

  @Test
  void send_responseWithExternalEntity_isRefusedAndNothingLeaks(@TempDir Path dir)
      throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    server.next(
        200,
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/"
            + "envelope/\"><s:Body><s:Fault><faultcode>a:ErrorAccessDenied</faultcode><faultstring>"
            + "&x;</faultstring></s:Fault></s:Body></s:Envelope>");
    DeliveryException e = defaultFails("ev-8");
    assertEquals(FailureType.TRANSIENT, e.failureType());
    assertFalse(e.getMessage().contains("TOP-SECRET-CONTENT"), e.getMessage());
    assertTrue(e.getMessage().contains("not XML"), e.getMessage());
  }

  @Test
  void send_vaultedAccount_usesCurrentPasswordOnEachRequest() {
    AtomicReference<String> vault = new AtomicReference<>(PASSWORD);
    AccountReference account =
        new AccountReference(AccountReference.Kind.DIRECTORY_ACCOUNT, "example.com", USER);
    EwsConfig c =
        config()
            .authentication(EwsAuthentication.account(USER, account))
            .credentialResolver(ref -> Secret.of(vault.get()))
            .build();
    try (EwsTransport t = transport(c)) {
      t.send(notification("ev-9", "admin@example.com"));
      vault.set("rotated-Passw0rd");
      server.authorization(basic(USER, "rotated-Passw0rd"));
      t.send(notification("ev-10", "admin@example.com"));
      assertEquals(2, server.received().size());
    }
  }

  @Test
  void config_exchangeOnlineWithBasic_isRefused() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                EwsConfig.builder()
                    .endpoint(URI.create("https://outlook.office365.com/EWS/Exchange.asmx"))
                    .senderEmail("pam@example.com")
                    .allowExchangeOnline(true)
                    .authentication(EwsAuthentication.basic("pam@example.com", Secret.of("x")))
                    .build());
    assertEquals("authentication", e.violations().get(0).path());
    assertTrue(
        EwsConfig.builder()
            .endpoint(URI.create("https://outlook.office365.com/EWS/Exchange.asmx"))
            .senderEmail("pam@example.com")
            .allowExchangeOnline(true)
            .authentication(EwsAuthentication.bearer(() -> Secret.of("t")))
            .build()
            .exchangeOnline());
  }

  @Test
  void config_exchangeOnlineWithoutExplicitOption_refusedNamingTheRetirementDates() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                EwsConfig.builder()
                    .endpoint(URI.create("https://outlook.office365.com/EWS/Exchange.asmx"))
                    .senderEmail("pam@example.com")
                    .authentication(EwsAuthentication.bearer(() -> Secret.of("t")))
                    .build());
    assertEquals("endpoint", e.violations().get(0).path());
    assertTrue(
        e.getMessage().contains("1 October 2026") && e.getMessage().contains("1 April 2027"),
        e.getMessage());
  }

  @Test
  void settings_documentNtlm_onPremisesNtlmAuthentication() {
    EwsConfig c =
        new EwsTransportProvider()
            .settings(
                Sections.of(
                    "$.EmailProviders[0]",
                    "{'ServiceUrl':'https://mail.example.com/EWS/Exchange.asmx','Mailbox':'pam@example.com',"
                        + "'Authentication':'Ntlm','UserName':'EXAMPLE\\\\svc-pam','Password':'pw'}"));
    assertEquals(EwsAuthentication.Kind.NTLM, c.authentication().kind());
    var unknown =
        Sections.of(
            "$.EmailProviders[0]",
            "{'ServiceUrl':'https://mail.example.com/EWS/Exchange.asmx','Mailbox':'pam@example.com',"
                + "'Authentication':'Digest','UserName':'svc','Password':'pw'}");
    assertEquals(null, new EwsTransportProvider().settings(unknown));
    assertEquals("$.EmailProviders[0].Authentication", unknown.problems().get(0).path());
  }

  @Test
  void settings_documentWindowsMechanismsWithVaultedAccount_keepTheAccount() {
    for (String mechanism : List.of("Ntlm", "Negotiate", "Kerberos")) {
      EwsConfig c =
          new EwsTransportProvider()
              .settings(
                  Sections.of(
                      "$.EmailProviders[0]",
                      "{'ServiceUrl':'https://mail.example.com/EWS/Exchange.asmx',"
                          + "'Mailbox':'pam@example.com','Authentication':'"
                          + mechanism
                          + "','UserName':'EXAMPLE\\\\svc-pam','AccountReference':{"
                          + "'Kind':'DirectoryAccount','Owner':'example.com','Name':'svc-pam'}}"));
      assertEquals(mechanism.toUpperCase(Locale.ROOT), c.authentication().kind().name());
      assertEquals("svc-pam", c.authentication().account().orElseThrow().name());
    }
  }

  @Test
  void settings_documentOAuth_identityPlatformTokensForExchangeOnline() {
    EwsConfig c =
        new EwsTransportProvider()
            .settings(
                Sections.of(
                    "$.EmailProviders[0]",
                    "{'ServiceUrl':'https://mail.example.com/EWS/Exchange.asmx',"
                        + "'Mailbox':'pam@example.com','OAuthTenant':'contoso.onmicrosoft.com',"
                        + "'OAuthClientId':'11111111-2222-3333-4444-555555555555',"
                        + "'OAuthClientSecret':'s3cret-value'}"));
    assertEquals(EwsAuthentication.Kind.BEARER, c.authentication().kind());
    IdentityPlatformTokenSource tokens =
        (IdentityPlatformTokenSource) c.authentication().tokens().orElseThrow();
    assertEquals("https://outlook.office365.com/.default", tokens.scope());
    assertEquals(
        URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"),
        tokens.tokenEndpoint());
    assertFalse(c.toString().contains("s3cret-value"), c.toString());
  }

  @Test
  void config_plainHttpAndMissingFields_areRefused() {
    assertThrows(
        ValidationException.class,
        () ->
            EwsConfig.builder().endpoint(URI.create("http://mail.example.com/EWS/Exchange.asmx")));
    ValidationException e =
        assertThrows(ValidationException.class, () -> EwsConfig.builder().build());
    List<String> paths = e.violations().stream().map(v -> v.path()).toList();
    assertTrue(
        paths.containsAll(List.of("endpoint", "senderEmail", "authentication")), paths::toString);
    assertThrows(ValidationException.class, () -> EwsConfig.builder().serverVersion("2013"));
    assertThrows(
        IllegalArgumentException.class, () -> EwsAuthentication.basic("user:name", Secret.of("x")));
  }

  @Test
  void escape_specialAndInvalidCharacters_areSafeXml() throws Exception {
    String escaped = EwsTransport.escape("a&b<c>d\"e'f\u0000g\rh\uD800i\uD83D\uDE00");
    assertEquals("a&amp;b&lt;c&gt;d&quot;e&apos;f\uFFFDg&#13;h\uFFFDi\uD83D\uDE00", escaped);
    Document d = EwsTransport.parse(("<x>" + escaped + "</x>").getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "a&b<c>d\"e'f\uFFFDg\rh\uFFFDi\uD83D\uDE00", d.getDocumentElement().getTextContent());
  }

  @Test
  void provider_section_createsWorkingTransport() {
    var s = pasted("");
    try (var t =
        new EwsTransportProvider()
            .create(s, TransportContext.builder().sslContext(server.clientContext()).build())) {
      t.send(notification("ev-11", "admin@example.com"));
      assertEquals(1, server.received().size());
    }
  }

  @Test
  void provider_badSections_namePath() {
    ConfigurationException e =
        refused(
            Sections.of(
                "$.EmailProviders[0]",
                "{'Mailbox':'pam@example.com','UserName':'u','Password':'p'}"));
    assertEquals("$.EmailProviders[0].ServiceUrl", e.violations().get(0).path());
    ConfigurationException p =
        refused(
            Sections.of(
                "$.EmailProviders[0]",
                "{'ServiceUrl':'https://mail.example.com/EWS/Exchange.asmx',"
                    + "'Mailbox':'pam@example.com','UserName':'u'}"));
    assertEquals("$.EmailProviders[0].Password", p.violations().get(0).path());
    var oauth =
        Sections.of(
            "$.EmailProviders[0]",
            "{'ServiceUrl':'https://outlook.office365.com/EWS/Exchange.asmx',"
                + "'Mailbox':'pam@example.com','OAuthTenant':'contoso.onmicrosoft.com'}");
    assertEquals(null, new EwsTransportProvider().settings(oauth));
    assertEquals("$.EmailProviders[0].OAuthTenant", oauth.problems().get(0).path());
    EwsConfig online =
        new EwsTransportProvider()
            .settings(
                Sections.of(
                    "$.EmailProviders[0]",
                    "{'ServiceUrl':'https://outlook.office365.com/EWS/Exchange.asmx',"
                        + "'Mailbox':'pam@example.com','OAuthTenant':'contoso.onmicrosoft.com',"
                        + "'OAuthClientId':'app-123','OAuthClientSecret':'s','AllowExchangeOnline':true}"));
    assertEquals(EwsAuthentication.Kind.BEARER, online.authentication().kind());
    assertTrue(online.exchangeOnline());
  }

  private ConfigSection pasted(String tls) {
    return Sections.of(
        "$.EmailProviders[0]",
        "{'ServiceUrl':'"
            + server.endpoint()
            + "','Mailbox':'pam@example.com','UserName':'"
            + USER.replace("\\", "\\\\")
            + "','Password':'"
            + PASSWORD
            + "'"
            + (tls.isEmpty() ? "" : "," + tls)
            + "}");
  }

  /** Sends one notification with the default configuration and returns how it failed. */
  private DeliveryException defaultFails(String eventId) {
    try (EwsTransport t = transport(config().build())) {
      return failedSend(t, eventId);
    }
  }

  private static ConfigurationException refused(ConfigSection section) {
    return assertThrows(
        ConfigurationException.class,
        () -> new EwsTransportProvider().create(section, TransportContext.defaults()));
  }

  @Test
  void provider_pastedVerifyFalse_stillVerifiedUntilTrustAllIsExplicit() {
    // the fake server's certificate is not in the JDK's trust store; no context trusts it here
    try (var t =
        new EwsTransportProvider()
            .create(pasted("'VerifySslCertificate':false"), TransportContext.defaults())) {
      DeliveryException e = failedSend(t, "ev-v1");
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType(), e.getMessage());
      assertEquals(0, server.received().size());
    }
    try (var t =
        new EwsTransportProvider()
            .create(
                pasted("'VerifySslCertificate':false,'TrustAllCertificatesInsecurely':true"),
                TransportContext.defaults())) {
      t.send(notification("ev-v2", "admin@example.com"));
      assertEquals(1, server.received().size());
    }
  }

  @Test
  void provider_trustAllWithoutVerifyFalse_refusedNamingTheField() {
    ConfigurationException e = refused(pasted("'TrustAllCertificatesInsecurely':true"));
    assertEquals(
        "$.EmailProviders[0].TrustAllCertificatesInsecurely", e.violations().get(0).path());
    assertTrue(e.violations().get(0).message().contains("VerifySslCertificate is false"));
  }

  @Test
  void provider_timeoutFields_readAndRangeChecked() {
    EwsConfig c =
        new EwsTransportProvider()
            .settings(pasted("'ConnectTimeoutSeconds':5,'RequestTimeoutSeconds':120"));
    assertEquals(Duration.ofSeconds(5), c.connectTimeout());
    assertEquals(Duration.ofSeconds(120), c.requestTimeout());
    ConfigSection zero = pasted("'ConnectTimeoutSeconds':0");
    assertNull(new EwsTransportProvider().settings(zero));
    assertEquals("$.EmailProviders[0].ConnectTimeoutSeconds", zero.problems().get(0).path());
  }
}
