// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.examples.cli.CliRun;
import io.pamkit.examples.cli.PamkitCli;
import io.pamkit.examples.cli.Receivers;
import io.pamkit.examples.cli.ShellWords;
import io.pamkit.testing.FreePorts;
import io.pamkit.testing.SyslogReceiver;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the README's "First steps" exactly as written: the fenced blocks after the {@code <!--
 * tutorial: STEP PART -->} markers are read from README.md, their {@code export} lines set the
 * variables and their {@code pamkit} lines run through the tool's entry point. What terminal 1 runs
 * (the demo's SMTP server, a netcat listener) is stood in for by in-process receivers; the
 * simulator line itself is run. Fixed ports and the CA path of the README are replaced, in every
 * line alike, by free ports and a temporary file.
 */
final class TutorialTest {
  private static final Pattern MARKER =
      Pattern.compile("<!-- tutorial: ([a-z]+ [a-z]+) -->\\s*```sh\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  private static Map<String, List<String>> blocks() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    Matcher m = MARKER.matcher(readme);
    while (m.find()) {
      blocks.put(
          m.group(1),
          m.group(2)
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .toList());
    }
    return blocks;
  }

  /** Runs a block's lines: {@code export} sets variables (overrides win), {@code pamkit} runs. */
  private static List<CliRun> run(List<String> lines, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    List<CliRun> runs = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("export ")) {
        env.putAll(ShellWords.exports(line));
        env.putAll(overrides);
        continue;
      }
      List<String> words = new ArrayList<>(ShellWords.split(line, env));
      assertEquals("pamkit", words.remove(0), line);
      CliRun r = CliRun.run(env, words.toArray(String[]::new));
      assertEquals(0, r.exitCode(), line + "\n" + r.out() + r.err());
      runs.add(r);
    }
    return runs;
  }

  @Test
  void step1_firstEmail_arrivesAtTheSmtpServer() throws Exception {
    Map<String, List<String>> blocks = blocks();
    assertEquals(List.of("pamkit demo --keep-running"), blocks.get("email receiver"));
    try (Receivers receivers = Receivers.start()) {
      List<CliRun> runs =
          run(blocks.get("email send"), Map.of("SMTP_PORT", String.valueOf(receivers.smtpPort())));
      assertTrue(runs.get(0).out().contains(": delivered"), runs.get(0).out());
      MimeMessage m = receivers.awaitEmails(1).get(0);
      assertEquals("oncall@example.com", m.getAllRecipients()[0].toString());
      assertEquals("PasswordChangeFailed", m.getHeader("X-Pamkit-Event")[0]);
    }
  }

  @Test
  void step2_firstSyslogMessage_isCefOnLocal4WithAHostName() throws Exception {
    Map<String, List<String>> blocks = blocks();
    assertEquals(List.of("nc -lk 127.0.0.1 5514"), blocks.get("syslog receiver"));
    try (SyslogReceiver siem = SyslogReceiver.builder().tcp().start()) {
      List<String> lines =
          blocks.get("syslog send").stream()
              .map(l -> l.replace("127.0.0.1:5514", "127.0.0.1:" + siem.tcpPort()))
              .toList();
      run(lines, Map.of());
      String message = siem.awaitMessages(1, Duration.ofSeconds(20)).get(0).replace("\uFEFF", "");
      // <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD...] MSG
      Matcher f =
          Pattern.compile(
                  "^<163>1 \\S+ (\\S+) pamkit \\S+ PasswordChangeFailed \\[.*\\]"
                      + " (CEF:0\\|.*)$",
                  Pattern.DOTALL)
              .matcher(message);
      assertTrue(f.matches(), message);
      String host = f.group(1);
      assertTrue(
          !host.equals("-") && f.group(2).contains(" dvchost=" + host + " "),
          "the CEF device host is the syslog HOSTNAME: " + message);
      assertFalse(
          host.equals("localhost") || host.startsWith("127."),
          "the SIEM shows the machine's name, never a loopback name: " + message);
      assertTrue(f.group(2).contains("AssetName=db-prod-01"), message);
    }
  }

  @Test
  void step3_linkAgainstTheSimulators_listPreflightJoinList() throws Exception {
    Map<String, List<String>> blocks = blocks();
    String spp = String.valueOf(FreePorts.lowPort());
    String sps = String.valueOf(FreePorts.lowPort());
    String ca = dir.resolve("pamkit-ca.pem").toString();
    List<String> simulator =
        blocks.get("link simulator").stream()
            .map(l -> l.replace("9443", spp).replace("9444", sps).replace("/tmp/pamkit-ca.pem", ca))
            .toList();
    List<String> commands =
        blocks.get("link commands").stream()
            .map(l -> l.replace("9443", spp).replace("9444", sps).replace("/tmp/pamkit-ca.pem", ca))
            .toList();
    assertEquals(1, simulator.size());
    List<String> words = new ArrayList<>(ShellWords.split(simulator.get(0)));
    assertEquals("pamkit", words.remove(0));
    CountDownLatch ready = new CountDownLatch(1);
    StringBuffer printed = new StringBuffer();
    CommandLine cl = PamkitCli.commandLine(Map.of());
    cl.setOut(
        new PrintWriter(
            new Writer() {
              @Override
              public void write(char[] buf, int off, int len) {
                printed.append(buf, off, len);
                if (printed.indexOf("stop with Ctrl-C") >= 0) {
                  ready.countDown();
                }
              }

              @Override
              public void flush() {}

              @Override
              public void close() {}
            },
            true));
    Thread thread = new Thread(() -> cl.execute(words.toArray(String[]::new)), "tutorial-sim");
    thread.start();
    try {
      assertTrue(ready.await(60, TimeUnit.SECONDS), printed.toString());
      List<CliRun> runs = run(commands, Map.of());
      assertEquals(4, runs.size());
      assertTrue(runs.get(0).out().contains("no session connections"), runs.get(0).out());
      assertTrue(runs.get(2).out().contains("joined"), runs.get(2).out());
      assertTrue(runs.get(3).out().contains("sps-sim-node"), runs.get(3).out());
    } finally {
      thread.interrupt();
      thread.join(30_000);
    }
  }
}
