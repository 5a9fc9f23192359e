package io.pamkit.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.SyslogProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration parts used from code: defaults, builders and secrecy. */
final class ConfigPartsTest {
  private static final AccountReference REF =
      new AccountReference(AccountReference.Kind.ASSET_ACCOUNT, "exch01", "mailer");

  @Test
  void emailClientConfig_defaultsAreTheSchemas() {
    EmailClientConfig d = EmailClientConfig.defaults();
    assertFalse(d.enabled());
    assertEquals("", d.serverAddress().text());
    assertEquals(25, d.portNumber());
    assertTrue(d.requireTlsFlag());
    assertFalse(d.requireSmtpsFlag());
    assertTrue(d.verifySslCertificate());
    assertFalse(d.requireUserAuthentication());
    assertFalse(d.useClientCertificate());
    assertEquals(ConnectionProperties.none(), d.connectionProperties());
  }

  @Test
  void emailClientConfig_toBuilder_roundTrips_andHidesPassword() {
    EmailClientConfig c =
        EmailClientConfig.builder()
            .serverAddress("[2001:db8::1]")
            .portNumber(465)
            .requireSmtpsFlag(true)
            .senderEmail("Alerts <alerts@example.com>")
            .requireUserAuthentication(true)
            .connectionProperties(
                ConnectionProperties.builder()
                    .serviceAccountName("svc")
                    .serviceAccountPassword(Secret.of("pa55word!"))
                    .build())
            .build();
    assertEquals(c, c.toBuilder().build());
    assertFalse(c.toString().contains("pa55word!"), c.toString());
    assertThrows(ValidationException.class, () -> c.toBuilder().portNumber(0));
  }

  @Test
  void connectionProperties_passwordAndReference_exclusive() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> ConnectionProperties.builder()
                .serviceAccountPassword(Secret.of("x"))
                .accountReference(REF)
                .build());
    assertEquals("AccountReference", e.violations().get(0).path());
    assertTrue(ConnectionProperties.builder().accountReference(REF).build().hasCredential());
    assertFalse(ConnectionProperties.builder().serviceAccountName("n").build().hasCredential());
  }

  @Test
  void providers_neverPrintSecrets_andCheckTheirRules() {
    SendGridEmailProvider sg =
        SendGridEmailProvider.builder()
            .apiKey(Secret.of("SG.top-secret"))
            .senderEmail("a@example.com")
            .build();
    assertEquals("https://api.sendgrid.com", sg.endpoint().toString());
    assertFalse(sg.toString().contains("top-secret"));
    assertEquals(sg, sg.toBuilder().build());
    EwsEmailProvider ews =
        EwsEmailProvider.builder()
            .serviceUrl("https://outlook.office365.com/EWS/Exchange.asmx")
            .mailbox("m@example.com")
            .password(Secret.of("ews-secret"))
            .build();
    assertEquals("m@example.com", ews.userName());
    assertFalse(ews.toString().contains("ews-secret"));
    assertEquals(ews, ews.toBuilder().build());
    assertThrows(ValidationException.class,
        () -> EwsEmailProvider.builder().serviceUrl("https://user:pw@x.example.com/EWS"));
    assertThrows(ValidationException.class,
        () -> SmtpEmailProvider.of("s", 0, EmailClientConfig.defaults()));
  }

  @Test
  void syslogServer_rules() {
    SyslogServer s = SyslogServer.builder("siem", "siem.example.com").protocol(SyslogProtocol.Tcp)
        .useSslEncryption(true).build();
    assertEquals(514, s.port());
    assertTrue(s.verifySslCertificate());
    assertEquals(s, s.toBuilder().build());
    ValidationException e =
        assertThrows(ValidationException.class,
            () -> SyslogServer.builder("siem", "h").useSslEncryption(true)
                .useClientCertificate(false).build());
    assertEquals("UseSslEncryption", e.violations().get(0).path());
    assertThrows(ValidationException.class, () -> SyslogServer.builder("siem", "::1"));
    assertThrows(ValidationException.class, () -> SyslogServer.builder("siem", "h").port(32768));
  }

  @Test
  void servicesConfig_defaultsAndToggles() {
    ServicesConfig d = ServicesConfig.defaults();
    for (ServicesConfig.Toggle t : ServicesConfig.Toggle.values()) {
      assertTrue(d.enabled(t), t.name());
    }
    assertEquals(19, d.toggles().size());
    assertFalse(d.auditLogStreamServiceEnabled());
    assertFalse(d.applicationToApplicationEnabled("SPP-1"));
    ServicesConfig c = d.toBuilder()
        .set(ServicesConfig.Toggle.SessionRequestsEnabled, false)
        .auditLogStreamServiceEnabled(true)
        .applicationToApplication("SPP-1", true)
        .build();
    assertFalse(c.enabled(ServicesConfig.Toggle.SessionRequestsEnabled));
    assertTrue(c.applicationToApplicationEnabled("SPP-1"));
    assertEquals(c, c.toBuilder().build());
  }

  @Test
  void emailTemplate_rules() {
    EmailTemplate t = EmailTemplate.builder("Subject {{A}}", "Line 1\nLine 2\tend")
        .eventName("Test").build();
    assertEquals(t, t.toBuilder().build());
    assertThrows(ValidationException.class, () -> EmailTemplate.builder("s", "b").build());
    assertThrows(ValidationException.class, () -> EmailTemplate.builder("a\nb", "b"));
    assertThrows(ValidationException.class, () -> EmailTemplate.builder("s", "bad\u0000"));
  }

  @Test
  void pamkitConfig_providerChainIsSortedByPriority() {
    EmailClientConfig smtp = EmailClientConfig.builder().serverAddress("h")
        .senderEmail("a@example.com").build();
    PamkitConfig c = PamkitConfig.builder()
        .emailProviders(List.of(
            SmtpEmailProvider.of("b", 5, smtp),
            SmtpEmailProvider.of("a", 1, smtp),
            SmtpEmailProvider.of("c", 5, smtp)))
        .build();
    assertEquals(List.of("a", "b", "c"),
        c.emailProviderChain().stream().map(EmailProvider::name).toList());
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> c.toBuilder().emailProviders(List.of(SmtpEmailProvider.of("a", 0, smtp),
            SmtpEmailProvider.of("a", 1, smtp))).build());
    assertEquals("$.EmailProviders[1].Name", e.violations().get(0).path());
  }
}
