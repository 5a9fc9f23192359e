package io.pamkit.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.event.EventCategory;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.net.HostAddress;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogFacility;
import io.pamkit.core.subscription.SyslogFormat;
import io.pamkit.core.subscription.SyslogProtocol;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class PamkitConfigTest {
  static final Path EXAMPLES = Path.of("..", "docs", "examples");

  static List<String> problems(String json) {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> PamkitConfig.parse(json));
    return e.violations().stream().map(Violation::toString).collect(Collectors.toList());
  }

  @Test
  void read_completeExample_allParts() {
    PamkitConfig c = PamkitConfig.read(EXAMPLES.resolve("pamkit.json"));

    EmailClientConfig email = c.emailClientConfig();
    assertEquals("smtp.example.com", email.serverAddress().host());
    assertEquals(587, email.portNumber());
    assertEquals("safeguard@example.com", email.senderEmail().orElseThrow().address());
    assertTrue(email.requireTlsFlag());
    assertTrue(email.requireUserAuthentication());
    assertEquals(
        Optional.of(new AccountReference(
            AccountReference.Kind.DIRECTORY_ACCOUNT, "corp.example.com", "svc-smtp")),
        email.connectionProperties().accountReference());

    assertEquals(
        List.of("primary-relay", "sendgrid-eu", "exchange"),
        c.emailProviders().stream().map(EmailProvider::name).toList());
    assertEquals(c.emailProviders(), c.emailProviderChain());
    SmtpEmailProvider relay = (SmtpEmailProvider) c.emailProviders().get(0);
    assertEquals(HostAddress.Kind.IPV6, relay.smtp().serverAddress().kind());
    assertEquals("2001:db8::25", relay.smtp().serverAddress().host());
    assertTrue(relay.smtp().requireSmtpsFlag());
    SendGridEmailProvider sendGrid = (SendGridEmailProvider) c.emailProviders().get(1);
    assertEquals("SG.replace-me", sendGrid.apiKey().reveal());
    assertEquals("https://api.eu.sendgrid.com", sendGrid.endpoint().toString());
    EwsEmailProvider ews = (EwsEmailProvider) c.emailProviders().get(2);
    assertEquals("https://mail.example.com/EWS/Exchange.asmx", ews.serviceUrl().toString());
    assertTrue(ews.accountReference().isPresent());

    SyslogServer siem = c.syslogServers().get(0);
    assertEquals(1, siem.id());
    assertEquals(6514, siem.port());
    assertTrue(siem.useSslEncryption());

    assertEquals("nms", c.snmpDestinations().get(0).name());
    assertEquals(3, c.snmpDestinations().get(0).properties().version());

    assertEquals(2, c.emailTemplates().size());
    assertEquals(Optional.of("PasswordChangeFailed"), c.emailTemplates().get(0).eventName());

    List<Subscriber> subs = c.eventSubscribers();
    assertEquals(5, subs.size());
    assertEquals(3, subs.get(0).id());
    assertEquals(
        Set.of("UserAuthenticationFailed", "AccessRequestDenied", "PasswordChangeFailed"),
        subs.get(0).subscriptions());
    assertTrue(subs.get(0).applianceShared());
    assertEquals(Optional.of(12), subs.get(1).userId());
    assertFalse(subs.get(1).filter().isEmpty());
    assertEquals(Optional.of("short-alert"), subs.get(1).template());
    var syslog = subs.get(2).syslogProperties().orElseThrow();
    assertEquals(Optional.of(1), syslog.syslogServerId());
    assertEquals(SyslogFacility.Local4, syslog.facility());
    assertEquals(Optional.of(SyslogFormat.JSON), syslog.logFormat());
    assertEquals(SyslogProtocol.Tcp, syslog.protocol());
    assertEquals(
        c.snmpDestinations().get(0).properties(), subs.get(3).snmpProperties().orElseThrow());
    assertTrue(subs.get(4).systemOwned());
    assertFalse(subs.get(4).enabled());

    ServiceState services = c.servicesConfig();
    assertFalse(services.isEnabled(Service.SshKeyDiscoveryEnabled));
    assertFalse(services.isEnabled(Service.ScimProvisioningEnabled));
    assertTrue(services.isEnabled(Service.PasswordChangeEnabled));
    assertTrue(services.isEnabled(Service.AuditLogStreamService));
    assertTrue(services.isApplicationToApplicationEnabled("SPP-1"));
    assertFalse(services.isApplicationToApplicationEnabled("SPP-2"));
    assertTrue(services.isApplicationToApplicationEnabled("SPP-3"), "on unless listed");

    assertEquals(5, c.trustedServers().size());
    assertEquals(631, c.eventCatalog().size());
    assertEquals(EventCategory.AccessRequest, c.eventCatalog().require("BadgeScanned").category());
    assertEquals(
        EventLevel.Warn, c.eventCatalog().require("PasswordCheckFailed").defaultLevel());
  }

  @Test
  void ewsProvider_oauthClient_readWrittenAndPartialSettingsRefused() {
    PamkitConfig c = PamkitConfig.parse("""
        {"EmailProviders": [{"Type": "Ews", "Name": "m365", "Priority": 1,
          "ServiceUrl": "https://outlook.office365.com/EWS/Exchange.asmx",
          "Mailbox": "vault@example.com", "OAuthTenant": "example.onmicrosoft.com",
          "OAuthClientId": "0f1e2d3c", "OAuthClientSecret": "s3cr3t-value"}]}
        """);
    EwsEmailProvider p = (EwsEmailProvider) c.emailProviders().get(0);
    EwsEmailProvider.OAuthClient a = p.oauth().orElseThrow();
    assertEquals("example.onmicrosoft.com", a.tenant());
    assertEquals("0f1e2d3c", a.clientId());
    assertEquals("s3cr3t-value", a.clientSecret().reveal());
    assertFalse(p.toString().contains("s3cr3t"), p.toString());
    assertFalse(c.toJson().contains("s3cr3t"), c.toJson());
    assertTrue(c.toJson().contains("\"OAuthClientId\""), c.toJson());

    ConfigurationException partial = assertThrows(ConfigurationException.class,
        () -> PamkitConfig.parse("""
            {"EmailProviders": [{"Type": "Ews", "Name": "m365",
              "ServiceUrl": "https://outlook.office365.com/EWS/Exchange.asmx",
              "Mailbox": "vault@example.com", "OAuthClientId": "0f1e2d3c"}]}
            """));
    assertTrue(partial.getMessage().contains("give all three"), partial.getMessage());
  }

  @Test
  void trustedServers_entriesAreRulesAndBadEntriesNamedByPath() throws Exception {
    PamkitConfig c = PamkitConfig.read(EXAMPLES.resolve("pamkit.json"));
    assertTrue(c.trustedServerRules().isRedirectAllowed("https://app.example.com/login"));
    assertFalse(c.trustedServerRules().isRedirectAllowed("https://app.example.com@evil.test/"));
    assertTrue(c.trustedServerRules().isCorsOriginAllowed("https://10.1.2.3"));

    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> PamkitConfig.parse("{\"TrustedServers\": [\"10.0.0.1/8\", \"*.com\"]}"));
    assertEquals(2, e.violations().size(), e.getMessage());
    assertEquals("$.TrustedServers[0]", e.violations().get(0).path());
    assertTrue(e.violations().get(0).message().contains("10.0.0.1/8"), e.getMessage());
    assertEquals("$.TrustedServers[1]", e.violations().get(1).path());
  }

  @Test
  void read_minimalExample_defaultsApply() {
    PamkitConfig c = PamkitConfig.read(EXAMPLES.resolve("minimal.json"));
    EmailClientConfig email = c.emailClientConfig();
    assertEquals(25, email.portNumber());
    assertTrue(email.requireTlsFlag());
    assertFalse(email.requireSmtpsFlag());
    assertTrue(email.verifySslCertificate());
    assertFalse(email.requireUserAuthentication());
    assertEquals(List.of("EmailClientConfig"),
        c.emailProviderChain().stream().map(EmailProvider::name).toList());
    assertEquals(ServiceState.defaults(), c.servicesConfig());
    assertEquals(630, c.eventCatalog().size());
  }

  @Test
  void read_documentWithFiveProblems_reportsAllFiveByPath() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> PamkitConfig.read(EXAMPLES.resolve("invalid-five-problems.json")));
    List<String> got = e.violations().stream().map(Violation::toString).toList();
    assertEquals(5, got.size(), String.join("\n", got));
    assertEquals(
        List.of(
            "$.EmailClientConfig.ServerAddress: 'b86f:b86f:b86f:1:b86f:b86f:b86f:b86f' is an IPv6"
                + " address; IPv6 addresses must be enclosed in square brackets, e.g."
                + " [b86f:b86f:b86f:1:b86f:b86f:b86f:b86f]",
            "$.EmailClientConfig.PortNumber: 70000 is outside 1..65535",
            "$.EmailClientConfig.RequireTlsFlag: expected true or false, got the string \"yes\"",
            "$.SyslogServers[0].Protocl: unknown field of SyslogServer; known fields are Name,"
                + " NetworkAddress, Id, Port, Protocol, UseSslEncryption, UseClientCertificate,"
                + " VerifySslCertificate, TcpFraming, CreatedDate, CreatedByUserId,"
                + " CreatedByUserDisplayName",
            "$.EventSubscribers[0].Subscriptions[1]: 'PasswordChangeFialed' is not an event name"
                + " the catalog knows"),
        got);
    assertTrue(e.getMessage().startsWith("5 problems:\n"), e.getMessage());
    assertTrue(e instanceof ValidationException);
  }

  @Test
  void parse_portOutsideRange_messageAsDocumented() {
    assertEquals(
        List.of("$.EmailClientConfig.PortNumber: 70000 is outside 1..65535"),
        problems("{\"EmailClientConfig\": {\"PortNumber\": 70000}}"));
  }

  @Test
  void parse_notJsonOrNotAnObject_reported() {
    assertTrue(problems("{\"EmailClientConfig\": ").get(0).startsWith("$: is not valid JSON"));
    assertEquals(List.of("$: expected an object (the configuration document), got an array"),
        problems("[]"));
    assertTrue(problems("{\"A\": 1, \"A\": 2}").get(0).contains("Duplicate field 'A'"));
    assertEquals(List.of("$: the document is empty"), problems(""));
  }

  @Test
  void parse_unknownTopLevelField_reported() {
    List<String> p = problems("{\"EmailClientConfg\": {}}");
    assertEquals(1, p.size());
    assertTrue(p.get(0).startsWith("$.EmailClientConfg: unknown field"), p.get(0));
  }

  @Test
  void parse_wrongTypes_reportedWithoutSecretValues() {
    List<String> p =
        problems(
            "{\"EmailClientConfig\": {\"ServerAddress\": 5, \"PortNumber\": \"25\","
                + " \"ConnectionProperties\": {\"ServiceAccountPassword\": 12345678}},"
                + " \"TrustedServers\": \"10.0.0.0/8\", \"EmailProviders\": {}}");
    assertEquals(
        List.of(
            "$.EmailClientConfig.ServerAddress: expected a string, got the number 5",
            "$.EmailClientConfig.PortNumber: expected an integer, got the string \"25\"",
            "$.EmailClientConfig.ConnectionProperties.ServiceAccountPassword: expected a string,"
                + " got a number",
            "$.EmailProviders: expected an array, got an object",
            "$.TrustedServers: expected an array, got the string \"10.0.0.0/8\""),
        p);
  }

  @Test
  void parse_crossFieldRules_reportedAtTheirFields() {
    List<String> p =
        problems(
            "{\"EmailClientConfig\": {\"ServerAddress\": \"[192.0.2.1]\","
                + " \"RequireUserAuthentication\": true, \"RequireTlsFlag\": false,"
                + " \"UseClientCertificate\": true}}");
    assertEquals(
        List.of(
            "$.EmailClientConfig.SenderEmail: is required when ServerAddress is set",
            "$.EmailClientConfig.ConnectionProperties: RequireUserAuthentication is true but no"
                + " credential is given: set ServiceAccountName with ServiceAccountPassword, or"
                + " AccountReference (the appliance never returns the password)",
            "$.EmailClientConfig.UseClientCertificate: needs RequireTlsFlag or RequireSmtpsFlag"),
        p);
  }

  @Test
  void parse_emailRules_senderLengthAndLineBreaks() {
    String longSender = "\"" + "n".repeat(520) + "\" <a@example.com>";
    List<String> p =
        problems("{\"EmailClientConfig\": {\"SenderEmail\": \"" + longSender.replace("\"", "\\\"")
            + "\"}, \"EmailTemplates\": [{\"EventName\": \"Test\", \"SubjectTemplate\":"
            + " \"a\\r\\nBcc: x@y.z\", \"BodyTemplate\": \"b\", \"ReplyToEmail\": \"x\\n@y\"}]}");
    assertEquals(3, p.size(), String.join("\n", p));
    assertTrue(p.get(0).startsWith("$.EmailClientConfig.SenderEmail: is 538 characters long;"
        + " at most 512"), p.get(0));
    assertTrue(p.get(1).startsWith("$.EmailTemplates[0].SubjectTemplate: contains"), p.get(1));
    assertTrue(p.get(2).startsWith("$.EmailTemplates[0].ReplyToEmail: contains LF"), p.get(2));
  }

  @Test
  void parse_templateLimits_subject1024_body14500() {
    String ok = "{\"EmailTemplates\": [{\"EventName\": \"Test\", \"SubjectTemplate\": \""
        + "s".repeat(1024) + "\", \"BodyTemplate\": \"" + "b".repeat(14500) + "\"}]}";
    assertEquals(1, PamkitConfig.parse(ok).emailTemplates().size());
    List<String> p = problems("{\"EmailTemplates\": [{\"EventName\": \"Test\", \"SubjectTemplate\":"
        + " \"" + "s".repeat(1025) + "\", \"BodyTemplate\": \"" + "b".repeat(14501) + "\"},"
        + " {\"SubjectTemplate\": \"\", \"BodyTemplate\": \"x\"}]}");
    assertEquals(
        List.of(
            "$.EmailTemplates[0].SubjectTemplate: is 1025 characters long; at most 1024 are"
                + " allowed",
            "$.EmailTemplates[1].SubjectTemplate: is empty; at least 1 character is required"),
        p);
    List<String> body = problems("{\"EmailTemplates\": [{\"Name\": \"n\", \"SubjectTemplate\":"
        + " \"s\", \"BodyTemplate\": \"" + "b".repeat(14501) + "\"}]}");
    assertEquals(
        List.of("$.EmailTemplates[0].BodyTemplate: is 14501 characters long; at most 14500 are"
            + " allowed"),
        body);
  }

  @Test
  void parse_subscriberReferences_checked() {
    List<String> p =
        problems(
            "{\"EventSubscribers\": [{\"Type\": \"Syslog\", \"SyslogProperties\":"
                + " {\"SyslogServerId\": 9}}, {\"Type\": \"Email\", \"EmailAddress\":"
                + " \"a@example.com\", \"Template\": \"nope\"}, {\"Type\": \"Snmp\","
                + " \"SnmpProperties\": {\"SnmpDestinationName\": \"nms\"}},"
                + " {\"Type\": \"Email\"}, {\"Type\": \"bad type\"}]}");
    assertEquals(
        List.of(
            "$.EventSubscribers[0].SyslogProperties.SyslogServerId: 9 is not the Id of a server"
                + " in SyslogServers",
            "$.EventSubscribers[1].Template: 'nope' is not the Name of a template in"
                + " EmailTemplates",
            "$.EventSubscribers[2].SnmpProperties.SnmpDestinationName: 'nms' is not the Name of"
                + " a destination in SnmpDestinations",
            "$.EventSubscribers[4].Type: 'bad type' is not a channel id (printable ASCII, no"
                + " spaces)"),
        p);
    assertEquals(
        List.of("$.EventSubscribers[0].EmailAddress: an Email subscriber needs an EmailAddress or"
            + " a UserId"),
        problems("{\"EventSubscribers\": [{\"Type\": \"Email\"}]}"));
  }

  @Test
  void parse_duplicates_reported() {
    List<String> p =
        problems(
            "{\"SyslogServers\": [{\"Id\": 1, \"Name\": \"a\", \"NetworkAddress\": \"h1\"},"
                + " {\"Id\": 1, \"Name\": \"a\", \"NetworkAddress\": \"h2\"}],"
                + " \"EventSubscribers\": [{\"Id\": 4, \"Type\": \"Webhook\"},"
                + " {\"Id\": 4, \"Type\": \"Webhook\"}]}");
    assertEquals(
        List.of(
            "$.SyslogServers[1].Id: 1 is used by another server",
            "$.SyslogServers[1].Name: 'a' is used by another server",
            "$.EventSubscribers[1].Id: 4 is used by another subscriber"),
        p);
  }

  @Test
  void parse_providers_rules() {
    List<String> p =
        problems(
            "{\"EmailProviders\": [{\"Type\": \"Smtp\", \"Priority\": -1, \"SenderEmail\":"
                + " \"a@example.com\"}, {\"Type\": \"SendGrid\", \"SenderEmail\":"
                + " \"a@example.com\", \"Endpoint\": \"http://api.sendgrid.com\"},"
                + " {\"Type\": \"Ews\", \"ServiceUrl\": \"https://x.example.com/EWS\","
                + " \"Mailbox\": \"m@example.com\"}, {\"Type\": \"Fax\"}, {\"Name\": \"x\"}]}");
    assertEquals(
        List.of(
            "$.EmailProviders[0].Priority: -1 is outside 0..2147483647",
            "$.EmailProviders[1].Endpoint: 'http://api.sendgrid.com' is not an absolute https"
                + " URL; plain http is not allowed",
            "$.EmailProviders[2].Password: give exactly one of Password, AccountReference and the OAuth settings (OAuthTenant, OAuthClientId, OAuthClientSecret)",
            "$.EmailProviders[3].Type: 'Fax' is not one of Smtp, SendGrid, Ews",
            "$.EmailProviders[4].Type: is required: Smtp, SendGrid or Ews"),
        p);
    assertEquals(
        List.of("$.EmailProviders[0].ApiKey: is required"),
        problems("{\"EmailProviders\": [{\"Type\": \"SendGrid\", \"SenderEmail\":"
            + " \"a@example.com\"}]}"));
  }

  @Test
  void parse_servicesConfig_rules() {
    List<String> p =
        problems(
            "{\"ServicesConfig\": {\"PasswordChangeEnabled\": 1, \"Bogus\": true,"
                + " \"AuditLogStreamService\": {\"Enabled\": true, \"X\": 1},"
                + " \"ApplicationToApplicationEnabled\": {\"SPP-1\": \"on\"}}}");
    assertEquals(4, p.size(), String.join("\n", p));
    assertTrue(p.contains(
        "$.ServicesConfig.PasswordChangeEnabled: expected true or false, got the number 1"));
    assertTrue(p.contains(
        "$.ServicesConfig['ApplicationToApplicationEnabled']['SPP-1']: expected true or false,"
            + " got the string \"on\"")
        || p.contains("$.ServicesConfig.ApplicationToApplicationEnabled['SPP-1']: expected true"
            + " or false, got the string \"on\""), String.join("\n", p));
  }

  @Test
  void parse_catalogExtensions_rules() {
    List<String> p =
        problems("{\"EventCatalogExtensions\": [{\"Name\": \"bad name\", \"Category\":"
            + " \"AccessRequest\"}, {\"Name\": \"X\", \"Category\": \"Nope\"}, {\"Name\": \"Y\"}]}");
    assertEquals(
        List.of(
            "$.EventCatalogExtensions[0]: event name 'bad name' must be letters, digits and"
                + " underscores",
            "$.EventCatalogExtensions[1].Category: 'Nope' is not one of Unknown,"
                + " ApplianceHistory, AccessRequest, UserAuthentication, ObjectHistory,"
                + " PasswordManagement, BackupRestore, Patching, Maintenance, License,"
                + " AssetDiscovery, Clustering, FileReplication, DirectorySync, ServiceDiscovery,"
                + " AccountDiscovery, SshKeyDiscovery, Archive",
            "$.EventCatalogExtensions[2].Category: is required"),
        p);
  }

  @Test
  void parse_apiReadOnlyFieldsAndNulls_accepted() {
    PamkitConfig c =
        PamkitConfig.parse(
            "{\"$schema\": \"x\", \"EventSubscribers\": [{\"Id\": 7, \"Type\": \"Syslog\","
                + " \"Description\": null, \"UserId\": null, \"EmailAddress\": null,"
                + " \"UserDisplayName\": null, \"CreatedDate\": \"2026-01-01T00:00:00Z\","
                + " \"SyslogProperties\": {\"NetworkAddress\": \"10.0.0.5\", \"Port\": null,"
                + " \"TimeZoneId\": \"UTC\", \"TimeZoneDisplayName\": \"(UTC) Coordinated"
                + " Universal Time\"}, \"SnmpProperties\": null, \"Subscriptions\": null}]}");
    assertEquals(514, c.eventSubscribers().get(0).syslogProperties().orElseThrow().port());
  }

  @Test
  void toJson_omitsOrMasksSecrets_andRoundTrips() {
    PamkitConfig c = PamkitConfig.read(EXAMPLES.resolve("pamkit.json"));
    String omitted = c.toJson();
    String masked = c.toJson(SecretOutput.MASK);
    for (String secret : List.of("SG.replace-me", "auth-pass-replace-me", "priv-pass-replace-me")) {
      assertFalse(omitted.contains(secret));
      assertFalse(masked.contains(secret));
      assertFalse(c.toString().contains(secret));
    }
    assertFalse(omitted.contains("\"ApiKey\""));
    assertTrue(masked.contains("\"ApiKey\" : \"******\""), masked);
    // a masked document is not usable as is (the secrets are gone); with secrets put back in,
    // what was written reads back to the same configuration
    PamkitConfig again = PamkitConfig.parse(masked.replace("******", "restored-secret"));
    assertEquals(masked, again.toJson(SecretOutput.MASK));
    assertEquals(omitted, again.toJson());
    assertEquals(c.eventSubscribers().size(), again.eventSubscribers().size());
    assertEquals(c.emailClientConfig(), again.emailClientConfig());
    assertEquals(c.servicesConfig(), again.servicesConfig());

    PamkitConfig noSecrets = PamkitConfig.read(EXAMPLES.resolve("minimal.json"));
    assertEquals(noSecrets, PamkitConfig.parse(noSecrets.toJson()));
  }

  @Test
  void builder_programmaticConfig_checkedLikeTheDocument() {
    PamkitConfig c =
        PamkitConfig.builder()
            .emailClientConfig(
                EmailClientConfig.builder()
                    .serverAddress("smtp.example.com")
                    .senderEmail("a@example.com")
                    .build())
            .eventSubscribers(List.of(Subscriber.builder(Subscriber.EMAIL)
                .emailAddress("b@example.com").subscribe("Test").build()))
            .trustedServers(List.of("10.0.0.0/8"))
            .build();
    assertEquals(c, c.toBuilder().build());
    assertEquals(c, PamkitConfig.parse(c.toJson()));
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> c.toBuilder()
                .eventSubscribers(List.of(Subscriber.builder(Subscriber.EMAIL)
                    .emailAddress("b@example.com").subscribe("Nope").build()))
                .build());
    assertEquals("$.EventSubscribers[0].Subscriptions[0]", e.violations().get(0).path());
    assertThrows(ValidationException.class,
        () -> PamkitConfig.builder().trustedServers(List.of("has space")));
    assertThrows(ValidationException.class,
        () -> EmailClientConfig.builder().serverAddress("::1"));
    assertEquals(PamkitConfig.defaults(), PamkitConfig.parse("{}"));
  }
}
