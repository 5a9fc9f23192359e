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
import org.junit.jupiter.api.extension.RegisterExtension;

final class TestEmailCommandTest {
  @RegisterExtension final CliFixture cli = CliFixture.withReceivers();

  @Test
  void testEmail_reachableServer_sentThroughItsAddress() throws Exception {
    CliRun r = CliRun.testEmail(cli.config(), "--timeout", "10");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("127.0.0.1"), r.out());
    assertTrue(r.out().contains("SENT"), r.out());
    assertEquals(
        "ops@example.com", cli.receivers().awaitEmails(1).get(0).getAllRecipients()[0].toString());
  }

  @Test
  void testEmail_json_listsEachAddress() throws Exception {
    CliRun r = CliRun.testEmail(cli.config(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertTrue(d.get("success").booleanValue());
    assertEquals("SENT", d.get("attempts").get(0).get("outcome").asText());
  }

  @Test
  void testEmail_serverDown_failsWithExit1() throws Exception {
    cli.receivers().close();
    CliRun r = CliRun.testEmail(cli.config(), "--timeout", "5");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.out().contains("FAILED") || r.out().contains("TIMED_OUT"), r.out());
  }

  @Test
  void testEmail_timeoutOutOfRange_exits2() {
    CliRun r = cli.withConfig("test-email", "--to", "a@example.com", "--timeout", "256");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("1..255"), r.err());
  }

  @Test
  void testEmail_emailDisabled_exits2() throws Exception {
    Path f = cli.write("noemail.json", "{ \"EmailClientConfig\": { } }");
    CliRun r = CliRun.withConfig(f, "test-email", "--to", "a@example.com");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("email is disabled"), r.err());
  }

  @Test
  void testEmail_missingFileAndMalformed_exit2() throws Exception {
    assertEquals(
        2,
        CliRun.withConfig(cli.dir().resolve("n.json"), "test-email", "--to", "a@example.com")
            .exitCode());
    Path bad = cli.write("bad.json", "nope");
    assertEquals(2, CliRun.withConfig(bad, "test-email", "--to", "a@example.com").exitCode());
    assertTrue(DemoCommand.bundledDocument().contains("EmailClientConfig"));
  }

  private static int closedPort() throws Exception {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private Path providers() throws Exception {
    int dead = closedPort();
    return cli.write(
        "providers.json",
        """
        {"EmailProviders": [
          {"Type": "Smtp", "Name": "relay", "Priority": 0, "ServerAddress": "[127.0.0.1]",
           "PortNumber": %1$d, "RequireTlsFlag": false, "SenderEmail": "pam@example.com"},
          {"Type": "SendGrid", "Name": "sendgrid", "Priority": 10, "ApiKey": "SG.test",
           "SenderEmail": "pam@example.com", "Endpoint": "https://127.0.0.1:%2$d"},
          {"Type": "Ews", "Name": "exchange", "Priority": 20,
           "ServiceUrl": "https://127.0.0.1:%2$d/EWS/Exchange.asmx",
           "Mailbox": "pam@example.com", "Authentication": "Ntlm", "UserName": "EXAMPLE\\\\pam",
           "Password": "pw"},
          {"Type": "Graph", "Name": "m365", "Priority": 30, "TenantId": "contoso.onmicrosoft.com",
           "ClientId": "app-1", "ClientSecret": "s3cret", "SenderEmail": "pam@contoso.com",
           "GraphHost": "https://127.0.0.1:%2$d", "AuthorityHost": "https://127.0.0.1:%2$d",
           "RequestTimeoutSeconds": 5}
        ]}
        """
            .formatted(cli.receivers().smtpPort(), dead));
  }

  @Test
  void testEmail_providerPicked_sentThroughThatProviderAlone() throws Exception {
    CliRun r = CliRun.testEmail(providers(), "--provider", "relay", "--timeout", "10");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("provider relay (Smtp): SENT"), r.out());
    assertTrue(!r.out().contains("sendgrid") && !r.out().contains("m365"), r.out());
    assertEquals(
        "ops@example.com", cli.receivers().awaitEmails(1).get(0).getAllRecipients()[0].toString());
  }

  @Test
  void testEmail_everyProviderKind_eachTriedAndReported() throws Exception {
    CliRun r = CliRun.testEmail(providers(), "--timeout", "10", "--json");
    assertEquals(1, r.exitCode(), r.out() + r.err());
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertEquals(4, d.get("providers").size(), r.out());
    java.util.Map<String, Boolean> ok = new java.util.HashMap<>();
    d.get("providers")
        .forEach(p -> ok.put(p.get("type").asText(), p.get("success").booleanValue()));
    // SMTP reaches the local server; the HTTPS providers' local endpoints refuse connections
    assertEquals(
        java.util.Map.of("Smtp", true, "SendGrid", false, "Ews", false, "Graph", false), ok);
    assertTrue(r.err().contains("3 of 4 email provider(s)"), r.err());
    assertTrue(!r.out().contains("s3cret") && !r.out().contains("SG.test"), r.out());
  }

  @Test
  void testEmail_unknownProvider_exits2NamingTheProviders() throws Exception {
    CliRun r = CliRun.testEmail(providers(), "--provider", "nope");
    assertEquals(2, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains("relay, sendgrid, exchange, m365"), r.err());
  }
}
