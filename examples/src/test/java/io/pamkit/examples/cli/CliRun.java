// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * One run of the {@code pamkit} tool through its entry point, with what it printed.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
public record CliRun(int exitCode, String out, String err) {

  /**
   * Runs the tool with an empty environment.
   *
   * @param args the command line
   * @return the run
   */
  public static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  /**
   * Runs the tool.
   *
   * @param env the environment the commands see
   * @param args the command line
   * @return the run
   */
  public static CliRun run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = PamkitCli.commandLine(env);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * @return the error output's lines
   */
  public java.util.List<String> errLines() {
    return err.lines().filter(l -> !l.isBlank() && !l.startsWith("WARN ")).toList();
  }
}
