// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.event.EventCategory;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
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

    ConfigSection email = c.section("EmailClientConfig").orElseThrow();
    assertEquals("smtp.example.com", email.string("ServerAddress"));
    assertEquals(587, email.integer("PortNumber"));
    assertEquals(
        List.of("primary-relay", "sendgrid-eu", "exchange"),
        c.emailProviderSections().stream().map(s -> s.string("Name")).toList());
    assertEquals(
        List.of("EmailClientConfig", "EmailProviders", "SyslogServers"),
        List.copyOf(c.sections().keySet()));
    assertEquals(6514, c.sections().get("SyslogServers").get(0).get("Port").intValue());

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
    assertEquals(SyslogFacility.LOCAL4, syslog.facility());
    assertEquals(Optional.of(SyslogFormat.JSON), syslog.logFormat());
    assertEquals(SyslogProtocol.TCP, syslog.protocol());
    assertEquals(
        c.snmpDestinations().get(0).properties(), subs.get(3).snmpProperties().orElseThrow());
    assertTrue(subs.get(4).systemOwned());
    assertFalse(subs.get(4).enabled());

    ServiceState services = c.servicesConfig();
    assertFalse(services.isEnabled(Service.SSH_KEY_DISCOVERY_ENABLED));
    assertFalse(services.isEnabled(Service.SCIM_PROVISIONING_ENABLED));
    assertTrue(services.isEnabled(Service.PASSWORD_CHANGE_ENABLED));
    assertTrue(services.isEnabled(Service.AUDIT_LOG_STREAM_SERVICE));
    assertTrue(services.isApplicationToApplicationEnabled("SPP-1"));
    assertFalse(services.isApplicationToApplicationEnabled("SPP-2"));
    assertTrue(services.isApplicationToApplicationEnabled("SPP-3"), "on unless listed");

    assertEquals(5, c.trustedServers().size());
    assertEquals(631, c.eventCatalog().size());
    assertEquals(EventCategory.ACCESS_REQUEST, c.eventCatalog().require("BadgeScanned").category());
    assertEquals(EventLevel.WARN, c.eventCatalog().require("PasswordCheckFailed").defaultLevel());
  }

  @Test
  void trustedServers_entriesAreRulesAndBadEntriesNamedByPath() throws Exception {
    PamkitConfig c = PamkitConfig.read(EXAMPLES.resolve("pamkit.json"));
    assertTrue(c.trustedServerRules().isRedirectAllowed("https://app.example.com/login"));
    assertFalse(c.trustedServerRules().isRedirectAllowed("https://app.example.com@evil.test/"));
    assertTrue(c.trustedServerRules().isCorsOriginAllowed("https://10.1.2.3"));

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> PamkitConfig.parse("{\"TrustedServers\": [\"10.0.0.1/8\", \"*.com\"]}"));
    assertEquals(2, e.violations().size(), e.getMessage());
    assertEquals("$.TrustedServers[0]", e.violations().get(0).path());
    assertTrue(e.violations().get(0).message().contains("10.0.0.1/8"), e.getMessage());
    assertEquals("$.TrustedServers[1]", e.violations().get(1).path());
  }

  @Test
  void read_minimalExample_defaultsApply() {
    PamkitConfig c = PamkitConfig.read(EXAMPLES.resolve("minimal.json"));
    assertTrue(c.section("EmailClientConfig").isPresent());
    assertTrue(c.emailProviderSections().isEmpty());
    assertEquals(ServiceState.defaults(), c.servicesConfig());
    assertEquals(630, c.eventCatalog().size());
  }

  @Test
  void read_documentWithFiveProblems_withoutProviders_reportsCoresOwnByPath() {
    // the transports' sections are checked by their providers (notify's
    // DocumentationExamplesTest shows all five); core alone checks its own parts
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> PamkitConfig.read(EXAMPLES.resolve("invalid-five-problems.json")));
    assertEquals(
        List.of(
            "$.EventSubscribers[0].Subscriptions[1]: 'PasswordChangeFialed' is not"
                + " an event name the catalog knows"),
        e.violations().stream().map(Violation::toString).toList());
    assertTrue(e instanceof ValidationException);
  }

  @Test
  void parse_transportSectionOfTheWrongShape_reported() {
    assertEquals(
        List.of(
            "$.EmailProviders: expected an array, got an object",
            "$.SyslogServers[0]: expected an object, got the number 1"),
        problems("{\"EmailProviders\": {}, \"SyslogServers\": [1]}"));
  }

  @Test
  void parse_notJsonOrNotAnObject_reported() {
    assertTrue(problems("{\"EmailClientConfig\": ").get(0).startsWith("$: is not valid JSON"));
    assertEquals(
        List.of("$: expected an object (the configuration document), got an array"),
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
  void parse_templateLimits_subject1024_body14500() {
    String ok =
        "{\"EmailTemplates\": [{\"EventName\": \"Test\", \"SubjectTemplate\": \""
            + "s".repeat(1024)
            + "\", \"BodyTemplate\": \""
            + "b".repeat(14500)
            + "\"}]}";
    assertEquals(1, PamkitConfig.parse(ok).emailTemplates().size());
    List<String> p =
        problems(
            "{\"EmailTemplates\": [{\"EventName\": \"Test\", \"SubjectTemplate\":"
                + " \""
                + "s".repeat(1025)
                + "\", \"BodyTemplate\": \""
                + "b".repeat(14501)
                + "\"},"
                + " {\"SubjectTemplate\": \"\", \"BodyTemplate\": \"x\"}]}");
    assertEquals(
        List.of(
            "$.EmailTemplates[0].SubjectTemplate: is 1025 characters long; at most 1024 are"
                + " allowed",
            "$.EmailTemplates[1].SubjectTemplate: is empty; at least 1 character is required"),
        p);
    List<String> body =
        problems(
            "{\"EmailTemplates\": [{\"Name\": \"n\", \"SubjectTemplate\":"
                + " \"s\", \"BodyTemplate\": \""
                + "b".repeat(14501)
                + "\"}]}");
    assertEquals(
        List.of(
            "$.EmailTemplates[0].BodyTemplate: is 14501 characters long; at most 14500 are"
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
        List.of(
            "$.EventSubscribers[0].EmailAddress: an Email subscriber needs an EmailAddress or"
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
  void parse_servicesConfig_rules() {
    List<String> p =
        problems(
            "{\"ServicesConfig\": {\"PasswordChangeEnabled\": 1, \"Bogus\": true,"
                + " \"AuditLogStreamService\": {\"Enabled\": true, \"X\": 1},"
                + " \"ApplicationToApplicationEnabled\": {\"SPP-1\": \"on\"}}}");
    assertEquals(4, p.size(), String.join("\n", p));
    assertTrue(
        p.contains(
            "$.ServicesConfig.PasswordChangeEnabled: expected true or false, got the number 1"));
    assertTrue(
        p.contains(
                "$.ServicesConfig['ApplicationToApplicationEnabled']['SPP-1']: expected true or false,"
                    + " got the string \"on\"")
            || p.contains(
                "$.ServicesConfig.ApplicationToApplicationEnabled['SPP-1']: expected true"
                    + " or false, got the string \"on\""),
        String.join("\n", p));
  }

  @Test
  void parse_catalogExtensions_rules() {
    List<String> p =
        problems(
            "{\"EventCatalogExtensions\": [{\"Name\": \"bad name\", \"Category\":"
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
    assertEquals(c.sections().get("EmailClientConfig"), again.sections().get("EmailClientConfig"));
    assertEquals(c.servicesConfig(), again.servicesConfig());

    PamkitConfig noSecrets = PamkitConfig.read(EXAMPLES.resolve("minimal.json"));
    assertEquals(noSecrets, PamkitConfig.parse(noSecrets.toJson()));
  }

  @Test
  void builder_programmaticConfig_checkedLikeTheDocument() throws Exception {
    PamkitConfig c =
        PamkitConfig.builder()
            .section(
                "EmailClientConfig",
                new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(
                        "{\"ServerAddress\": \"smtp.example.com\","
                            + " \"SenderEmail\": \"a@example.com\"}"))
            .eventSubscribers(
                List.of(
                    Subscriber.builder(Subscriber.EMAIL)
                        .emailAddress("b@example.com")
                        .subscribe("Test")
                        .build()))
            .trustedServers(List.of("10.0.0.0/8"))
            .build();
    assertEquals(c, c.toBuilder().build());
    assertEquals(c, PamkitConfig.parse(c.toJson()));
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                c.toBuilder()
                    .eventSubscribers(
                        List.of(
                            Subscriber.builder(Subscriber.EMAIL)
                                .emailAddress("b@example.com")
                                .subscribe("Nope")
                                .build()))
                    .build());
    assertEquals("$.EventSubscribers[0].Subscriptions[0]", e.violations().get(0).path());
    assertThrows(
        ValidationException.class,
        () -> PamkitConfig.builder().trustedServers(List.of("has space")));
    assertEquals(PamkitConfig.defaults(), PamkitConfig.parse("{}"));
  }
}
