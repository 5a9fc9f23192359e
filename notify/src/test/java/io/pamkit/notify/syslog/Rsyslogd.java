// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import io.pamkit.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A private rsyslog for the interoperability tests: started with its own configuration, work
 * directory and pid file in a test's directory, {@code -n} in the foreground, listening on loopback
 * ports; never the system logger. What it prints goes to {@code rsyslogd.out} in that directory.
 */
final class Rsyslogd {
  /** Where Debian's package rsyslog puts the daemon. */
  static final Path BINARY = Paths.get("/usr/sbin/rsyslogd");

  private static final String[] LIBRARY_DIRECTORIES = {
    "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"
  };

  private final Path dir;
  private final Path confFile;
  private final int[] ports;
  private final Duration wait;
  private @Nullable Process process;

  private Rsyslogd(Path dir, Path confFile, int[] ports, Duration wait) {
    this.dir = dir;
    this.confFile = confFile;
    this.ports = ports.clone();
    this.wait = wait;
  }

  /**
   * Returns whether rsyslog's loadable module (for example {@code imrelp.so} or the OpenSSL driver
   * {@code lmnsd_ossl.so}) is installed in one of the usual library directories.
   */
  static boolean moduleInstalled(String file) {
    for (String lib : LIBRARY_DIRECTORIES) {
      if (Files.exists(Paths.get(lib, "rsyslog", file))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes {@code conf} to {@code rsyslog.conf} in {@code dir}, starts rsyslogd on it and waits
   * until it accepts connections on every one of {@code tcpPorts}.
   */
  static Rsyslogd start(Path dir, String conf, Duration wait, int... tcpPorts) throws Exception {
    Path confFile = dir.resolve("rsyslog.conf");
    Files.writeString(confFile, conf);
    Rsyslogd r = new Rsyslogd(dir, confFile, tcpPorts, wait);
    r.start();
    return r;
  }

  /**
   * An rsyslog configuration that writes each raw message received by input module {@code module}
   * ({@code imtcp}, {@code imrelp}) as one line to {@code out}, with a work directory {@code work}
   * in {@code dir}.
   *
   * @param global further {@code global()} parameters, each with a leading space, or empty
   * @param ruleset further {@code ruleset()} parameters (its queue), each with a leading space
   * @param input the input's parameters before {@code ruleset}, each with a trailing space
   */
  static String rawToFile(
      Path dir, Path out, String module, String global, String ruleset, String input)
      throws IOException {
    Path work = Files.createDirectories(dir.resolve("work"));
    return String.join(
        "\n",
        "global(workDirectory=\"" + work + "\"" + global + ")",
        "module(load=\"" + module + "\")",
        "template(name=\"raw\" type=\"string\" string=\"%rawmsg%\\n\")",
        "ruleset(name=\"in\"" + ruleset + ") {",
        "  action(type=\"omfile\" file=\"" + out + "\" template=\"raw\")",
        "}",
        "input(type=\"" + module + "\" " + input + "ruleset=\"in\")",
        "");
  }

  /**
   * Passes group 1 of {@code pattern}'s first match in each line of {@code out} (read as ISO
   * 8859-1) to {@code group}; nothing when the file does not exist yet.
   */
  static void forEachMatch(Path out, Pattern pattern, Consumer<String> group) throws IOException {
    if (!Files.exists(out)) {
      return;
    }
    try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = r.readLine()) != null) {
        Matcher m = pattern.matcher(line);
        if (m.find()) {
          group.accept(m.group(1));
        }
      }
    }
  }

  /** Starts rsyslogd again (after {@link #kill()}) on the same configuration and waits for it. */
  void start() throws Exception {
    Files.deleteIfExists(dir.resolve("rsyslogd.pid"));
    process =
        new ProcessBuilder(
                BINARY.toString(),
                "-n",
                "-f",
                confFile.toString(),
                "-i",
                dir.resolve("rsyslogd.pid").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rsyslogd.out").toFile()))
            .start();
    for (int port : ports) {
      try {
        Await.until("rsyslog listening on " + port, wait, () -> listening(port));
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\n" + diagnostics(), e);
      }
    }
  }

  /** Kills rsyslogd with {@code SIGKILL} and waits for it to end. */
  void kill() throws InterruptedException {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
      p.waitFor();
    }
  }

  /** What rsyslogd printed, and its internal log when the configuration writes one. */
  String diagnostics() {
    return "rsyslogd printed:\n"
        + read(dir.resolve("rsyslogd.out"))
        + "\ninternal log:\n"
        + read(dir.resolve("internal.log"));
  }

  private boolean listening(int port) {
    Process p = process;
    if (p != null && !p.isAlive()) {
      throw new AssertionError("rsyslogd exited: " + read(dir.resolve("rsyslogd.out")));
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns a file's text, empty when it does not exist. */
  static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Stops rsyslogd ({@code SIGTERM}) and waits up to 10 seconds for it to end. */
  void stop() throws InterruptedException {
    Process p = process;
    if (p != null) {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
