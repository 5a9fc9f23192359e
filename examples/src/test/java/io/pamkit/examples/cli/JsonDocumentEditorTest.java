// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.policy.Service;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JsonDocumentEditorTest {
  /** 19 lines in a compact hand-written style, as in the first-use review. */
  private static final String NINETEEN_LINES =
      String.join(
              "\n",
              "{",
              "  \"EmailClientConfig\": {\"ServerAddress\": \"127.0.0.1\", \"PortNumber\": 2525,",
              "    \"SenderEmail\": \"vault@example.com\", \"RequireTlsFlag\": false},",
              "  \"SyslogServers\": [",
              "    {\"Id\": 1, \"Name\": \"siem\", \"NetworkAddress\": \"127.0.0.1\", \"Port\": 6601,",
              "     \"Protocol\": \"Tcp\"}",
              "  ],",
              "  \"EventSubscribers\": [],",
              "  \"ServicesConfig\": {",
              "    \"PasswordChangeEnabled\":   true,",
              "    \"PasswordCheckEnabled\":    true,",
              "    \"SessionRequestsEnabled\":  true,",
              "    \"AuditLogStreamService\":   {\"Enabled\": false},",
              "    \"ApplicationToApplicationEnabled\": {",
              "      \"SPP-1\": true",
              "    }",
              "  },",
              "  \"TrustedServers\": [\"*.example.com\"]",
              "}")
          + "\n";

  @TempDir Path dir;

  @Test
  void setBoolean_existingMember_onlyThatTokenChanges() {
    String out =
        JsonDocumentEditor.setBoolean(
            NINETEEN_LINES, List.of("ServicesConfig", "PasswordChangeEnabled"), false);
    assertEquals(
        NINETEEN_LINES.replace(
            "\"PasswordChangeEnabled\":   true", "\"PasswordChangeEnabled\":   false"),
        out);
    assertEquals(19, out.lines().count());
  }

  @Test
  void setBoolean_sameValue_textUnchanged() {
    assertEquals(
        NINETEEN_LINES,
        JsonDocumentEditor.setBoolean(
            NINETEEN_LINES, List.of("ServicesConfig", "PasswordCheckEnabled"), true));
  }

  @Test
  void setBoolean_nestedInlineObject_replacesTheTokenInsideIt() {
    String out =
        JsonDocumentEditor.setBoolean(
            NINETEEN_LINES, List.of("ServicesConfig", "AuditLogStreamService", "Enabled"), true);
    assertEquals(NINETEEN_LINES.replace("{\"Enabled\": false}", "{\"Enabled\": true}"), out);
  }

  @Test
  void setBoolean_missingMember_addedLastWithTheObjectsIndentation() {
    String out =
        JsonDocumentEditor.setBoolean(
            NINETEEN_LINES,
            List.of("ServicesConfig", "ApplicationToApplicationEnabled", "SPP-2"),
            false);
    assertEquals(
        NINETEEN_LINES.replace(
            "      \"SPP-1\": true\n", "      \"SPP-1\": true,\n      \"SPP-2\": false\n"),
        out);
  }

  @Test
  void setBoolean_noServicesConfig_oneMemberAddedInTheFilesStyle() {
    String crlf4 =
        "{\r\n"
            + "    \"EmailClientConfig\" : {\r\n"
            + "        \"ServerAddress\" : \"smtp.example.com\",\r\n"
            + "        \"SenderEmail\" : \"vault@example.com\"\r\n"
            + "    }\r\n"
            + "}\r\n";
    String out =
        JsonDocumentEditor.setBoolean(
            crlf4, List.of("ServicesConfig", "PasswordChangeEnabled"), false);
    assertEquals(
        "{\r\n"
            + "    \"EmailClientConfig\" : {\r\n"
            + "        \"ServerAddress\" : \"smtp.example.com\",\r\n"
            + "        \"SenderEmail\" : \"vault@example.com\"\r\n"
            + "    },\r\n"
            + "    \"ServicesConfig\" : {\r\n"
            + "        \"PasswordChangeEnabled\" : false\r\n"
            + "    }\r\n"
            + "}\r\n",
        out);
    assertFalse(
        PamkitConfig.parse(out).servicesConfig().isEnabled(Service.PASSWORD_CHANGE_ENABLED));
  }

  @Test
  void setBoolean_singleLineDocument_staysOnOneLine() {
    String out =
        JsonDocumentEditor.setBoolean(
            "{\"TrustedServers\":[]}",
            List.of("ServicesConfig", "AuditLogStreamService", "Enabled"),
            true);
    assertEquals(
        "{\"TrustedServers\":[], \"ServicesConfig\":{\"AuditLogStreamService\":"
            + "{\"Enabled\":true}}}",
        out);
  }

  @Test
  void setBoolean_nullParent_replacedByAnObject() {
    String out =
        JsonDocumentEditor.setBoolean(
            "{\n  \"ServicesConfig\": null\n}\n",
            List.of("ServicesConfig", "PasswordCheckEnabled"),
            false);
    assertEquals("{\n  \"ServicesConfig\": {\n    \"PasswordCheckEnabled\": false\n  }\n}\n", out);
  }

  @Test
  void setBoolean_namesInsideArraysAreNotMembers_addedAtTheTop() {
    String doc = "{\n  \"A\": [{\"ServicesConfig\": {\"PasswordCheckEnabled\": true}}]\n}";
    String out =
        JsonDocumentEditor.setBoolean(
            doc, List.of("ServicesConfig", "PasswordCheckEnabled"), false);
    assertEquals(
        "{\n  \"A\": [{\"ServicesConfig\": {\"PasswordCheckEnabled\": true}}],\n"
            + "  \"ServicesConfig\": {\n    \"PasswordCheckEnabled\": false\n  }\n}",
        out);
  }

  @Test
  void setBoolean_notAnObjectOrNotABoolean_refused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> JsonDocumentEditor.setBoolean("[]", List.of("A"), true));
    assertThrows(
        IllegalArgumentException.class,
        () -> JsonDocumentEditor.setBoolean("{\"A\": \"x\"}", List.of("A"), true));
    assertThrows(
        IllegalArgumentException.class,
        () -> JsonDocumentEditor.setBoolean("{\"A\": 1}", List.of("A", "B"), true));
  }

  @Test
  void servicesDisable_nineteenLineDocument_staysNineteenLinesWithOneTokenChanged()
      throws Exception {
    Path file = Receivers.write(dir, "pamkit.json", NINETEEN_LINES);
    CliRun r =
        CliRun.run("services", "disable", "SessionRequestsEnabled", "--config", file.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    String after = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(19, after.lines().count(), after);
    assertEquals(
        NINETEEN_LINES.replace(
            "\"SessionRequestsEnabled\":  true", "\"SessionRequestsEnabled\":  false"),
        after);
  }

  @Test
  void servicesDisable_documentWithoutServicesConfig_oneMemberAdded() throws Exception {
    String doc = "{\n\t\"TrustedServers\": [\"*.example.com\"]\n}\n";
    Path file = Receivers.write(dir, "pamkit.json", doc);
    CliRun r =
        CliRun.run("services", "disable", "PasswordChangeEnabled", "--config", file.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertEquals(
        "{\n\t\"TrustedServers\": [\"*.example.com\"],\n\t\"ServicesConfig\": {\n"
            + "\t\t\"PasswordChangeEnabled\": false\n\t}\n}\n",
        Files.readString(file, StandardCharsets.UTF_8));
    assertTrue(r.out().contains("switched PasswordChangeEnabled"), r.out());
  }
}
