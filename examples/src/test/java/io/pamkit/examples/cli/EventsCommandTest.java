// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EventsCommandTest {
  @TempDir Path dir;

  @Test
  void list_everyName_630Lines() {
    CliRun r = CliRun.run("events", "list");
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(630, lines.size());
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.matches("PasswordChangeFailed\\s+" + "PasswordManagement\\s+Error")),
        r.out());
  }

  @Test
  void list_category_caseInsensitive_onlyThatCategory() throws Exception {
    CliRun r = CliRun.run("events", "list", "--category", "license", "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertTrue(d.get("count").asInt() > 0);
    d.get("events").forEach(e -> assertEquals("License", e.get("category").asText()));
  }

  @Test
  void list_misspeltCategory_exits2WithSuggestion() {
    CliRun r = CliRun.run("events", "list", "--category", "PasswordManagment");
    r.assertFailed(
        2, "pamkit: unknown category 'PasswordManagment'; did you mean" + " 'PasswordManagement'?");
  }

  @Test
  void search_substring_caseInsensitive() {
    CliRun r = CliRun.run("events", "search", "passwordchange");
    assertEquals(0, r.exitCode(), r.err());
    List<String> names = r.out().lines().map(l -> l.split("\\s+")[0]).toList();
    assertTrue(names.contains("PasswordChangeFailed"), r.out());
    assertTrue(
        names.stream().allMatch(n -> n.toLowerCase().contains("passwordchange")), names.toString());
  }

  @Test
  void search_noMatch_exits1WithReason() {
    CliRun r = CliRun.run("events", "search", "NoSuchThing");
    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    assertEquals("pamkit: no event name contains 'NoSuchThing'", r.errLines().get(0));
  }

  @Test
  void show_name_printsCategoryLevelAndSeverities() {
    CliRun r = CliRun.run("events", "show", "passwordchangefailed");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("PasswordChangeFailed\n"), r.out());
    assertTrue(r.out().contains("category:         PasswordManagement"), r.out());
    assertTrue(r.out().contains("default level:    Error"), r.out());
    assertTrue(r.out().contains("syslog severity:  3 (err)"), r.out());
    assertTrue(r.out().contains("CEF severity:     8"), r.out());
  }

  @Test
  void show_json() throws Exception {
    CliRun r = CliRun.run("events", "show", "UserLockedOut", "--json");
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertEquals("Warn", d.get("defaultLevel").asText());
    assertEquals(4, d.get("syslogSeverity").asInt());
    assertEquals(6, d.get("cefSeverity").asInt());
    assertEquals(2, d.get("snmpTrapKind").asInt());
  }

  @Test
  void show_misspelt_exits2WithSuggestion() {
    CliRun r = CliRun.run("events", "show", "PasswordChangeFialed");
    r.assertFailed(
        2,
        "pamkit: unknown event 'PasswordChangeFialed'; did you mean" + " 'PasswordChangeFailed'?");
  }

  @Test
  void show_config_includesUserDefinedEvents() throws Exception {
    Path config =
        Receivers.write(
            dir,
            "ext.json",
            """
        {"EventCatalogExtensions": [
          {"Name": "BadgeScanned", "Category": "AccessRequest", "Level": "Warn"}]}
        """);
    CliRun r = CliRun.withConfig(config, "events", "show", "BadgeScanned");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("default level:    Warn"), r.out());
    assertTrue(r.out().contains("user-defined:     yes"), r.out());
    assertEquals(2, CliRun.run("events", "show", "BadgeScanned").exitCode());
  }

  @Test
  void events_withoutSubcommand_namesTheSubcommands() {
    CliRun r = CliRun.run("events");
    r.assertFailed(
        2,
        "pamkit: 'pamkit events' needs a command, one of list, search, show; run"
            + " 'pamkit events --help'");
  }
}
