// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.Violation;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.config.PamkitConfig;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A whole document is checked in one pass, the transports' sections by their providers (found by
 * ServiceLoader): every problem by JSON path.
 */
final class DocumentValidationTest {

  static List<String> problems(String json) {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> PamkitConfig.parse(json));
    return e.violations().stream().map(Violation::toString).collect(Collectors.toList());
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
                + " URI (plain http would send the API key in clear text)",
            "$.EmailProviders[2].Password: an Ews provider needs a Password, an"
                + " AccountReference or OAuth settings",
            "$.EmailProviders[3].Type: 'Fax' is not one of smtp, sendgrid, ews, graph (email"
                + " provider names, matched ignoring case)",
            "$.EmailProviders[4].Type: is required: Smtp, SendGrid, Ews, Graph or another email"
                + " provider's name"),
        p);
    assertEquals(
        List.of("$.EmailProviders[0].ApiKey: is required"),
        problems(
            "{\"EmailProviders\": [{\"Type\": \"SendGrid\", \"SenderEmail\":"
                + " \"a@example.com\"}]}"));
  }

  @Test
  void parse_emailRules_senderLengthAndLineBreaks() {
    String longSender = "\"" + "n".repeat(520) + "\" <a@example.com>";
    List<String> p =
        problems(
            "{\"EmailClientConfig\": {\"SenderEmail\": \""
                + longSender.replace("\"", "\\\"")
                + "\"}, \"EmailTemplates\": [{\"EventName\": \"Test\", \"SubjectTemplate\":"
                + " \"a\\r\\nBcc: x@y.z\", \"BodyTemplate\": \"b\", \"ReplyToEmail\": \"x\\n@y\"}]}");
    assertEquals(3, p.size(), String.join("\n", p));
    assertTrue(
        p.get(0)
            .startsWith(
                "$.EmailClientConfig.SenderEmail: is 538 characters long;" + " at most 512"),
        p.get(0));
    assertTrue(p.get(1).startsWith("$.EmailTemplates[0].SubjectTemplate: contains"), p.get(1));
    assertTrue(p.get(2).startsWith("$.EmailTemplates[0].ReplyToEmail: contains LF"), p.get(2));
  }

  @Test
  void parse_urlsWithCredentials_errorsNeverEchoThem() {
    List<String> p =
        problems(
            "{\"EmailProviders\": [{\"Type\": \"SendGrid\", \"SenderEmail\":"
                + " \"a@example.com\", \"Endpoint\": \"http://u:Leak1Pw@api.sendgrid.com\"},"
                + " {\"Type\": \"SendGrid\", \"SenderEmail\": \"a@example.com\","
                + " \"Endpoint\": \"https://api.sendgrid.com/?api_key=Leak2Key\"},"
                + " {\"Type\": \"Ews\", \"ServiceUrl\": \"http://svc:Leak3Pw@x.example.com/EWS\","
                + " \"Mailbox\": \"m@example.com\", \"Password\": \"p\"},"
                + " {\"Type\": \"Ews\", \"ServiceUrl\": \"https://svc:Leak4Pw@x.example.com/EWS\","
                + " \"Mailbox\": \"m@example.com\", \"Password\": \"p\"},"
                + " {\"Type\": \"Graph\", \"Name\": \"g\", \"TenantId\": \"t\", \"ClientId\":"
                + " \"c\", \"ClientSecret\": \"s\", \"SenderEmail\": \"a@example.com\","
                + " \"GraphHost\": \"https://u:Leak5Pw@graph.example.com\"}]}");
    for (String leak : List.of("Leak1Pw", "Leak2Key", "Leak3Pw", "Leak4Pw", "Leak5Pw")) {
      assertTrue(p.stream().noneMatch(m -> m.contains(leak)), leak + " in " + p);
    }
    assertTrue(
        p.stream().anyMatch(m -> m.contains("'http://******@api.sendgrid.com'")), p::toString);
    assertTrue(p.stream().anyMatch(m -> m.contains("api_key=******")), p::toString);
    assertTrue(
        p.stream().anyMatch(m -> m.startsWith("$.EmailProviders[2].ServiceUrl")), p::toString);
    assertTrue(
        p.stream().anyMatch(m -> m.startsWith("$.EmailProviders[3].ServiceUrl")), p::toString);
    assertTrue(
        p.stream().anyMatch(m -> m.startsWith("$.EmailProviders[4].GraphHost")), p::toString);
  }
}
