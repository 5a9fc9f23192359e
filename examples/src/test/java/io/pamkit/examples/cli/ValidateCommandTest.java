// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.examples.demo.DemoCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void validate_demoDocument_exitsZeroWithSummary() throws Exception {
    Path f = Receivers.write(dir, "ok.json", DemoCommand.bundledDocument());
    CliRun r = CliRun.run("validate", "--config", f.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out().contains("valid (4 subscriber(s), 1 syslog server(s), 1 SNMP destination(s)"),
        r.out());
  }

  @Test
  void validate_missingFile_exits2WithOneLine() {
    CliRun r = CliRun.run("validate", "--config", dir.resolve("missing.json").toString());
    assertEquals(2, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("missing.json: no such file"), r.err());
  }

  @Test
  void validate_malformedJson_exits2NamingTheProblem() throws Exception {
    Path f = Receivers.write(dir, "bad.json", "{ \"EmailClientConfig\": ");
    CliRun r = CliRun.run("validate", "--config", f.toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.out().contains("not valid JSON"), r.out());
    assertEquals(1, r.errLines().size(), r.err());
  }

  @Test
  void validate_fiveProblems_listsEveryOneByPath() throws Exception {
    Path f =
        Receivers.write(
            dir,
            "five.json",
            """
        {
          "EmailClientConfig": { "PortNumber": 70000, "Bogus": true },
          "SyslogServers": [ { "Name": "s", "NetworkAddress": "10.0.0.1", "Port": 0 } ],
          "EventSubscribers": [ { "Type": "Email", "EmailAddress": "x", "Enabled": "yes" } ]
        }
        """);
    CliRun r = CliRun.run("validate", "--config", f.toString());
    assertEquals(2, r.exitCode(), r.out());
    assertTrue(
        r.out().contains("$.EmailClientConfig.PortNumber: 70000 is outside 1..65535"), r.out());
    assertTrue(r.out().contains("$.EmailClientConfig.Bogus"), r.out());
    assertTrue(r.out().contains("$.SyslogServers[0].Port"), r.out());
    assertTrue(r.out().contains("$.EventSubscribers[0].EmailAddress"), r.out());
    assertTrue(r.out().contains("$.EventSubscribers[0].Enabled"), r.out());
    assertTrue(r.err().contains("5 problem(s)"), r.err());
  }

  @Test
  void validate_settingTheTransportRefuses_isReported() throws Exception {
    Path f =
        Receivers.write(
            dir,
            "auth.json",
            """
        { "EmailClientConfig": { "ServerAddress": "mail.example.com", "SenderEmail": "a@example.com",
            "RequireUserAuthentication": true } }
        """);
    CliRun r = CliRun.run("validate", "--config", f.toString());
    assertEquals(2, r.exitCode(), r.out());
    assertTrue(r.out().contains("ServiceAccountName"), r.out());
  }

  @Test
  void validate_json_listsProblemsWithPathAndMessage() throws Exception {
    Path f = Receivers.write(dir, "p.json", "{ \"EmailClientConfig\": { \"PortNumber\": 0 } }");
    CliRun r = CliRun.run("validate", "--config", f.toString(), "--json");
    assertEquals(2, r.exitCode());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals(false, doc.get("valid").booleanValue());
    assertEquals("$.EmailClientConfig.PortNumber", doc.get("problems").get(0).get("path").asText());
  }

  @Test
  void validate_everyDocumentedExample_asDocumented() throws Exception {
    Path docs = Path.of("..", "docs", "examples");
    try (var files = java.nio.file.Files.list(docs)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        CliRun r = CliRun.run("validate", "--config", f.toString());
        String name = f.getFileName().toString();
        if (name.startsWith("invalid-five-problems")) {
          assertEquals(2, r.exitCode(), f + ": " + r.out());
          assertEquals(5, r.out().lines().count(), r.out());
        } else {
          assertEquals(0, r.exitCode(), f + ": " + r.out() + r.err());
        }
      }
    }
  }

  @Test
  void validate_pastedSyslogServerWithVerifyFalse_warnsNamingServerAndPath() throws Exception {
    Path f =
        Receivers.write(
            dir,
            "pasted.json",
            """
        {
          "SyslogServers": [
            { "Id": 1, "Name": "siem", "NetworkAddress": "10.0.0.1", "Protocol": "Tcp",
              "UseSslEncryption": true, "VerifySslCertificate": true },
            { "Id": 2, "Name": "pasted-siem", "NetworkAddress": "10.0.0.2", "Protocol": "Tcp",
              "UseSslEncryption": true, "VerifySslCertificate": false },
            { "Id": 3, "Name": "lab", "NetworkAddress": "10.0.0.3", "Protocol": "Tcp",
              "UseSslEncryption": true, "VerifySslCertificate": false,
              "TrustAllCertificatesInsecurely": true }
          ]
        }
        """);
    CliRun r = CliRun.run("validate", "--config", f.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "warning: $.SyslogServers[1].VerifySslCertificate: syslog server 'pasted-siem':"
                    + " false means trust-all TLS on the appliance; pamkit still verifies"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "warning: $.SyslogServers[2].VerifySslCertificate: syslog server 'lab' trusts"
                    + " every certificate"),
        r.out());
    assertTrue(!r.out().contains("SyslogServers[0]"), r.out());
    assertTrue(r.out().contains("valid (0 subscriber(s), 3 syslog server(s)"), r.out());

    CliRun j = CliRun.run("validate", "--config", f.toString(), "--json");
    JsonNode doc = new ObjectMapper().readTree(j.out());
    assertTrue(doc.get("valid").asBoolean());
    assertEquals(2, doc.get("warnings").size());
    assertEquals(
        "$.SyslogServers[1].VerifySslCertificate", doc.get("warnings").get(0).get("path").asText());
  }

  @Test
  void validate_subscriberOwnTlsDestinationWithVerifyFalse_warnsItIsTrustAll() throws Exception {
    Path f =
        Receivers.write(
            dir,
            "subscriber.json",
            """
        { "EventSubscribers": [
            { "Type": "Syslog", "Subscriptions": [ { "Name": "PasswordChangeFailed" } ],
              "SyslogProperties": { "NetworkAddress": "10.0.0.9", "Protocol": "Tcp",
                "UseSslEncryption": true, "VerifySslCertificate": true } },
            { "Type": "Syslog", "Subscriptions": [ { "Name": "PasswordChangeFailed" } ],
              "SyslogProperties": { "NetworkAddress": "10.0.0.8", "Protocol": "Tcp",
                "UseSslEncryption": true, "VerifySslCertificate": false } } ] }
        """);
    CliRun r = CliRun.run("validate", "--config", f.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "warning: $.EventSubscribers[1].SyslogProperties.VerifySslCertificate: syslog"
                    + " destination '10.0.0.8' trusts every certificate"),
        r.out());
    assertTrue(!r.out().contains("EventSubscribers[0]"), r.out());
  }

  @Test
  void validate_emailSettingsWithVerifyFalse_warnNamingProviderAndPath() throws Exception {
    Path f =
        Receivers.write(
            dir,
            "email.json",
            """
        {
          "EmailClientConfig": { "ServerAddress": "mail.example.com",
            "SenderEmail": "pam@example.com", "VerifySslCertificate": false },
          "EmailProviders": [
            { "Type": "Ews", "Name": "exchange", "Priority": 0,
              "ServiceUrl": "https://mail.example.com/EWS/Exchange.asmx",
              "Mailbox": "pam@example.com", "UserName": "svc-pam", "Password": "replace-me",
              "VerifySslCertificate": false },
            { "Type": "Smtp", "Name": "lab-relay", "Priority": 10,
              "ServerAddress": "relay.example.com", "SenderEmail": "pam@example.com",
              "VerifySslCertificate": false, "TrustAllCertificatesInsecurely": true },
            { "Type": "Smtp", "Name": "relay", "Priority": 20,
              "ServerAddress": "relay2.example.com", "SenderEmail": "pam@example.com",
              "VerifySslCertificate": true },
            { "Type": "SendGrid", "Name": "sendgrid", "Priority": 30, "ApiKey": "SG.replace-me",
              "SenderEmail": "pam@example.com", "VerifySslCertificate": false } ]
        }
        """);
    CliRun r = CliRun.run("validate", "--config", f.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "warning: $.EmailClientConfig.VerifySslCertificate: SMTP server"
                    + " 'mail.example.com': false means trust-all TLS on the appliance; pamkit"
                    + " still verifies"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "warning: $.EmailProviders[0].VerifySslCertificate: email provider 'exchange'"
                    + " (Type Ews): false means trust-all TLS on the appliance; pamkit still"
                    + " verifies the certificate and host name. To accept any certificate add"
                    + " \"TrustAllCertificatesInsecurely\": true to this entry"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "warning: $.EmailProviders[1].VerifySslCertificate: email provider 'lab-relay'"
                    + " (Type Smtp) trusts every certificate (TrustAllCertificatesInsecurely is"
                    + " true)"),
        r.out());
    assertTrue(!r.out().contains("EmailProviders[2]"), r.out());
    assertTrue(
        r.out()
            .contains(
                "warning: $.EmailProviders[3].VerifySslCertificate: email provider 'sendgrid'"
                    + " (Type SendGrid): false means trust-all TLS on the appliance"),
        r.out());
    assertTrue(!r.out().contains("SG.replace-me"), r.out());
    assertTrue(!r.out().contains("replace-me"), r.out());

    CliRun j = CliRun.run("validate", "--config", f.toString(), "--json");
    JsonNode doc = new ObjectMapper().readTree(j.out());
    assertTrue(doc.get("valid").asBoolean(), j.out());
    assertEquals(4, doc.get("warnings").size(), j.out());
    assertEquals(
        "$.EmailProviders[0].VerifySslCertificate",
        doc.get("warnings").get(1).get("path").asText());
  }

  @Test
  void validate_emailTrustAllWithoutVerifyFalse_isAProblem() throws Exception {
    Path f =
        Receivers.write(
            dir,
            "email-contradiction.json",
            """
        { "EmailClientConfig": { "ServerAddress": "mail.example.com",
            "SenderEmail": "pam@example.com", "TrustAllCertificatesInsecurely": true } }
        """);
    CliRun r = CliRun.run("validate", "--config", f.toString());
    assertEquals(2, r.exitCode(), r.out());
    assertTrue(r.out().contains("$.EmailClientConfig.TrustAllCertificatesInsecurely"), r.out());
    assertTrue(r.out().contains("is only valid when VerifySslCertificate is false"), r.out());
  }

  @Test
  void validate_trustAllWithoutVerifyFalse_isAProblem() throws Exception {
    Path f =
        Receivers.write(
            dir,
            "contradiction.json",
            """
        { "SyslogServers": [ { "Name": "s", "NetworkAddress": "10.0.0.1",
            "TrustAllCertificatesInsecurely": true } ] }
        """);
    CliRun r = CliRun.run("validate", "--config", f.toString());
    assertEquals(2, r.exitCode(), r.out());
    assertTrue(r.out().contains("TrustAllCertificatesInsecurely"), r.out());
    assertTrue(r.out().contains("is only valid when VerifySslCertificate is false"), r.out());
  }

  @Test
  void validate_withoutConfigOption_exits2() {
    CliRun r = CliRun.run("validate");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("--config"), r.err());
  }
}
