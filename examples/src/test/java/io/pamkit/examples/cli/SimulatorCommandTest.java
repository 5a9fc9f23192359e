// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class SimulatorCommandTest {
  @TempDir Path dir;

  /** Standard output that opens a latch once a marker has been written. */
  static final class WatchedOutput extends Writer {
    private final StringBuffer text = new StringBuffer();
    private final String marker;
    private final CountDownLatch seen = new CountDownLatch(1);

    WatchedOutput(String marker) {
      this.marker = marker;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      text.append(buf, off, len);
      if (text.indexOf(marker) >= 0) {
        seen.countDown();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    boolean await() throws InterruptedException {
      return seen.await(60, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  /** A running {@code pamkit simulator}, stopped by interrupting its thread. */
  static final class Running implements AutoCloseable {
    final WatchedOutput out = new WatchedOutput(SimulatorCommand.READY);
    final AtomicInteger exit = new AtomicInteger(-1);
    final Thread thread;

    Running(Map<String, String> env, String... args) throws InterruptedException {
      CommandLine cl = PamkitCli.commandLine(env);
      cl.setOut(new PrintWriter(out, true));
      String[] all = new String[args.length + 1];
      all[0] = "simulator";
      System.arraycopy(args, 0, all, 1, args.length);
      thread = new Thread(() -> exit.set(cl.execute(all)), "pamkit-simulator-test");
      thread.start();
      assertTrue(out.await(), "the simulator printed no ready line: " + out);
    }

    /**
     * @return the printed lines that start with {@code pamkit }
     */
    List<String> commands() {
      return out.toString()
          .lines()
          .map(String::strip)
          .filter(l -> l.startsWith("pamkit "))
          .toList();
    }

    /**
     * @return the variables of the printed {@code export} line
     */
    Map<String, String> exports() {
      return ShellWords.exports(
          out.toString()
              .lines()
              .map(String::strip)
              .filter(l -> l.startsWith("export "))
              .findFirst()
              .orElseThrow());
    }

    @Override
    public void close() {
      thread.interrupt();
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Runs a printed {@code pamkit ...} line through the tool's entry point. */
  static CliRun runPrinted(Map<String, String> env, String line) {
    List<String> words = new ArrayList<>(ShellWords.split(line));
    assertEquals("pamkit", words.remove(0));
    return CliRun.run(env, words.toArray(String[]::new));
  }

  @Test
  void printedCommands_listPreflightJoin_succeedAgainstTheSimulators() throws Exception {
    Path ca = dir.resolve("sim/ca.pem");
    try (Running sim = new Running(Map.of(), "--ca-out", ca.toString())) {
      String text = sim.out.toString();
      assertTrue(text.contains("user admin"), text);
      assertTrue(text.contains(ca.toString()), text);
      assertEquals(
          2,
          Files.readString(ca, StandardCharsets.US_ASCII).split("BEGIN CERTIFICATE", -1).length - 1,
          "both CAs are in the file");
      Map<String, String> env = new HashMap<>(sim.exports());
      assertEquals(SimulatorCommand.DEFAULT_PASSWORD, env.get("PAMKIT_PASSWORD"));

      List<String> commands = sim.commands();
      assertTrue(
          commands.stream().anyMatch(c -> c.startsWith("pamkit link preflight ")),
          commands.toString());
      assertTrue(
          commands.stream().anyMatch(c -> c.startsWith("pamkit link join ")), commands.toString());
      for (String c : commands) {
        CliRun r = runPrinted(env, c);
        assertEquals(0, r.exitCode(), c + "\n" + r.out() + r.err());
      }
      CliRun list = runPrinted(env, commands.get(commands.size() - 1));
      assertTrue(list.out().contains("sps-sim-node"), list.out());
    }
  }

  @Test
  void fixedPorts_andPasswordsFromTheEnvironment_areUsedAndNotPrinted() throws Exception {
    int spp = io.pamkit.testing.FreePorts.lowPort();
    int sps = io.pamkit.testing.FreePorts.lowPort();
    Map<String, String> env =
        Map.of("PAMKIT_PASSWORD", "My-Own-pw1", "PAMKIT_SPS_PASSWORD", "My-Sps-pw1");
    try (Running sim =
        new Running(
            env,
            "--spp-port",
            String.valueOf(spp),
            "--sps-port",
            String.valueOf(sps),
            "--ca-out",
            dir.resolve("ca.pem").toString())) {
      String text = sim.out.toString();
      assertTrue(text.contains("https://localhost:" + spp), text);
      assertTrue(text.contains("https://localhost:" + sps), text);
      assertTrue(!text.contains("My-Own-pw1") && !text.contains("My-Sps-pw1"), text);
      CliRun r = runPrinted(env, sim.commands().get(0));
      assertEquals(0, r.exitCode(), r.out() + r.err());
    }
  }

  @Test
  void forSeconds_stopsByItself() {
    CliRun r = CliRun.run("simulator", "--for", "1", "--ca-out", dir.resolve("ca.pem").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Simulators stopped."), r.out());
  }

  @Test
  void badPort_exit2() {
    CliRun r = CliRun.run("simulator", "--spp-port", "70000");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("pamkit: --spp-port"), r.err());
  }
}
