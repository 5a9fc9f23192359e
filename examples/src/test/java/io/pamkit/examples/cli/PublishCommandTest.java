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
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class PublishCommandTest {
  @RegisterExtension final CliFixture cli = CliFixture.withReceivers();

  private CliRun publish(String type, String... more) {
    return CliRun.publish(cli.config(), type, more);
  }

  @Test
  void publish_threeEvents_everyNotificationDeliveredAndCounted() throws Exception {
    CliRun r = publish("PasswordChangeFailed", "--property", "AssetName=db1", "--count", "3");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "PasswordChangeFailed: 3 event(s), 12 notification(s): 12"
                    + " delivered (3 acknowledged by the peer, 9 sent unverified), 0 dead-lettered"),
        r.out());
    assertEquals(3, cli.receivers().awaitEmails(3).size());
    List<String> lines = cli.receivers().awaitSyslog(6);
    assertEquals(6, lines.size());
    assertTrue(lines.stream().allMatch(l -> l.contains("AssetName=")), lines.toString());
    assertEquals(3, cli.receivers().awaitTraps(3).size());
  }

  @Test
  void publish_json_printsCounts() throws Exception {
    CliRun r = publish("AccessRequestApproved", "--json");
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
    Path down = cli.configWithSyslogDown();
    CliRun r = CliRun.publish(down, "AccessRequestApproved");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.out().contains(" delivered (1 "), r.out());
    assertTrue(r.out().contains("), 1 dead-lettered"), r.out());
    assertTrue(r.out().contains("dead letter: subscriber 2 (Syslog)"), r.out());
  }

  @Test
  void publish_withOutbox_resumesWhatACrashLeftUndelivered() throws Exception {
    Path journal = cli.dir().resolve("outbox.jsonl");
    Subscriber email = PamkitConfig.read(cli.config()).eventSubscribers().get(0);
    try (FileOutbox box = FileOutbox.open(journal)) {
      box.append(
          Notification.of(
              ApplianceEvent.builder("PasswordChangeFailed")
                  .applianceId("SPP-1")
                  .property("AssetName", "before-the-crash")
                  .build(),
              email));
    }
    CliRun r = publish("AccessRequestApproved", "--outbox", journal.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("1 undelivered notification(s) resumed"), r.out());
    List<MimeMessage> mails = cli.receivers().awaitEmails(2);
    assertEquals(2, mails.size());
    assertTrue(mails.stream().anyMatch(m -> subject(m).contains("PasswordChangeFailed")));
    CliRun again = publish("AccessRequestApproved", "--count", "0", "--outbox", journal.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("0 undelivered notification(s) resumed"), again.out());
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Two SMTP providers, the first on a closed port, and a syslog subscriber of the catalog's
   * EmailNotificationFailed (issue 16: the CLI never published it).
   */
  private Path failoverDocument() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    return cli.write(
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
              "EmailAddress": "security@example.com", "Subscriptions": ["PasswordChangeFailed"] },
            { "Id": 2, "Type": "Syslog", "Description": "Mail alerts",
              "SyslogProperties": {"NetworkAddress": "127.0.0.1", "Port": %d, "Protocol": "Udp"},
              "Subscriptions": ["EmailNotificationFailed"] }
          ]
        }
        """
            .formatted(closed, cli.receivers().smtpPort(), cli.receivers().syslog().udpPort()));
  }

  @Test
  void publish_emailProviders_failOverToTheNextProviderAndRaiseEmailNotificationFailed()
      throws Exception {
    CliRun r = CliRun.publish(failoverDocument(), "PasswordChangeFailed");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    // the email, then the alert the failover raised, both waited for before the counts
    assertTrue(r.out().contains("1 event(s), 2 notification(s): 2 delivered"), r.out());
    assertEquals(1, cli.receivers().awaitEmails(1).size());
    String alert = cli.receivers().awaitSyslog(1).get(0);
    assertTrue(alert.contains("EmailNotificationFailed"), alert);
    assertTrue(alert.contains("FailedProviders=\"primary-relay\""), alert);
    assertTrue(alert.contains("DeliveredBy=\"backup-relay\""), alert);
    assertTrue(alert.contains("EventName=\"PasswordChangeFailed\""), alert);
  }

  @Test
  void publish_countZeroWithoutOutbox_exits2() {
    assertEquals(2, publish("Test", "--count", "0").exitCode());
  }

  @Test
  void publish_unknownEventType_exits2WithOneLine() {
    CliRun r = publish("NoSuchEvent");
    assertEquals(2, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("NoSuchEvent"), r.err());
    assertEquals(0, cli.receivers().emails().size());
  }

  @Test
  void publish_missingFile_exits2() {
    CliRun r = CliRun.publish(cli.dir().resolve("x.json"), "Test");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("no such file"), r.err());
  }

  @Test
  void publish_malformedJson_exits2WithOneLine() throws Exception {
    CliRun r = CliRun.publish(cli.write("bad.json", "[1, 2"), "Test");
    assertEquals(2, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("not valid JSON"), r.err());
  }

  @Test
  void publish_badProperty_exits2() {
    assertEquals(2, publish("Test", "--property", "novalue").exitCode());
  }
}
