// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
   * Runs the tool on a document: the arguments, then {@code --config} and the document's path.
   *
   * @param config the configuration document
   * @param args the command and its options
   * @return the run
   */
  public static CliRun withConfig(Path config, String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return run(all);
  }

  /**
   * Runs {@code pamkit publish --type TYPE} on a document.
   *
   * @param config the configuration document
   * @param type the event type
   * @param more further options
   * @return the run
   */
  public static CliRun publish(Path config, String type, String... more) {
    return withConfig(config, prepend(more, "publish", "--type", type));
  }

  /**
   * Runs {@code pamkit test-email --to ops@example.com} on a document.
   *
   * @param config the configuration document
   * @param more further options
   * @return the run
   */
  public static CliRun testEmail(Path config, String... more) {
    return withConfig(config, prepend(more, "test-email", "--to", "ops@example.com"));
  }

  private static String[] prepend(String[] more, String... first) {
    String[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
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
   * Asserts that the run failed with this exit code and this first line on standard error.
   *
   * @param exitCode the expected exit code
   * @param firstErrLine the expected first line (log lines not counted)
   */
  public void assertFailed(int exitCode, String firstErrLine) {
    assertEquals(exitCode, this.exitCode, err);
    assertEquals(firstErrLine, errLines().isEmpty() ? "" : errLines().get(0), err);
  }

  /**
   * @return the error output's lines
   */
  public List<String> errLines() {
    return err.lines().filter(l -> !l.isBlank() && !l.startsWith("WARN ")).toList();
  }
}
