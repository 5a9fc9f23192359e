// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.ValidationException;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.ApplianceErrorException;
import io.pamkit.sessionlink.ApplianceSettings;
import io.pamkit.sessionlink.AuthorizationException;
import io.pamkit.sessionlink.NotFoundException;
import io.pamkit.sessionlink.SettingsChange;
import io.pamkit.sessionlink.SettingsPlan;
import io.pamkit.sessionlink.SettingsResource;
import io.pamkit.sessionlink.SettingsSync;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ApplianceSettings and SettingsSync against the SPP simulator over real HTTPS. */
final class ApplianceSettingsTest {
  private static final ObjectMapper M = new ObjectMapper();
  private SppSimulator sim;
  private SppClient spp;
  private ApplianceSettings settings;

  @BeforeEach
  void start() {
    sim = SppSimulator.builder().build();
    sim.addUser("admin", Secret.of("Adm1n!pw"), AdminRole.APPLIANCE_ADMIN);
    sim.addUser("auditor", Secret.of("Aud1t!pw"), AdminRole.AUDITOR);
    spp = client("admin", "Adm1n!pw");
    settings = ApplianceSettings.of(spp);
  }

  @AfterEach
  void stop() {
    spp.close();
    sim.close();
  }

  private SppClient client(String user, String password) {
    return SimulatorClients.spp(sim, SppAuthentication.password(user, Secret.of(password))).build();
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) M.readTree(text);
  }

  @Test
  void emailClientConfig_putWithPassword_passwordNeverReturnedButFlagged() throws Exception {
    SettingsResource stored =
        settings.updateEmailClientConfig(
            json(
                """
        {"ServerAddress": "smtp.example.com", "PortNumber": 587, "SenderEmail": "spp@example.com",
         "RequireUserAuthentication": true,
         "ConnectionProperties": {"ServiceAccountName": "svc", "ServiceAccountPassword": "s3cr3t!"}}
        """));
    assertEquals(587, stored.json().get("PortNumber").intValue());
    JsonNode props = settings.emailClientConfig().json().get("ConnectionProperties");
    assertFalse(props.has("ServiceAccountPassword"));
    assertTrue(props.get("ServiceAccountHasPassword").booleanValue());
    assertFalse(stored.toString().contains("s3cr3t!"));
    assertTrue(settings.emailClientConfig().json().has("UpdatedDate"));
  }

  @Test
  void emailClientConfig_outOfRangePort_refusedBeforeSending() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> settings.updateEmailClientConfig(json("{\"PortNumber\": 70000}")));
    assertEquals("$.PortNumber", e.violations().get(0).path());
    assertEquals(25, sim.settings().emailClientConfig().get("PortNumber").intValue());
  }

  @Test
  void sendTestEmail_recordedBySimulator() throws Exception {
    settings.sendTestEmail(
        json(
            """
        {"ToEmail": "ops@example.com", "ServerAddress": "smtp.example.com",
         "SenderEmail": "spp@example.com"}"""));
    assertEquals("ops@example.com", sim.settings().testEmails().get(0).get("ToEmail").asText());
  }

  @Test
  void syslogServers_crud_roundTrip() throws Exception {
    SettingsResource created =
        settings.createSyslogServer(
            json(
                "{\"Name\": \"siem\", \"NetworkAddress\": \"siem.example.com\", \"Protocol\": \"Tcp\"}"));
    int id = created.id().orElseThrow();
    assertEquals(514, created.json().get("Port").intValue()); // the schema's default
    ObjectNode change = created.writable().put("Port", 1514);
    assertEquals(1514, settings.updateSyslogServer(id, change).json().get("Port").intValue());
    assertEquals(1, settings.syslogServers().size());
    settings.deleteSyslogServer(id, false);
    assertTrue(settings.syslogServers().isEmpty());
    assertThrows(NotFoundException.class, () -> settings.syslogServer(id));
  }

  @Test
  void eventSubscribers_subscriptions_setAddRemove() throws Exception {
    SettingsResource s =
        settings.createEventSubscriber(
            json(
                """
        {"Type": "Email", "EmailAddress": "oncall@example.com",
         "Subscriptions": [{"Name": "UserLockedOut"}]}"""));
    int id = s.id().orElseThrow();
    assertEquals(List.of("UserLockedOut"), settings.subscriptions(id));
    assertEquals(
        List.of("PasswordChangeFailed"),
        settings.setSubscriptions(id, List.of("PasswordChangeFailed")));
    settings.addSubscriptions(id, List.of("UserLockedOut"));
    assertEquals(
        List.of("UserLockedOut"),
        settings.removeSubscriptions(id, List.of("PasswordChangeFailed")));
    assertThrows(
        ValidationException.class, () -> settings.setSubscriptions(id, List.of("NoSuchEvent")));
    settings.deleteEventSubscriber(id);
    assertTrue(settings.eventSubscribers().isEmpty());
  }

  @Test
  void emailTemplates_updateRenderSendReset() throws Exception {
    settings.updateEmailClientConfig(
        json("{\"ServerAddress\": \"smtp.example.com\", \"SenderEmail\": \"spp@example.com\"}"));
    SettingsResource t =
        settings.updateEmailTemplate(
            "UserLockedOut",
            json(
                "{\"SubjectTemplate\": \"Locked: {{EventDisplayName}}\", \"BodyTemplate\": \"b\"}"));
    assertTrue(t.json().get("IsModified").booleanValue());
    assertEquals(
        "Locked: UserLockedOut",
        settings.renderTestEmail("UserLockedOut").text("SubjectTemplate").orElseThrow());
    settings.sendTemplateTestEmail("UserLockedOut", "ops@example.com");
    assertEquals("UserLockedOut", sim.settings().testEmails().get(0).get("EventName").asText());
    assertFalse(
        settings.resetEmailTemplate("UserLockedOut").json().get("IsModified").booleanValue());
  }

  @Test
  void ticketSystems_passwordWriteOnly() throws Exception {
    SettingsResource t =
        settings.createTicketSystem(
            json(
                """
        {"Name": "snow", "TicketSystemType": "ServiceNow", "UserName": "u", "Password": "pw!"}"""));
    assertFalse(t.json().has("Password"));
    assertTrue(t.json().get("HasPassword").booleanValue());
    settings.testTicketSystem(t.id().orElseThrow());
  }

  @Test
  void auditor_cannotWrite_typedAuthorizationError() throws Exception {
    try (SppClient auditor = client("auditor", "Aud1t!pw")) {
      ApplianceSettings s = ApplianceSettings.of(auditor);
      s.emailClientConfig();
      AuthorizationException e =
          assertThrows(
              AuthorizationException.class,
              () ->
                  s.createSyslogServer(
                      json("{\"Name\": \"x\", \"NetworkAddress\": \"x.example\"}")));
      assertEquals(60108, e.apiError().orElseThrow().code());
    }
  }

  @Test
  void templateTestEmail_badAddress_apiError60223() {
    ApplianceErrorException e =
        assertThrows(
            ApplianceErrorException.class,
            () -> settings.sendTemplateTestEmail("UserLockedOut", "not-an-address"));
    assertEquals(60223, e.apiError().orElseThrow().code());
    assertThrows(
        IllegalArgumentException.class,
        () -> sim.settings().addSyslogServer(json("{\"Name\": \"x\"}")));
  }

  @Test
  void sync_planThenApply_changesExactlyTheListedFields() throws Exception {
    int server =
        sim.settings()
            .addSyslogServer(
                json(
                    "{\"Name\": \"siem\", \"NetworkAddress\": \"siem.example.com\", \"Port\": 514,"
                        + " \"Protocol\": \"Udp\"}"));
    sim.settings()
        .addSyslogServer(json("{\"Name\": \"old\", \"NetworkAddress\": \"old.example.com\"}"));
    SettingsSync sync = SettingsSync.of(settings);
    JsonNode doc =
        M.readTree(
            """
        {"SyslogServers": [{"Name": "siem", "NetworkAddress": "siem.example.com", "Port": 1514}],
         "ServicesConfig": {"PasswordChangeEnabled": false}}""");
    SettingsPlan plan = sync.plan(doc, false);
    assertEquals(2, plan.changes().size(), plan.toString());
    SettingsChange syslog = plan.changes().get(0);
    assertEquals(SettingsChange.Operation.UPDATE, syslog.operation());
    assertEquals(List.of(new SettingsChange.Field("Port", "514", "1514")), syslog.fields());
    assertTrue(plan.notes().stream().anyMatch(n -> n.contains("old")), plan.notes().toString());
    assertEquals(514, sim.settings().syslogServers().get(0).get("Port").intValue());

    sync.apply(plan);
    ObjectNode after = sim.settings().syslogServers().get(0);
    assertEquals(server, after.get("Id").intValue());
    assertEquals(1514, after.get("Port").intValue());
    assertEquals("Udp", after.get("Protocol").asText());
    assertEquals(2, sim.settings().syslogServers().size());
    assertFalse(
        spp.servicesConfig().isEnabled(io.pamkit.core.policy.Service.PASSWORD_CHANGE_ENABLED));
    assertTrue(
        spp.servicesConfig().isEnabled(io.pamkit.core.policy.Service.PASSWORD_CHECK_ENABLED));
    assertTrue(sync.plan(doc, false).isEmpty());
    assertEquals(1, sync.plan(doc, true).changes().size()); // prune would delete "old"
  }
}
