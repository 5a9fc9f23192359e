// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.pamkit.testing.SyslogReceiver;
import io.pamkit.testing.TestCertificates;
import io.pamkit.testing.TrapReceiver;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SendCommandTest {
  @TempDir Path dir;
  private Receivers receivers;

  @BeforeEach
  void start() throws Exception {
    receivers = Receivers.start();
  }

  @AfterEach
  void stop() {
    receivers.close();
  }

  private CliRun send(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "send";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.run(env, all);
  }

  @Test
  void syslogTcp_cefLocal4_arrivesAsCefWithTheFacility() throws Exception {
    int port = receivers.syslog().tcpPort();
    CliRun r =
        send(
            Map.of(),
            "--to",
            "syslog+tcp://127.0.0.1:" + port + "?facility=local4&format=cef",
            "--type",
            "PasswordChangeFailed",
            "--property",
            "AssetName=db1");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("delivered"), r.out());
    String line = receivers.awaitSyslog(1).get(0);
    // local4 (20) * 8 + error (3): the catalog's level of PasswordChangeFailed
    assertTrue(line.startsWith("<163>1 "), line);
    assertTrue(line.contains("CEF:0|"), line);
    assertTrue(line.contains("AssetName=db1"), line);
  }

  @Test
  void syslogUdp_rfc3164_arrivesInTheLegacyFormat() throws Exception {
    int port = receivers.syslog().udpPort();
    CliRun r =
        send(
            Map.of(),
            "--to",
            "syslog+udp://127.0.0.1:" + port + "?rfc=3164",
            "--type",
            "UserLockedOut");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    String line = receivers.awaitSyslog(1).get(0);
    assertTrue(line.matches("<\\d+>[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d .*"), line);
    assertTrue(line.contains("UserLockedOut"), line);
  }

  @Test
  void syslogTls_trustedWithCaCert_delivered_untrusted_deadLettered() throws Exception {
    TestCertificates certs = TestCertificates.create();
    try (SyslogReceiver tls = SyslogReceiver.builder().tls(certs.serverContext()).start()) {
      Path ca = Receivers.write(dir, "ca.pem", certs.authority().certificatePem());
      String url = "syslog+tls://localhost:" + tls.port() + "?format=json";
      CliRun r =
          send(Map.of(), "--to", url, "--type", "PasswordChangeFailed", "--ca-cert", ca.toString());
      assertEquals(0, r.exitCode(), r.out() + r.err());
      assertTrue(
          tls.awaitMessages(1, Duration.ofSeconds(20))
              .get(0)
              .contains("\"EventName\":\"PasswordChangeFailed\""));

      CliRun untrusted =
          send(Map.of(), "--to", url, "--type", "PasswordChangeFailed", "--wait", "30");
      assertEquals(1, untrusted.exitCode(), untrusted.out());
      assertTrue(untrusted.out().contains("dead-lettered"), untrusted.out());
    }
  }

  @Test
  void mailto_viaGreenMail_deliveredToTheRecipient() throws Exception {
    CliRun r =
        send(
            Map.of(),
            "--to",
            "mailto://ops@example.com?via=127.0.0.1:"
                + receivers.smtpPort()
                + "&tls=none&from=vault@example.com",
            "--type",
            "PasswordChangeFailed",
            "--property",
            "AssetName=db1");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    MimeMessage m = receivers.awaitEmails(1).get(0);
    assertEquals("ops@example.com", m.getAllRecipients()[0].toString());
    assertEquals("vault@example.com", m.getFrom()[0].toString());
    assertEquals("PasswordChangeFailed", m.getHeader("X-Pamkit-Event")[0]);
  }

  @Test
  void mailto_opaqueFormWithTwoRecipients_oneEmailEach() throws Exception {
    CliRun r =
        send(
            Map.of(),
            "--to",
            "mailto:a@example.com?to=b@example.com&via=127.0.0.1:"
                + receivers.smtpPort()
                + "&tls=none",
            "--type",
            "UserLockedOut",
            "--json");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertEquals(2, d.get("delivered").asInt());
    assertEquals(2, receivers.awaitEmails(2).size());
  }

  @Test
  void mailto_passwordInTheUrl_refusedWithoutEchoingIt() {
    CliRun r =
        send(
            Map.of(),
            "--to",
            "mailto://ops:Hunter2-secret@example.com?via=smtp.example",
            "--type",
            "PasswordChangeFailed");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("pamkit: "), r.err());
    assertTrue(r.err().contains("PAMKIT_SMTP_PASSWORD"), r.err());
    assertFalse(r.err().contains("Hunter2"), r.err());
    assertFalse(r.out().contains("Hunter2"), r.out());
  }

  @Test
  void mailto_passwordParameter_refusedWithoutEchoingIt() {
    CliRun r =
        send(
            Map.of(),
            "--to",
            "mailto://ops@example.com?via=smtp.example&password=Hunter2",
            "--type",
            "PasswordChangeFailed");
    assertEquals(2, r.exitCode());
    assertFalse(r.err().contains("Hunter2"), r.err());
    assertTrue(r.err().contains("password=***"), r.err());
  }

  @Test
  void mailto_userWithoutPasswordVariable_namesTheVariable() {
    CliRun r =
        send(
            Map.of(),
            "--to",
            "mailto://ops@example.com?via=smtp.example&user=svc",
            "--type",
            "PasswordChangeFailed");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("set PAMKIT_SMTP_PASSWORD"), r.err());
  }

  @Test
  void dryRun_userFromEnvironment_printsTheDocumentWithTheSecretMasked() throws Exception {
    CliRun r =
        send(
            Map.of("PAMKIT_SMTP_PASSWORD", "Sm7p-secret"),
            "--to",
            "mailto://ops@example.com?via=smtp.example.com:587&user=svc",
            "--type",
            "PasswordChangeFailed",
            "--dry-run");
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.out().contains("Sm7p-secret"), r.out());
    JsonNode d = new ObjectMapper().readTree(r.out());
    JsonNode smtp = d.get("EmailClientConfig");
    assertEquals("smtp.example.com", smtp.get("ServerAddress").asText());
    assertEquals(587, smtp.get("PortNumber").asInt());
    assertTrue(smtp.get("RequireTlsFlag").booleanValue(), "tls=required is the default");
    assertEquals("svc", smtp.get("ConnectionProperties").get("ServiceAccountName").asText());
    assertEquals("ops@example.com", d.get("EventSubscribers").get(0).get("EmailAddress").asText());
  }

  @Test
  void snmpV2c_trapArrives() throws Exception {
    CliRun r =
        send(
            Map.of(),
            "--to",
            "snmp://127.0.0.1:" + receivers.trapPort() + "?community=public",
            "--type",
            "PasswordChangeFailed",
            "--property",
            "AssetName=db1");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    String trap = receivers.awaitTraps(1).get(0);
    assertTrue(trap.contains("PasswordChangeFailed"), trap);
    assertFalse(r.out().contains("community=public"), "the community is masked: " + r.out());
  }

  @Test
  void snmpV3_authPrivFromTheEnvironment_decodedByTheStation() throws Exception {
    try (TrapReceiver station = Receivers.v3Station()) {
      CliRun r =
          send(
              Map.of("PAMKIT_SNMP_AUTH", "auth-pass-1", "PAMKIT_SNMP_PRIV", "priv-pass-1"),
              "--to",
              "snmp://noc@127.0.0.1:" + station.port() + "?auth=sha256&priv=aes128",
              "--type",
              "PasswordChangeFailed");
      assertEquals(0, r.exitCode(), r.out() + r.err());
      List<TrapReceiver.Trap> traps = station.awaitTraps(1, Duration.ofSeconds(20));
      assertTrue(traps.get(0).text().contains("PasswordChangeFailed"), traps.get(0).text());
    }
  }

  @Test
  void sendGrid_keyFromEnvironment_postedToTheEndpoint() throws Exception {
    TestCertificates certs = TestCertificates.create();
    List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    List<String> auth = new CopyOnWriteArrayList<>();
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(certs.serverContext()));
    server.createContext(
        "/v3/mail/send",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            bodies.add(new ObjectMapper().readTree(in));
          }
          auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
          exchange.getResponseHeaders().add("X-Message-Id", "sg-1");
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
        });
    server.start();
    try {
      Path ca = Receivers.write(dir, "ca.pem", certs.authority().certificatePem());
      CliRun r =
          send(
              Map.of("PAMKIT_SENDGRID_API_KEY", "SG.test-key"),
              "--to",
              "sendgrid://?to=ops@example.com&from=vault@example.com&endpoint=https://localhost:"
                  + server.getAddress().getPort(),
              "--type",
              "PasswordChangeFailed",
              "--ca-cert",
              ca.toString());
      assertEquals(0, r.exitCode(), r.out() + r.err());
      assertEquals("Bearer SG.test-key", auth.get(0));
      assertEquals(
          "ops@example.com",
          bodies.get(0).get("personalizations").get(0).get("to").get(0).get("email").asText());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void threeTargets_oneRun_eachReceiverGetsTheEvent() throws Exception {
    CliRun r =
        send(
            Map.of(),
            "--to",
            "syslog+udp://127.0.0.1:" + receivers.syslog().udpPort() + "?facility=local0",
            "--to",
            "mailto://ops@example.com?via=127.0.0.1:" + receivers.smtpPort() + "&tls=none",
            "--to",
            "snmp://127.0.0.1:" + receivers.trapPort(),
            "--type",
            "PasswordChangeFailed",
            "--json");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertEquals(3, d.get("delivered").asInt());
    for (JsonNode t : d.get("targets")) {
      assertEquals("delivered", t.get("status").asText(), t.toString());
    }
    assertEquals(1, receivers.awaitSyslog(1).size());
    assertEquals(1, receivers.awaitEmails(1).size());
    assertEquals(1, receivers.awaitTraps(1).size());
  }

  @Test
  void badInput_unknownSchemeOrFacilityOrType_exit2NamingTheTarget() {
    CliRun scheme = send(Map.of(), "--to", "rsyslog://siem", "--type", "PasswordChangeFailed");
    assertEquals(2, scheme.exitCode());
    assertTrue(scheme.err().contains("unknown scheme 'rsyslog'"), scheme.err());
    assertTrue(scheme.err().contains("syslog+tcp"), scheme.err());

    CliRun facility =
        send(
            Map.of(),
            "--to",
            "syslog+tcp://siem?facility=local9",
            "--type",
            "PasswordChangeFailed");
    assertEquals(2, facility.exitCode());
    assertTrue(facility.err().contains("facility=local9 is not one of"), facility.err());

    CliRun param =
        send(Map.of(), "--to", "syslog+tcp://siem?fromat=cef", "--type", "PasswordChangeFailed");
    assertEquals(2, param.exitCode());
    assertTrue(param.err().contains("no parameter 'fromat'"), param.err());

    CliRun type = send(Map.of(), "--to", "syslog+tcp://siem", "--type", "PasswordChangeFialed");
    assertEquals(2, type.exitCode());
    assertTrue(type.err().contains("--type"), type.err());

    CliRun twoServers =
        send(
            Map.of(),
            "--to",
            "mailto://a@example.com?via=one.example",
            "--to",
            "mailto://b@example.com?via=two.example",
            "--type",
            "PasswordChangeFailed");
    assertEquals(2, twoServers.exitCode());
    assertTrue(twoServers.err().contains("same server"), twoServers.err());
  }
}
