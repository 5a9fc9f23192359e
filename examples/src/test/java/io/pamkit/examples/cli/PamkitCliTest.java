// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class PamkitCliTest {

  @Test
  void help_everyCommand_exitsZeroAndDocumentsExitCodes() {
    List<List<String>> commands =
        List.of(
            List.of(),
            List.of("demo"),
            List.of("validate"),
            List.of("test-email"),
            List.of("test-event"),
            List.of("publish"),
            List.of("services"),
            List.of("services", "list"),
            List.of("services", "enable"),
            List.of("services", "disable"),
            List.of("services", "disable-all"),
            List.of("link"),
            List.of("link", "list"),
            List.of("link", "show"),
            List.of("link", "add"),
            List.of("link", "edit"),
            List.of("link", "delete"),
            List.of("link", "broker"),
            List.of("link", "versions"),
            List.of("link", "preflight"),
            List.of("link", "join"));
    for (List<String> c : commands) {
      List<String> withHelp = new java.util.ArrayList<>(c);
      withHelp.add("--help");
      String[] args = withHelp.toArray(String[]::new);
      CliRun r = CliRun.run(args);
      assertEquals(0, r.exitCode(), c + ": " + r.err());
      assertTrue(r.out().contains("Usage: pamkit"), c + ": " + r.out());
    }
  }

  @Test
  void jsonOption_onEveryResultCommand() {
    for (String c : List.of("demo", "validate", "test-email", "test-event", "publish")) {
      assertTrue(CliRun.run(c, "--help").out().contains("--json"), c);
    }
    assertTrue(CliRun.run("services", "list", "--help").out().contains("--json"));
    assertTrue(CliRun.run("link", "list", "--help").out().contains("--json"));
  }

  @Test
  void unknownCommandOrOption_exits2WithOneLine() {
    CliRun r = CliRun.run("frobnicate");
    assertEquals(2, r.exitCode());
    CliRun o = CliRun.run("validate", "--config", "x.json", "--bogus");
    assertEquals(2, o.exitCode());
    assertTrue(o.err().contains("--bogus"), o.err());
  }

  @Test
  void version_printsTheVersion() {
    CliRun r = CliRun.run("--version");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("pamkit "), r.out());
  }

  @Test
  void oneLine_multiLineValidation_becomesOneLine() {
    String s =
        PamkitCli.oneLine(
            new io.pamkit.core.ValidationException(
                List.of(
                    new io.pamkit.core.Violation("$.a", "bad"),
                    new io.pamkit.core.Violation("$.b", "worse"))));
    assertEquals("$.a: bad (and 1 more)", s);
    assertEquals(ExitCodes.BAD_INPUT, PamkitCli.exitCode(new UsageException("x")));
    assertEquals(ExitCodes.FAILURE, PamkitCli.exitCode(new java.io.IOException("x")));
  }
}
