// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import io.pamkit.testing.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A real rsyslogd in the foreground for the tests that kill it: one configuration, one port it
 * listens on, started, killed with {@code SIGKILL} and started again. Its own output goes to {@code
 * rsyslogd.out} in the directory, across restarts.
 */
final class RsyslogProcess {
  static final Path RSYSLOGD = Paths.get("/usr/sbin/rsyslogd");

  private final Path dir;
  private final Path confFile;
  private final int port;
  private @Nullable Process process;

  /**
   * Writes the configuration; {@link #start} runs it.
   *
   * @param dir the directory for the configuration, pid file and rsyslogd's output
   * @param port the port the configuration listens on, 127.0.0.1
   * @param conf the rsyslog configuration
   */
  RsyslogProcess(Path dir, int port, String conf) throws IOException {
    this.dir = dir;
    this.port = port;
    this.confFile = dir.resolve("rsyslog.conf");
    Files.writeString(confFile, conf);
  }

  /** Returns whether rsyslogd is installed. */
  static boolean installed() {
    return Files.isExecutable(RSYSLOGD);
  }

  /** Starts rsyslogd and waits until it listens on the port. */
  void start() throws IOException, InterruptedException {
    Files.deleteIfExists(dir.resolve("rsyslogd.pid"));
    process =
        new ProcessBuilder(
                RSYSLOGD.toString(),
                "-n",
                "-f",
                confFile.toString(),
                "-i",
                dir.resolve("rsyslogd.pid").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rsyslogd.out").toFile()))
            .start();
    Await.until("rsyslog listening on " + port, Duration.ofSeconds(30), this::listening);
  }

  /**
   * Kills rsyslogd with {@code SIGKILL}: what its queues held and its files had not got is lost.
   */
  void kill() throws InterruptedException {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
      p.waitFor();
    }
  }

  /** Returns what rsyslogd printed. */
  String log() {
    return read(dir.resolve("rsyslogd.out"));
  }

  private boolean listening() {
    Process p = process;
    if (p != null && !p.isAlive()) {
      throw new AssertionError("rsyslogd exited: " + log());
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

  /** Stops rsyslogd ({@code SIGTERM}). */
  void stop() throws InterruptedException {
    Process p = process;
    if (p != null) {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
