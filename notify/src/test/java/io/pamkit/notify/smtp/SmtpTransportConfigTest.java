// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.Sections;
import java.time.Duration;
import java.util.List;
import javax.naming.NamingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SmtpTransportConfigTest {

  @Test
  void defaults_matchTheAppliance() {
    SmtpTransportConfig c = SmtpTransportConfig.builder().build();
    assertFalse(c.enabled());
    assertEquals(25, c.port());
    assertTrue(c.requireTls());
    assertFalse(c.requireSmtps());
    assertTrue(c.verifySslCertificate());
    assertFalse(c.useClientCertificate());
    assertEquals(SmtpAuthentication.none(), c.authentication());
    assertEquals(Duration.ofSeconds(30), c.connectTimeout());
    assertEquals(Duration.ofSeconds(60), c.readTimeout());
    assertEquals(Duration.ofSeconds(60), c.writeTimeout());
    assertEquals("Email", c.channel());
  }

  @ParameterizedTest
  @CsvSource({
    "[192.0.2.25], 192.0.2.25",
    "192.0.2.25, 192.0.2.25",
    "[b86f:b86f:b86f:1:b86f:b86f:b86f:b86f], b86f:b86f:b86f:1:b86f:b86f:b86f:b86f",
    "[::1], 0:0:0:0:0:0:0:1",
    "mail.example.com, mail.example.com",
    "mail.example.com., mail.example.com"
  })
  void serverAddress_acceptedForms_hostForSockets(String written, String host) {
    SmtpTransportConfig c =
        SmtpTransportConfig.builder().serverAddress(written).senderEmail("a@example.com").build();
    assertTrue(c.enabled());
    assertEquals(host, c.host().orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "b86f::1",
        "[192.0.2.256]",
        "[mail.example.com]",
        "mail_x.example",
        "-bad.example",
        "[::1",
        "mail..example",
        "host name"
      })
  void serverAddress_invalid_namesTheField(String written) {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                SmtpTransportConfig.builder()
                    .serverAddress(written)
                    .senderEmail("a@example.com")
                    .build());
    assertEquals("ServerAddress", e.violations().get(0).path(), e.getMessage());
  }

  @Test
  void serverAddress_bareIpv6_messageExplainsBrackets() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                SmtpTransportConfig.builder()
                    .serverAddress("2001:db8::25")
                    .senderEmail("a@example.com")
                    .build());
    assertTrue(e.getMessage().contains("must be enclosed in square brackets"), e.getMessage());
  }

  @Test
  void build_serverWithoutSender_andOtherRules() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> SmtpTransportConfig.builder().serverAddress("mail.example.com").build());
    assertEquals("SenderEmail: is required when ServerAddress is set", e.getMessage());
    assertTrue(
        assertThrows(
                ValidationException.class,
                () -> SmtpTransportConfig.builder().senderEmail("a".repeat(510) + "@x.y").build())
            .getMessage()
            .contains("maximum of 512"));
    assertThrows(ValidationException.class, () -> SmtpTransportConfig.builder().port(0));
    assertThrows(ValidationException.class, () -> SmtpTransportConfig.builder().port(65536));
    SmtpTransportConfig.builder().port(1).port(65535);
    assertThrows(
        ValidationException.class, () -> SmtpTransportConfig.builder().readTimeout(Duration.ZERO));
    assertTrue(
        assertThrows(
                ValidationException.class,
                () ->
                    SmtpTransportConfig.builder()
                        .serverAddress("mail.example.com")
                        .senderEmail("a@example.com")
                        .authentication(
                            SmtpAuthentication.account(
                                new AccountReference(
                                    AccountReference.Kind.ASSET_ACCOUNT, "mx1", "svc")))
                        .build())
            .getMessage()
            .contains("needs a CredentialResolver"));
    assertTrue(
        assertThrows(
                ValidationException.class,
                () ->
                    SmtpTransportConfig.builder()
                        .serverAddress("[192.0.2.1]")
                        .mxLookup(true)
                        .senderEmail("a@example.com")
                        .build())
            .getMessage()
            .contains("MX lookup"));
  }

  @Test
  void toString_andToBuilder_noSecret() {
    SmtpTransportConfig c =
        SmtpTransportConfig.builder()
            .serverAddress("mail.example.com")
            .senderEmail("a@example.com")
            .authentication(SmtpAuthentication.password("svc", Secret.of("pa55word")))
            .build();
    assertFalse(c.toString().contains("pa55word"), c.toString());
    assertEquals(c.toString(), c.toBuilder().build().toString());
    assertEquals(c.authentication(), c.toBuilder().build().authentication());
  }

  @Test
  void provider_applianceFieldNames_mapped() {
    SmtpTransportConfig c =
        new SmtpTransportProvider()
            .settings(
                Sections.of(
                    "$.EmailClientConfig",
                    "{'ServerAddress':'[b86f::25]','PortNumber':465,"
                        + "'RequireSmtpsFlag':true,'VerifySslCertificate':false,"
                        + "'SenderEmail':'spp@example.com','RequireUserAuthentication':true,"
                        + "'ConnectionProperties':{'ServiceAccountName':'svc-mail',"
                        + "'ServiceAccountPassword':'x'},'UpdatedDate':'2024-01-01T00:00:00Z'}"));
    assertEquals("b86f:0:0:0:0:0:0:25", c.host().orElseThrow());
    assertEquals(465, c.port());
    assertTrue(c.requireSmtps());
    assertFalse(c.verifySslCertificate());
    assertFalse(c.trustsAllCertificates()); // VerifySslCertificate false alone keeps verifying
    assertEquals(SmtpAuthentication.Kind.PASSWORD, c.authentication().kind());
    assertEquals(Duration.ofSeconds(60), c.readTimeout());

    var noSender =
        Sections.of(
            "$.EmailClientConfig", "{'ServerAddress':'mail.example.com'," + "'PortNumber':70000}");
    assertEquals(null, new SmtpTransportProvider().settings(noSender));
    assertEquals(
        List.of("$.EmailClientConfig.PortNumber"),
        noSender.problems().stream().map(v -> v.path()).toList());
    var missing = Sections.of("$.EmailClientConfig", "{'ServerAddress':'mail.example.com'}");
    assertEquals(null, new SmtpTransportProvider().settings(missing));
    assertEquals("$.EmailClientConfig.SenderEmail", missing.problems().get(0).path());
  }

  @Test
  void mxParse_sortedByPreference_nullMxRefused() throws Exception {
    List<MxLookup.Exchange> ex =
        MxLookup.parse(
            "example.com",
            List.of("20 mx2.example.com.", "10 MX1.example.com.", "10 mx0.example.com"));
    assertEquals(
        List.of("mx0.example.com", "mx1.example.com", "mx2.example.com"),
        ex.stream().map(MxLookup.Exchange::host).toList());
    assertThrows(NamingException.class, () -> MxLookup.parse("example.com", List.of("0 .")));
    assertThrows(NamingException.class, () -> MxLookup.parse("example.com", List.of("x y z")));
  }

  @Test
  void document_plainTextOnlyWithoutRequireTlsFlag_acceptedAsPlainOnly() {
    SmtpTransportConfig c = withSender("'PlainTextOnly':true");
    assertTrue(c.plainTextOnly());
    assertFalse(c.requireTls());
    assertFalse(c.usesTls());
  }

  @Test
  void document_requireTlsFlagFalse_isOpportunisticTls() {
    SmtpTransportConfig c = withSender("'RequireTlsFlag':false");
    assertFalse(c.requireTls());
    assertFalse(c.plainTextOnly());
    assertTrue(c.usesTls());
  }

  @Test
  void document_plainTextOnlyWithRequireTlsFlag_problemAtThePath() {
    var section =
        Sections.of(
            "$.EmailClientConfig",
            "{'ServerAddress':'mail.example.com',"
                + "'SenderEmail':'a@example.com','PlainTextOnly':true,'RequireTlsFlag':true}");
    new SmtpTransportProvider().settings(section);
    assertEquals("$.EmailClientConfig.PlainTextOnly", section.problems().get(0).path());
  }

  @Test
  void provider_trustAllNeedsVerifyFalse_bothTogetherTrustAll() {
    SmtpTransportConfig c =
        new SmtpTransportProvider()
            .settings(
                Sections.of(
                    "$.EmailClientConfig",
                    "{'ServerAddress':'mail.example.com','SenderEmail':'spp@example.com',"
                        + "'VerifySslCertificate':false,'TrustAllCertificatesInsecurely':true}"));
    assertTrue(c.trustsAllCertificates());

    var alone =
        Sections.of(
            "$.EmailClientConfig",
            "{'ServerAddress':'mail.example.com','SenderEmail':'spp@example.com',"
                + "'TrustAllCertificatesInsecurely':true}");
    assertEquals(null, new SmtpTransportProvider().settings(alone));
    assertEquals(
        "$.EmailClientConfig.TrustAllCertificatesInsecurely", alone.problems().get(0).path());
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                SmtpTransportConfig.builder()
                    .trustAllCertificatesInsecurely(true)
                    .verifySslCertificate(true)
                    .build());
    assertEquals("TrustAllCertificatesInsecurely", e.violations().get(0).path());
  }

  /** The settings read from a document with a server, a@example.com as sender and {@code more}. */
  private static SmtpTransportConfig withSender(String more) {
    return requireNonNull(
        new SmtpTransportProvider()
            .settings(
                Sections.of(
                    "$.EmailClientConfig",
                    "{'ServerAddress':'mail.example.com','SenderEmail':'a@example.com',"
                        + more
                        + "}")),
        "settings");
  }
}
