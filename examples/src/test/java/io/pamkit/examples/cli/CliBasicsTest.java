// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user typed in the first hour (shared/reviews/first-use.md), and what they get now. */
final class CliBasicsTest {
  @TempDir Path dir;

  private Path syslogConfig(int port) throws IOException {
    return Receivers.write(
        dir,
        "syslog.json",
        """
        {"EventSubscribers": [
          {"Id": 1, "Type": "Syslog", "Description": "SIEM",
           "SyslogProperties": {"NetworkAddress": "127.0.0.1", "Port": %d, "Protocol": "Tcp"},
           "Subscriptions": ["PasswordChangeFailed"]}]}
        """
            .formatted(port));
  }

  private static int closedPort() throws IOException {
    // the schema caps syslog ports at 32767, below the ephemeral range: find a free one there
    for (int port = 23000 + (int) (ProcessHandle.current().pid() % 5000); ; port++) {
      try (ServerSocket s = new ServerSocket(port)) {
        return s.getLocalPort();
      } catch (IOException inUse) {
        // try the next
      }
    }
  }

  @Test
  void noArguments_printsUsageOnStderr_exits2() {
    CliRun r = CliRun.run();
    assertEquals(2, r.exitCode());
    List<String> err = r.err().lines().toList();
    assertEquals(
        "pamkit: no command given; run 'pamkit help COMMAND' for one command's options",
        err.get(0));
    assertTrue(r.err().contains("Usage: pamkit"), r.err());
    assertTrue(r.err().contains("publish"), r.err());
    assertTrue(r.err().contains("events"), r.err());
  }

  @Test
  void help_withoutAndWithCommand_printsUsage_exits0() {
    CliRun all = CliRun.run("help");
    assertEquals(0, all.exitCode(), all.err());
    assertTrue(all.out().startsWith("Usage: pamkit"), all.out());
    CliRun one = CliRun.run("help", "publish");
    assertEquals(0, one.exitCode(), one.err());
    assertTrue(one.out().startsWith("Usage: pamkit publish"), one.out());
    assertTrue(one.out().contains("--type"), one.out());
  }

  @Test
  void help_noHardWrapArtefacts() {
    // "never LTS with\nfeature),\nand do they" and "--promote first\nmakes\nthe node"
    String versions = CliRun.run("link", "versions", "--help").out();
    assertTrue(versions.contains("never LTS with feature), and do they"), versions);
    String join = CliRun.run("link", "join", "--help").out();
    assertTrue(join.contains("--promote first makes the node"), join);
    assertTrue(join.contains("--appliance=https://HOST[:PORT]"), join);
  }

  @Test
  void unknownCommand_suggestsTheClosest() {
    CliRun r = CliRun.run("pubish");
    r.assertFailed(2, "pamkit: unknown command 'pubish' for 'pamkit'; did you mean 'publish'?");
    CliRun far = CliRun.run("frobnicate");
    assertEquals(
        "pamkit: unknown command 'frobnicate' for 'pamkit'; run 'pamkit help' for the"
            + " commands",
        far.errLines().get(0));
  }

  @Test
  void unknownOption_suggestsTheClosest_evenWhenARequiredOptionIsMissing() {
    CliRun r = CliRun.run("validate", "--confg", "x.json");
    r.assertFailed(
        2, "pamkit: unknown option '--confg' for 'pamkit validate'; did you mean" + " '--config'?");
  }

  @Test
  void unknownEventType_namesTypeOption_andSuggests() throws IOException {
    Path config = syslogConfig(closedPort());
    CliRun r = CliRun.publish(config, "PasswordChangeFialed");
    assertEquals(2, r.exitCode());
    assertEquals(
        "pamkit: --type: 'PasswordChangeFialed' is not an event name the catalog knows;"
            + " did you mean 'PasswordChangeFailed'?",
        r.err().lines().findFirst().orElseThrow());
    CliRun lower = CliRun.publish(config, "passwordchangefailed");
    assertTrue(
        lower.err().startsWith("pamkit: --type: ")
            && lower.err().contains("did you mean 'PasswordChangeFailed'?"),
        lower.err());
  }

  @Test
  void testEmailErrors_nameToAndTimeout() throws IOException {
    Path config =
        Receivers.write(
            dir,
            "email.json",
            """
        {"EmailClientConfig": {"ServerAddress": "127.0.0.1", "PortNumber": 25,
          "SenderEmail": "pamkit@example.com", "RequireTlsFlag": false}}
        """);
    CliRun to = CliRun.withConfig(config, "test-email", "--to", "notanaddress");
    assertEquals(2, to.exitCode());
    assertTrue(
        to.err().startsWith("pamkit: --to: 'notanaddress' is not a valid email address"), to.err());
    CliRun timeout = CliRun.testEmail(config, "--timeout", "0");
    assertEquals(2, timeout.exitCode());
    assertEquals(
        "pamkit: --timeout: 0 is outside 1..255 seconds",
        timeout.err().lines().findFirst().orElseThrow());
  }

  @Test
  void propertyWithoutEquals_noDoubledWord() throws IOException {
    CliRun r =
        CliRun.publish(
            syslogConfig(closedPort()), "PasswordChangeFailed", "--property", "NoEquals");
    assertEquals(2, r.exitCode());
    assertFalse(r.err().contains("option option"), r.err());
    assertTrue(r.err().startsWith("pamkit: Value for option '--property'"), r.err());
  }

  @Test
  void eventNoSubscriberTakes_warnsNamingTheEvent_exits0() throws IOException {
    Path config = syslogConfig(closedPort());
    CliRun r = CliRun.publish(config, "UserLockedOut");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("UserLockedOut: 1 event(s), 0 notification(s)"), r.out());
    assertEquals(
        "pamkit: warning: no subscriber of "
            + config
            + " takes UserLockedOut (check its"
            + " Subscriptions, filters and enabled flags); nothing was sent",
        r.errLines().get(0));
  }

  @Test
  void quiet_printsNothingOnSuccess_butKeepsJson() throws IOException {
    Path config = syslogConfig(closedPort());
    CliRun r = CliRun.publish(config, "UserLockedOut", "--quiet");
    assertEquals(0, r.exitCode());
    assertEquals("", r.out());
    assertEquals("", r.err());
    CliRun json =
        CliRun.withConfig(config, "--quiet", "publish", "--type", "UserLockedOut", "--json");
    assertTrue(json.out().contains("\"notifications\" : 0"), json.out());
    assertEquals("", json.err());
  }

  @Test
  void deadLetter_firstStderrLineIsTheReason_logLinesAfter() throws IOException {
    Path config = syslogConfig(closedPort());
    CliRun r = CliRun.publish(config, "PasswordChangeFailed", "--wait", "30");
    assertEquals(1, r.exitCode(), r.out() + r.err());
    List<String> err = r.err().lines().toList();
    assertEquals("pamkit: 1 notification(s) dead-lettered", err.get(0));
    assertTrue(err.stream().skip(1).anyMatch(l -> l.startsWith("WARN ")), r.err());

    CliRun quiet = CliRun.publish(config, "PasswordChangeFailed", "--wait", "30", "--quiet");
    assertEquals(1, quiet.exitCode());
    assertEquals(List.of("pamkit: 1 notification(s) dead-lettered"), quiet.err().lines().toList());
    assertEquals("", quiet.out());
  }

  @Test
  void unknownService_andSubscriber_suggest() throws IOException {
    Path config =
        Receivers.write(
            dir,
            "doc.json",
            """
        {"EventSubscribers": [{"Id": 3, "Type": "Syslog", "Description": "On-call",
          "SyslogProperties": {"NetworkAddress": "127.0.0.1", "Port": 514},
          "Subscriptions": ["PasswordChangeFailed"]}]}
        """);
    CliRun sub = CliRun.withConfig(config, "test-event", "--subscriber", "On-cal");
    assertEquals(2, sub.exitCode());
    assertTrue(
        sub.errLines()
            .get(0)
            .startsWith("pamkit: unknown subscriber 'On-cal'; did you mean 'On-call'?"),
        sub.err());
    CliRun svc = CliRun.withConfig(config, "services", "enable", "SessionRequestEnabled");
    assertEquals(2, svc.exitCode());
    assertTrue(svc.errLines().get(0).contains("did you mean 'SessionRequestsEnabled'?"), svc.err());
  }
}
