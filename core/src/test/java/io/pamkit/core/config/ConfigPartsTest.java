// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration parts used from code: builders, transport sections and secrecy. */
final class ConfigPartsTest {

  @Test
  void emailTemplate_rules() {
    EmailTemplateConfig t =
        EmailTemplateConfig.builder("Subject {{A}}", "Line 1\nLine 2\tend")
            .eventName("Test")
            .build();
    assertEquals(t, t.toBuilder().build());
    assertThrows(ValidationException.class, () -> EmailTemplateConfig.builder("s", "b").build());
    assertThrows(ValidationException.class, () -> EmailTemplateConfig.builder("a\nb", "b"));
    assertThrows(ValidationException.class, () -> EmailTemplateConfig.builder("s", "bad\u0000"));
  }

  @Test
  void emailProviderSections_sortedByPriority_stable_namesUnique() throws Exception {
    ObjectMapper m = new ObjectMapper();
    PamkitConfig c =
        PamkitConfig.builder()
            .section(
                "EmailProviders",
                m.readTree(
                    """
            [{"Type": "Smtp", "Name": "b", "Priority": 5},
             {"Type": "Smtp", "Name": "a", "Priority": 1},
             {"Type": "Smtp", "Name": "c", "Priority": 5}]"""))
            .build();
    assertEquals(
        List.of("a", "b", "c"),
        c.emailProviderSections().stream().map(s -> s.string("Name")).toList());
    assertEquals("$.EmailProviders[1]", c.emailProviderSections().get(0).path());
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                c.toBuilder()
                    .section(
                        "EmailProviders",
                        m.readTree(
                            "[{\"Type\": \"Smtp\", \"Name\": \"a\"}, {\"Type\": \"Sendgrid\", \"Name\": \"a\"}]"))
                    .build());
    assertEquals("$.EmailProviders[1].Name", e.violations().get(0).path());
    assertThrows(
        IllegalArgumentException.class,
        () -> PamkitConfig.builder().section("EventSubscribers", m.readTree("[]")));
  }

  @Test
  void section_objectAtItsPath_arrayAsRestrictedDocument_secretsLeftOutOfToJson() throws Exception {
    PamkitConfig c =
        PamkitConfig.parse(
            """
        {"EmailClientConfig": {"ServerAddress": "mail.example.com",
          "ConnectionProperties": {"ServiceAccountPassword": "s3cr3t"}},
         "SyslogServers": [{"Name": "siem", "NetworkAddress": "192.0.2.1"}]}""");
    ConfigSection email = c.section("EmailClientConfig").orElseThrow();
    assertEquals("$.EmailClientConfig", email.path());
    assertEquals("mail.example.com", email.string("ServerAddress"));
    ConfigSection syslog = c.section("SyslogServers").orElseThrow();
    assertEquals("$", syslog.path());
    assertEquals(
        "$.SyslogServers[0]", syslog.objects("SyslogServers", "SyslogServer").get(0).path());
    assertTrue(c.section("Webhook").isEmpty());
    assertTrue(!c.toJson().contains("s3cr3t") && c.toJson().contains("ServerAddress"), c.toJson());
    assertTrue(
        c.toJson(SecretOutput.MASK).contains("\"ServiceAccountPassword\" : \"**"),
        c.toJson(SecretOutput.MASK));
  }
}
