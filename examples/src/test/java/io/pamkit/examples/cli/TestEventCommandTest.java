// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class TestEventCommandTest {
  @RegisterExtension final CliFixture cli = CliFixture.withReceivers();

  @Test
  void testEvent_everySubscriber_eachReceiverGetsTheTestEvent() throws Exception {
    CliRun r = cli.withConfig("test-event");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("1 Email 'Security team': delivered via Email"), r.out());
    List<MimeMessage> mails = cli.receivers().awaitEmails(1);
    assertEquals(1, mails.size());
    assertTrue(mails.get(0).getSubject().contains("Test"), mails.get(0).getSubject());
    List<String> lines = cli.receivers().awaitSyslog(2);
    assertEquals(2, lines.size());
    assertTrue(lines.stream().allMatch(l -> l.contains(" Test ")), lines.toString());
    assertEquals(1, cli.receivers().awaitTraps(1).size());
  }

  @Test
  void testEvent_oneSubscriberByDescription_onlyItReceives() throws Exception {
    CliRun r =
        cli.withConfig("test-event", "--subscriber", "Operations (RFC 5424 over UDP)", "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertEquals(1, d.get("sent").asInt());
    assertEquals(3, d.get("subscribers").get(0).get("id").asInt());
    assertEquals(1, cli.receivers().awaitSyslog(1).size());
    assertEquals(0, cli.receivers().emails().size());
  }

  @Test
  void testEvent_byId_deliversToThatSubscriber() throws Exception {
    CliRun r = cli.withConfig("test-event", "--subscriber", "1");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(1, cli.receivers().awaitEmails(1).size());
  }

  @Test
  void testEvent_unknownSubscriber_exits2WithOneLineListingKnownOnes() {
    CliRun r = cli.withConfig("test-event", "--subscriber", "nobody");
    assertEquals(2, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("unknown subscriber 'nobody'"), r.err());
    assertTrue(r.err().contains("1 'Security team'"), r.err());
  }

  @Test
  void testEvent_receiverDown_reportsFailureAndExits1() throws Exception {
    Path down = cli.configWithSyslogDown();
    CliRun r = CliRun.withConfig(down, "test-event", "--subscriber", "2");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.out().contains("FAILED"), r.out());
  }

  @Test
  void testEvent_missingFile_exits2() {
    CliRun r = CliRun.withConfig(cli.dir().resolve("none.json"), "test-event");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("no such file"), r.err());
  }

  @Test
  void testEvent_malformedJson_exits2() throws Exception {
    Path bad = cli.write("bad.json", "{\"EventSubscribers\": [}");
    CliRun r = CliRun.withConfig(bad, "test-event");
    assertEquals(2, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
  }
}
