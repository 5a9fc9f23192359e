// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.policy.Service;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.InMemoryCredentialResolver;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.ConfiguredTransports;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.simulator.SimulatedSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code pamkit config pull|push} and {@code services --appliance} against the SPP simulator. */
final class ConfigCommandTest {
  private static final ObjectMapper M = new ObjectMapper();
  @RegisterExtension final SppFixture appliance = new SppFixture();

  @BeforeEach
  void settings() throws Exception {
    SimulatedSettings settings = appliance.spp().settings();
    settings.putEmailClientConfig(
        M.readTree(
            """
        {"ServerAddress": "smtp.example.com", "PortNumber": 587,
         "SenderEmail": "safeguard@example.com", "RequireUserAuthentication": true,
         "ConnectionProperties": {"ServiceAccountName": "svc-smtp",
           "ServiceAccountPassword": "Smtp!secret"}}"""));
    int siem =
        settings.addSyslogServer(
            M.readTree(
                """
        {"Name": "siem", "NetworkAddress": "siem.example.com", "Port": 1514,
         "Protocol": "Tcp", "TcpFraming": "OctetCounting"}"""));
    settings.addEventSubscriber(
        M.readTree(
            """
        {"Type": "Email", "Description": "On-call", "EmailAddress": "oncall@example.com",
         "Subscriptions": [{"Name": "UserLockedOut"}, {"Name": "PasswordChangeFailed"}]}"""));
    settings.addEventSubscriber(
        M.readTree(
            """
        {"Type": "Syslog", "SubscribeToAllEvents": true,
         "SyslogProperties": {"SyslogServerId": %d, "Facility": "Local3"}}"""
                .formatted(siem)));
    settings.addEventSubscriber(M.readTree("{\"Type\": \"Signalr\", \"UserId\": 7}"));
  }

  private CliRun cli(String... args) {
    return appliance.run(args);
  }

  private SppClient client() {
    return appliance.client().build();
  }

  @Test
  void pull_documentValidatesAndStartsTransports_secretsLeftOutWithNotes() throws Exception {
    CliRun pull = cli("config", "pull");
    assertEquals(0, pull.exitCode(), pull.err());
    assertFalse(pull.out().contains("Smtp!secret"));
    assertTrue(
        pull.err().contains("PAMKIT_SECRET_ASSET_ACCOUNT__SMTP_EXAMPLE_COM__SVC_SMTP"), pull.err());
    assertTrue(pull.err().contains("Signalr"), pull.err());
    assertFalse(pull.err().contains("to do before use"), pull.err());

    Path file = Files.writeString(appliance.dir().resolve("pamkit.json"), pull.out());
    PamkitConfig config = PamkitConfig.read(file);
    assertEquals(2, config.eventSubscribers().size());
    assertEquals(
        List.of("UserLockedOut", "PasswordChangeFailed"),
        List.copyOf(config.eventSubscribers().get(0).subscriptions()));
    AccountReference account =
        new AccountReference(AccountReference.Kind.ASSET_ACCOUNT, "smtp.example.com", "svc-smtp");
    InMemoryCredentialResolver secrets =
        InMemoryCredentialResolver.create().put(account, Secret.of("Smtp!secret"));
    try (ConfiguredTransports transports =
        ConfiguredTransports.builder(config).credentialResolver(secrets).build()) {
      assertTrue(transports.transport("Email").isPresent());
      assertTrue(transports.transport("Syslog").isPresent());
    }
  }

  @Test
  void push_dryRunShowsDiffAndChangesNothing_applyChangesExactlyTheListedFields() throws Exception {
    CliRun pull = cli("config", "pull");
    ObjectNode doc = (ObjectNode) M.readTree(pull.out());
    ((ObjectNode) doc.get("SyslogServers").get(0)).put("Port", 6514);
    ((ObjectNode) doc.get("EmailClientConfig"))
        .put("PortNumber", 465)
        .put("RequireSmtpsFlag", true);
    ((ObjectNode) doc.get("ServicesConfig")).put("SessionRequestsEnabled", false);
    doc.withArray("EventSubscribers")
        .addObject()
        .put("Type", "Email")
        .put("EmailAddress", "audit@example.com")
        .putArray("Subscriptions")
        .add("UserCreated");
    Path file =
        Files.writeString(appliance.dir().resolve("pamkit.json"), M.writeValueAsString(doc));
    ObjectNode emailBefore = appliance.spp().settings().emailClientConfig();

    CliRun dry = cli("config", "push", "--config", file.toString());
    assertEquals(0, dry.exitCode(), dry.err());
    assertTrue(dry.out().contains("update SyslogServers"), dry.out());
    assertTrue(dry.out().contains("Port: 1514 -> 6514"), dry.out());
    assertTrue(dry.out().contains("PortNumber: 587 -> 465"), dry.out());
    assertTrue(dry.out().contains("SessionRequestsEnabled: true -> false"), dry.out());
    assertTrue(dry.out().contains("create EventSubscribers"), dry.out());
    assertTrue(dry.out().contains("dry run: nothing changed"), dry.out());
    assertEquals(1514, appliance.spp().settings().syslogServers().get(0).get("Port").intValue());
    assertEquals(emailBefore, appliance.spp().settings().emailClientConfig());
    assertEquals(3, appliance.spp().settings().eventSubscribers().size());

    CliRun apply = cli("config", "push", "--config", file.toString(), "--apply", "--json");
    assertEquals(0, apply.exitCode(), apply.err());
    JsonNode report = M.readTree(apply.out());
    assertTrue(report.get("applied").booleanValue());
    assertEquals(4, report.get("changes").size(), apply.out());

    ObjectNode server = appliance.spp().settings().syslogServers().get(0);
    assertEquals(6514, server.get("Port").intValue());
    assertEquals("Tcp", server.get("Protocol").asText());
    ObjectNode email = appliance.spp().settings().emailClientConfig();
    assertEquals(465, email.get("PortNumber").intValue());
    assertTrue(email.get("RequireSmtpsFlag").booleanValue());
    assertEquals("smtp.example.com", email.get("ServerAddress").asText());
    // the stored password was not touched: the document has none
    assertTrue(email.get("ConnectionProperties").get("ServiceAccountHasPassword").booleanValue());
    assertEquals(4, appliance.spp().settings().eventSubscribers().size());
    try (SppClient c = client()) {
      assertFalse(c.servicesConfig().isEnabled(Service.SESSION_REQUESTS_ENABLED));
      assertTrue(c.servicesConfig().isEnabled(Service.PASSWORD_REQUESTS_ENABLED));
    }
    CliRun again = cli("config", "push", "--config", file.toString());
    assertTrue(again.out().contains("the appliance matches the document"), again.out());
  }

  @Test
  void servicesAppliance_listEnableDisableDisableAll() throws Exception {
    CliRun list = cli("services", "list");
    assertEquals(0, list.exitCode(), list.err());
    assertTrue(
        list.out()
            .lines()
            .anyMatch(l -> l.startsWith("PasswordChangeEnabled") && l.contains(" on ")),
        list.out());

    CliRun off = cli("services", "disable", "PasswordChangeEnabled");
    assertEquals(0, off.exitCode(), off.err());
    assertTrue(off.out().contains("switched PasswordChangeEnabled"), off.out());
    CliRun fileOff = cli("services", "disable", "FileChangeEnabled", "--json");
    assertEquals(0, fileOff.exitCode(), fileOff.err());
    try (SppClient c = client()) {
      assertFalse(c.servicesConfig().isEnabled(Service.PASSWORD_CHANGE_ENABLED));
      assertFalse(c.servicesConfig().isEnabled(Service.FILE_CHANGE_ENABLED));
      assertTrue(c.servicesConfig().isEnabled(Service.PASSWORD_CHECK_ENABLED));
    }
    CliRun on = cli("services", "enable", "PasswordChangeEnabled");
    assertEquals(0, on.exitCode(), on.err());

    CliRun refused = cli("services", "disable-all");
    assertEquals(ExitCodes.BAD_INPUT, refused.exitCode());
    try (SppClient c = client()) {
      assertTrue(c.servicesConfig().isEnabled(Service.PASSWORD_CHANGE_ENABLED));
    }
    CliRun all = cli("services", "disable-all", "--confirm");
    assertEquals(0, all.exitCode(), all.err());
    try (SppClient c = client()) {
      for (Service s : Service.values()) {
        if (s.inServicesConfig()) {
          assertFalse(c.servicesConfig().isEnabled(s), s.wireName());
        }
      }
    }
    CliRun both = cli("services", "list", "--config", "x.json");
    assertEquals(ExitCodes.BAD_INPUT, both.exitCode());
  }
}
