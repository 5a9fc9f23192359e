// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.examples.demo.DemoCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared set-up of the command tests, one per test method ({@code @RegisterExtension}): a
 * temporary directory for the documents a test writes, and, with {@link #withReceivers()}, real
 * in-process receivers ({@link Receivers}) and the demo's document pointed at them. Runs of the
 * tool go through {@link CliRun}, which captures the exit code, standard output and standard error.
 * A test class holds it in a field annotated {@code RegisterExtension}, e.g. {@code final
 * CliFixture cli = CliFixture.withReceivers();}, and runs {@code cli.withConfig("publish",
 * "--type", "PasswordChangeFailed")}.
 */
public final class CliFixture implements BeforeEachCallback, AfterEachCallback {
  private final boolean receiving;
  private @Nullable Path dir;
  private @Nullable Receivers receivers;
  private @Nullable Path config;

  private CliFixture(boolean receiving) {
    this.receiving = receiving;
  }

  /**
   * A temporary directory only.
   *
   * @return the fixture, to register
   */
  public static CliFixture documents() {
    return new CliFixture(false);
  }

  /**
   * A temporary directory, running receivers and {@code pamkit.json} pointed at them.
   *
   * @return the fixture, to register
   */
  public static CliFixture withReceivers() {
    return new CliFixture(true);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("pamkit-cli-test");
    if (receiving) {
      receivers = Receivers.start();
      config = receivers.writeConfig(dir);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      if (receivers != null) {
        receivers.close();
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir())) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  /**
   * @return the temporary directory of this test
   */
  public Path dir() {
    return require(dir, "dir");
  }

  /**
   * @return the running receivers
   */
  public Receivers receivers() {
    return require(receivers, "receivers (use CliFixture.withReceivers())");
  }

  /**
   * @return the demo's document, pointed at the receivers
   */
  public Path config() {
    return require(config, "config (use CliFixture.withReceivers())");
  }

  /**
   * Writes the demo's document with the receivers' SMTP and SNMP ports but closed syslog ports, so
   * that its syslog notifications are dead-lettered.
   *
   * @return the file, {@code down.json}
   * @throws IOException if it cannot be written
   */
  public Path configWithSyslogDown() throws IOException {
    Receivers r = receivers();
    return write(
        "down.json",
        DemoCommand.patchPorts(DemoCommand.bundledDocument(), r.smtpPort(), 1, 2, r.trapPort()));
  }

  /**
   * Writes a document into the temporary directory.
   *
   * @param name the file name
   * @param text the content
   * @return the file
   * @throws IOException if it cannot be written
   */
  public Path write(String name, String text) throws IOException {
    return Receivers.write(dir(), name, text);
  }

  /**
   * Runs the tool on the receivers' document: the arguments, then {@code --config} and its path.
   *
   * @param args the command and its options
   * @return the run
   */
  public CliRun withConfig(String... args) {
    return CliRun.withConfig(config(), args);
  }

  private static <T> T require(@Nullable T value, String what) {
    if (value == null) {
      throw new IllegalStateException(
          "no " + what + ": register the fixture with @RegisterExtension");
    }
    return value;
  }
}
