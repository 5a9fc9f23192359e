// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.FileOutbox;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.examples.demo.DemoCommand;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PublishCommandTest {
  @TempDir Path dir;
  private Receivers receivers;
  private Path config;

  @BeforeEach
  void start() throws Exception {
    receivers = Receivers.start();
    config = receivers.writeConfig(dir);
  }

  @AfterEach
  void stop() {
    receivers.close();
  }

  @Test
  void publish_threeEvents_everyNotificationDeliveredAndCounted() throws Exception {
    CliRun r =
        CliRun.run(
            "publish",
            "--config",
            config.toString(),
            "--type",
            "PasswordChangeFailed",
            "--property",
            "AssetName=db1",
            "--count",
            "3");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "PasswordChangeFailed: 3 event(s), 12 notification(s): 12"
                    + " delivered (3 acknowledged by the peer, 9 sent unverified), 0 dead-lettered"),
        r.out());
    assertEquals(3, receivers.awaitEmails(3).size());
    List<String> lines = receivers.awaitSyslog(6);
    assertEquals(6, lines.size());
    assertTrue(lines.stream().allMatch(l -> l.contains("AssetName=")), lines.toString());
    assertEquals(3, receivers.awaitTraps(3).size());
  }

  @Test
  void publish_json_printsCounts() throws Exception {
    CliRun r =
        CliRun.run(
            "publish", "--config", config.toString(), "--type", "AccessRequestApproved", "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertEquals(2, d.get("notifications").asInt());
    assertEquals(2, d.get("delivered").asInt());
    assertEquals(
        d.get("delivered").asInt(),
        d.get("acknowledged").asInt() + d.get("sentUnverified").asInt(),
        d.toString());
    assertEquals(0, d.get("deadLettered").asInt());
  }

  @Test
  void publish_receiverDown_deadLettersWithReasonAndExits1() throws Exception {
    Path down =
        Receivers.write(
            dir,
            "down.json",
            DemoCommand.patchPorts(
                DemoCommand.bundledDocument(), receivers.smtpPort(), 1, 2, receivers.trapPort()));
    CliRun r =
        CliRun.run("publish", "--config", down.toString(), "--type", "AccessRequestApproved");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.out().contains(" delivered (1 "), r.out());
    assertTrue(r.out().contains("), 1 dead-lettered"), r.out());
    assertTrue(r.out().contains("dead letter: subscriber 2 (Syslog)"), r.out());
  }

  @Test
  void publish_withOutbox_resumesWhatACrashLeftUndelivered() throws Exception {
    Path journal = dir.resolve("outbox.jsonl");
    Subscriber email = PamkitConfig.read(config).eventSubscribers().get(0);
    try (FileOutbox box = FileOutbox.open(journal)) {
      box.append(
          Notification.of(
              ApplianceEvent.builder("PasswordChangeFailed")
                  .applianceId("SPP-1")
                  .property("AssetName", "before-the-crash")
                  .build(),
              email));
    }
    CliRun r =
        CliRun.run(
            "publish",
            "--config",
            config.toString(),
            "--type",
            "AccessRequestApproved",
            "--outbox",
            journal.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("1 undelivered notification(s) resumed"), r.out());
    List<MimeMessage> mails = receivers.awaitEmails(2);
    assertEquals(2, mails.size());
    assertTrue(
        mails.stream()
            .anyMatch(
                m -> {
                  try {
                    return m.getSubject().contains("PasswordChangeFailed");
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                }));
    CliRun again =
        CliRun.run(
            "publish",
            "--config",
            config.toString(),
            "--type",
            "AccessRequestApproved",
            "--count",
            "0",
            "--outbox",
            journal.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("0 undelivered notification(s) resumed"), again.out());
  }

  @Test
  void publish_emailProviders_failOverToTheNextProvider() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Path doc =
        Receivers.write(
            dir,
            "providers.json",
            """
        {
          "EmailProviders": [
            { "Type": "Smtp", "Name": "primary-relay", "Priority": 0, "ServerAddress": "127.0.0.1",
              "PortNumber": %d, "SenderEmail": "vault@example.com", "RequireTlsFlag": false },
            { "Type": "Smtp", "Name": "backup-relay", "Priority": 10, "ServerAddress": "127.0.0.1",
              "PortNumber": %d, "SenderEmail": "vault@example.com", "RequireTlsFlag": false }
          ],
          "EventSubscribers": [
            { "Id": 1, "Type": "Email", "Description": "Security team",
              "EmailAddress": "security@example.com", "Subscriptions": ["PasswordChangeFailed"] }
          ]
        }
        """
                .formatted(closed, receivers.smtpPort()));
    CliRun r = CliRun.run("publish", "--config", doc.toString(), "--type", "PasswordChangeFailed");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("1 notification(s): 1 delivered"), r.out());
    assertEquals(1, receivers.awaitEmails(1).size());
  }

  @Test
  void publish_countZeroWithoutOutbox_exits2() {
    CliRun r =
        CliRun.run("publish", "--config", config.toString(), "--type", "Test", "--count", "0");
    assertEquals(2, r.exitCode());
  }

  @Test
  void publish_unknownEventType_exits2WithOneLine() {
    CliRun r = CliRun.run("publish", "--config", config.toString(), "--type", "NoSuchEvent");
    assertEquals(2, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("NoSuchEvent"), r.err());
    assertEquals(0, receivers.emails().size());
  }

  @Test
  void publish_missingFile_exits2() {
    CliRun r =
        CliRun.run("publish", "--config", dir.resolve("x.json").toString(), "--type", "Test");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("no such file"), r.err());
  }

  @Test
  void publish_malformedJson_exits2WithOneLine() throws Exception {
    Path bad = Receivers.write(dir, "bad.json", "[1, 2");
    CliRun r = CliRun.run("publish", "--config", bad.toString(), "--type", "Test");
    assertEquals(2, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("not valid JSON"), r.err());
  }

  @Test
  void publish_badProperty_exits2() {
    CliRun r =
        CliRun.run(
            "publish", "--config", config.toString(), "--type", "Test", "--property", "novalue");
    assertEquals(2, r.exitCode());
  }
}
