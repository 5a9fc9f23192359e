// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pamkit.core.crashtest.CrashChild;
import io.pamkit.testing.Await;
import io.pamkit.testing.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost across {@code SIGKILL}, to a real receiver: a separate JVM ({@link
 * RsyslogJournalCrashChild}) publishes N events through a journal with the real {@link
 * SyslogTransport} (plain TCP, RFC 6587 octet counting) to rsyslog's {@code imtcp}; it is killed
 * with {@code SIGKILL} at three random points and restarted until it finishes. Every event must be
 * in rsyslog's output file at least once, and de-duplicating by {@code IdempotencyKey} leaves
 * exactly N.
 *
 * <p>A second variant kills rsyslog ({@code SIGKILL}, losing its in-memory queue) in the middle,
 * keeps it down for an outage and starts it again on the same port; once the publisher has written
 * its resend window on the new connection, the publisher is killed too and restarted until it
 * finishes.
 *
 * <p>A third variant kills rsyslog and the publisher together: what rsyslog had read but not
 * written is gone from rsyslog and from the dead publisher's resend window, but the journal still
 * holds it, because a plain TCP delivery is completed in the journal only once the resend window's
 * age has passed ({@code DeliveryReceipt.settleAfter}); the restarted publisher sends it again.
 *
 * <p>N is 10,000 by default and the outage 3 s, small enough for CI; {@code
 * -Dpamkit.crash.events=100000 -Dpamkit.crash.outageSeconds=60} runs the full size with a
 * one-minute outage. Skipped when rsyslog is not installed ({@code .ci/run} installs it).
 */
final class RsyslogJournalCrashTest {
  private static final int EVENTS = Integer.getInteger("pamkit.crash.events", 10_000);
  private static final int OUTAGE_SECONDS = Integer.getInteger("pamkit.crash.outageSeconds", 3);
  private static final int KILLS = 3;
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  private static final Pattern KEY = Pattern.compile("IdempotencyKey=\"([^\"]*)\"");

  @TempDir Path dir;
  private @Nullable Rsyslogd rsyslog;
  private @Nullable Process child;
  private int port;
  private Path out;
  private long outOffset;
  private long outLines;

  @AfterEach
  void stop() throws InterruptedException {
    Process c = child;
    if (c != null && c.isAlive()) {
      c.destroyForcibly();
      c.waitFor();
    }
    Rsyslogd r = rsyslog;
    if (r != null) {
      r.stop();
    }
  }

  @Test
  void sigkillAtRandomPoints_everyEventInRsyslogsOutputAndExactlyNAfterDedup() throws Exception {
    Random random = new Random();
    Rsyslogd server = startRsyslog();
    int kills = 0;
    int runs = 0;
    boolean done = false;
    while (!done && runs < KILLS + 6) {
      runs++;
      Process c = startChild(runs);
      if (kills < KILLS) {
        long at = lines() + 1 + random.nextInt(Math.max(1, EVENTS / 5));
        if (awaitLinesOrExit(c, at)) {
          kill(c);
          kills++;
          continue;
        }
      }
      done = awaitExit(c) == 0;
    }
    check(server, "none", kills, runs, done);
  }

  @Test
  void rsyslogDownMidRunThenPublisherKilled_everyEventInRsyslogsOutputAndExactlyNAfterDedup()
      throws Exception {
    Random random = new Random();
    Rsyslogd server = startRsyslog();
    int runs = 1;
    Process c = startChild(runs);
    long downAt = EVENTS / 10 + random.nextInt(Math.max(1, EVENTS / 5));
    assertTrue(awaitLinesOrExit(c, downAt), "the publisher finished before rsyslog went down");
    long[] before = status();
    server.kill(); // SIGKILL: its in-memory queue and socket buffers are lost
    Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS));
    assertTrue(c.isAlive(), "the publisher finished while rsyslog was down: " + log(runs));
    server.start();
    // the publisher saw the connection lost and wrote its resend window on a new connection
    Await.until(
        "the resend window written again after rsyslog's restart",
        RUN_TIMEOUT,
        () -> {
          long[] now = status();
          return now[0] > before[0] && now[1] > before[1];
        });
    int kills = 0;
    long at = lines() + 1 + random.nextInt(Math.max(1, EVENTS / 5));
    if (awaitLinesOrExit(c, at)) {
      kill(c);
      kills++;
    }
    boolean done = kills == 0 && awaitExit(c) == 0;
    while (!done && runs < 6) {
      runs++;
      done = awaitExit(startChild(runs)) == 0;
    }
    check(server, OUTAGE_SECONDS + " s", kills, runs, done);
  }

  @Test
  void rsyslogAndPublisherKilledTogether_everyEventInRsyslogsOutputAndExactlyNAfterDedup()
      throws Exception {
    Random random = new Random();
    Rsyslogd server = startRsyslog();
    int runs = 1;
    Process c = startChild(runs);
    long downAt = EVENTS / 10 + random.nextInt(Math.max(1, EVENTS / 5));
    assertTrue(awaitLinesOrExit(c, downAt), "the publisher finished before rsyslog went down");
    server.kill(); // SIGKILL: what rsyslog read but did not write is lost
    kill(c); // and the publisher's resend window with it: only the journal still has them
    Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS));
    server.start();
    boolean done = false;
    while (!done && runs < 6) {
      runs++;
      done = awaitExit(startChild(runs)) == 0;
    }
    check(server, OUTAGE_SECONDS + " s, publisher killed with it", 1, runs, done);
  }

  private void check(Rsyslogd server, String outage, int kills, int runs, boolean done)
      throws IOException, InterruptedException {
    assertTrue(done, "the publisher never finished: " + log(runs));
    assertTrue(kills >= 1, "the publisher was never killed (it finished too fast)");
    // what was written last may still be in rsyslog's queue, not yet in the file
    Await.until(
        "every event in rsyslog's output", Duration.ofSeconds(60), () -> keys().size() >= EVENTS);
    Set<String> keys = keys();
    System.out.printf(
        "rsyslog journal crash test: %d events, %d publisher SIGKILLs, %d runs, %d lines in"
            + " rsyslog's output, %d distinct idempotency keys, rsyslog down: %s%n",
        EVENTS, kills, runs, lines(), keys.size(), outage);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      if (!keys.contains(RsyslogJournalCrashChild.key(i))) {
        missing.add(RsyslogJournalCrashChild.key(i));
      }
    }
    assertEquals(
        List.of(),
        missing.subList(0, Math.min(20, missing.size())),
        missing.size() + " events never arrived\n" + server.diagnostics());
    assertEquals(EVENTS, keys.size(), "distinct idempotency keys");
    assertTrue(lines() >= EVENTS, "lines in rsyslog's output: " + lines());
  }

  /** Starts rsyslog with imtcp on {@link #port}, writing each raw message to {@link #out}. */
  private Rsyslogd startRsyslog() throws Exception {
    assumeTrue(
        Files.isExecutable(Rsyslogd.BINARY),
        "rsyslogd is not installed (Debian package rsyslog; .ci/run installs it)");
    port = FreePorts.lowPort();
    out = dir.resolve("out.log");
    String conf =
        Rsyslogd.rawToFile(
            dir,
            out,
            "imtcp",
            " maxMessageSize=\"64k\"",
            "",
            "address=\"127.0.0.1\" port=\"" + port + "\" ");
    Rsyslogd r = Rsyslogd.start(dir, conf, Duration.ofSeconds(30), port);
    rsyslog = r;
    return r;
  }

  private Process startChild(int run) throws IOException {
    Process c =
        CrashChild.launch(
            RsyslogJournalCrashChild.class,
            dir.resolve("child-" + run + ".log"),
            dir.resolve("journal").toString(),
            Integer.toString(port),
            Integer.toString(EVENTS),
            dir.resolve("progress").toString(),
            dir.resolve("status").toString());
    child = c;
    return c;
  }

  /**
   * Waits until rsyslog's output holds {@code target} lines (returns true) or the publisher ended
   * (returns false).
   */
  private boolean awaitLinesOrExit(Process c, long target)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (lines() >= target) {
        return true;
      }
      if (!c.isAlive()) {
        return false;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the publisher neither ended nor reached " + target + " lines");
  }

  private static int awaitExit(Process c) throws InterruptedException {
    assertTrue(c.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the publisher hangs");
    return c.exitValue();
  }

  private static void kill(Process c) throws InterruptedException {
    c.destroyForcibly(); // SIGKILL
    c.waitFor();
  }

  /** The lines rsyslog has written so far, counted from where the last call stopped. */
  private long lines() throws IOException {
    if (!Files.exists(out)) {
      return 0;
    }
    try (InputStream in = Files.newInputStream(out)) {
      in.skipNBytes(outOffset);
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            outLines++;
          }
        }
        outOffset += n;
      }
    }
    return outLines;
  }

  /** The publisher's transport: {connections lost, messages re-sent}; zeros before it wrote any. */
  private long[] status() {
    String s = Rsyslogd.read(dir.resolve("status")).trim();
    if (s.isEmpty()) {
      return new long[2];
    }
    String[] parts = s.split(" ", -1);
    return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
  }

  /**
   * Every complete {@code IdempotencyKey} parameter in rsyslog's output; a frame cut short by a
   * kill has none or an incomplete one, which does not match.
   */
  private Set<String> keys() {
    Set<String> keys = new HashSet<>();
    try {
      Rsyslogd.forEachMatch(out, KEY, keys::add);
    } catch (IOException e) {
      return Set.of();
    }
    return keys;
  }

  private String log(int run) {
    String s = Rsyslogd.read(dir.resolve("child-" + run + ".log"));
    return s.substring(Math.max(0, s.length() - 4000));
  }
}
