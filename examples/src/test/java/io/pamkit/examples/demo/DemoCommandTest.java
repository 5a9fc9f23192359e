// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.examples.cli.CliRun;
import org.junit.jupiter.api.Test;

final class DemoCommandTest {

  @Test
  void demo_inProcess_everyReceiverGetsItsMessagesAndExitsZero() {
    CliRun r = CliRun.run("demo");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    String out = r.out();
    assertTrue(out.contains("SMTP server (GreenMail) received 3 email(s)"), out);
    assertTrue(out.contains("subject: [Error] PasswordChangeFailed"), out);
    assertTrue(out.contains("X-Pamkit-Event: ServicesConfigUpdated"), out);
    assertTrue(out.contains("Syslog receiver received 7 message(s)"), out);
    assertTrue(out.contains("CEF:0|pamkit|pamkit|"), out);
    assertTrue(
        out.contains("ServiceName=\"PasswordChangeEnabled\" OldValue=\"true\" NewValue=\"false\""),
        out);
    assertTrue(out.contains("SNMP trap receiver (snmp4j) received 2 trap(s)"), out);
    assertTrue(out.contains("1.3.6.1.6.3.1.1.4.1.0 = 1.3.6.1.4.1.32473"), out);
    assertTrue(out.contains("[snmpTrapOID.0 = pamkitEventAlarm]"), out);
    assertTrue(out.contains("= PasswordChangeFailed   [pamkitEventName.0]"), out);
    assertTrue(out.contains("Audit Log Stream Service before the link: refused"), out);
    assertTrue(out.contains("Linked session cluster node sps-demo-node-1 as connection 1"), out);
    assertTrue(out.contains("Audit Log Stream Service after the link: on"), out);
    assertTrue(out.contains("every receiver got what was sent"), out);
  }

  @Test
  void demo_json_isOneDocumentWithEveryReceiver() throws Exception {
    CliRun r = CliRun.run("demo", "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertTrue(doc.get("ok").booleanValue());
    assertEquals(3, doc.get("email").size());
    assertEquals(7, doc.get("syslog").size());
    assertEquals(2, doc.get("traps").size());
    assertTrue(doc.get("link").size() >= 4);
  }

  @Test
  void bundledDocument_isAValidConfigurationDocument() {
    PamkitConfig config = PamkitConfig.parse(DemoCommand.bundledDocument());
    assertEquals(4, config.eventSubscribers().size());
    assertEquals(1, io.pamkit.examples.cli.Integration.syslogServerCount(config));
    assertEquals(1, config.snmpDestinations().size());
  }

  @Test
  void patchPorts_setsSmtpAndSyslogPorts() throws Exception {
    PamkitConfig config =
        PamkitConfig.parse(
            DemoCommand.patchPorts(DemoCommand.bundledDocument(), 2526, 20001, 20002, 20003));
    assertEquals(2526, io.pamkit.examples.cli.Integration.smtpSettings(config).port());
    assertEquals(20001, config.sections().get("SyslogServers").get(0).get("Port").intValue());
    assertEquals(20002, config.eventSubscribers().get(2).syslogProperties().orElseThrow().port());
    assertEquals(20003, config.eventSubscribers().get(3).snmpProperties().orElseThrow().port());
  }

  @Test
  void help_listsKeepRunning() {
    CliRun r = CliRun.run("demo", "--help");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("--keep-running"), r.out());
  }
}
