// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class ServicesCommandTest {
  @RegisterExtension final CliFixture cli = CliFixture.withReceivers();

  @Test
  void list_defaults_everyServiceOnButTheAuditLogStream() {
    CliRun r = cli.withConfig("services", "list");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out().matches("(?s).*PasswordChangeEnabled\\s+PasswordManagement\\s+on .*"), r.out());
    assertTrue(r.out().matches("(?s).*AuditLogStreamService\\s+Audit\\s+off .*"), r.out());
  }

  @Test
  void disable_savesTheDocumentAndEmitsTheEngineEvent() throws Exception {
    CliRun r =
        cli.withConfig("services", "disable", "PasswordChangeEnabled", "--actor", "maint-bot");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("switched PasswordChangeEnabled"), r.out());
    assertTrue(r.out().contains("3 delivered, 0 dead-lettered"), r.out());
    PamkitConfig saved = PamkitConfig.read(cli.config());
    assertFalse(saved.servicesConfig().isEnabled(Service.PASSWORD_CHANGE_ENABLED));
    assertTrue(saved.servicesConfig().isEnabled(Service.PASSWORD_CHECK_ENABLED));
    assertEquals(4, saved.eventSubscribers().size(), "the rest of the document is kept");
    assertEquals(
        "ServicesConfigUpdated",
        cli.receivers().awaitEmails(1).get(0).getHeader("X-Pamkit-Event")[0]);
    List<String> lines = cli.receivers().awaitSyslog(1);
    assertTrue(lines.get(0).contains("pam_UserName=maint-bot"), lines.toString());

    CliRun list = cli.withConfig("services", "list", "--json");
    JsonNode services = new ObjectMapper().readTree(list.out()).get("services");
    for (JsonNode s : services) {
      if (s.get("name").asText().equals("PasswordChangeEnabled")) {
        assertFalse(s.get("enabled").booleanValue());
      }
    }
  }

  @Test
  void enable_alreadyOn_changesNothing() {
    CliRun r = cli.withConfig("services", "enable", "PasswordCheckEnabled");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("nothing changed"), r.out());
  }

  @Test
  void enable_auditLogStreamWithoutLink_refusedWithReasonExit2() {
    CliRun r = cli.withConfig("services", "enable", "AuditLogStreamService");
    assertEquals(2, r.exitCode(), r.out());
    assertTrue(r.err().contains("linked"), r.err());
    assertFalse(
        PamkitConfig.read(cli.config())
            .servicesConfig()
            .isEnabled(Service.AUDIT_LOG_STREAM_SERVICE));
  }

  @Test
  void disableAll_withoutConfirm_exits2AndChangesNothing() {
    CliRun r = cli.withConfig("services", "disable-all");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("--confirm"), r.err());
    assertTrue(
        PamkitConfig.read(cli.config())
            .servicesConfig()
            .isEnabled(Service.PASSWORD_CHANGE_ENABLED));
  }

  @Test
  void disableAll_confirmed_switchesEveryEnabledServiceOff() throws Exception {
    CliRun r = cli.withConfig("services", "disable-all", "--confirm", "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertTrue(d.get("changed").size() >= 19, d.toString());
    ServiceState saved = PamkitConfig.read(cli.config()).servicesConfig();
    for (Service t : Service.values()) {
      if (t.inServicesConfig()) {
        assertFalse(saved.isEnabled(t), t.name());
      }
    }
  }

  @Test
  void disable_unknownService_exits2ListingKnownNames() {
    CliRun r = cli.withConfig("services", "disable", "Bogus");
    assertEquals(2, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("PasswordChangeEnabled"), r.err());
  }

  @Test
  void list_missingFile_exits2() {
    CliRun r = CliRun.withConfig(cli.dir().resolve("no.json"), "services", "list");
    assertEquals(2, r.exitCode());
  }

  @Test
  void disable_malformedJson_exits2AndLeavesTheFile() throws Exception {
    Path bad = cli.write("bad.json", "{ nope");
    CliRun r = CliRun.withConfig(bad, "services", "disable", "PasswordChangeEnabled");
    assertEquals(2, r.exitCode());
    assertEquals("{ nope", java.nio.file.Files.readString(bad));
  }
}
