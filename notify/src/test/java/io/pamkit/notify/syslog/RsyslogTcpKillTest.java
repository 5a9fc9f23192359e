// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.journal.Journal;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.testing.Await;
import io.pamkit.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain TCP syslog (RFC 6587 octet counting) to a real rsyslog {@code imtcp} through a journal:
 * with rsyslog killed ({@code SIGKILL}) and restarted in the middle of 20,000 messages, every one
 * is in rsyslog's output at least once. rsyslog keeps its default in-memory queue, so the kill also
 * loses what it had read but not yet written: the sender's resend window covers that too.
 */
final class RsyslogTcpKillTest {
  private static final int COUNT = 20_000;

  @TempDir Path dir;
  private @Nullable Rsyslogd rsyslog;
  private int port;
  private Path out;

  /** Starts rsyslog with imtcp on {@link #port}, writing each raw message to {@link #out}. */
  private Rsyslogd startRsyslog() throws Exception {
    String conf =
        Rsyslogd.rawToFile(
            dir, out, "imtcp", "", "", "address=\"127.0.0.1\" port=\"" + port + "\" ");
    Rsyslogd r = Rsyslogd.start(dir, conf, Duration.ofSeconds(30), port);
    rsyslog = r;
    return r;
  }

  @AfterEach
  void stop() throws InterruptedException {
    Rsyslogd r = rsyslog;
    if (r != null) {
      r.stop();
    }
  }

  private BitSet readable() {
    try {
      return received();
    } catch (IOException e) {
      return new BitSet();
    }
  }

  private BitSet received() throws IOException {
    return KillRun.received(out, COUNT);
  }

  @Test
  void publish_journalToRsyslogKilledAndRestartedMidRun_everyMessageArrivesAtLeastOnce()
      throws Exception {
    assumeTrue(
        Files.isExecutable(Rsyslogd.BINARY),
        "rsyslogd is not installed (Debian package rsyslog; .ci/run installs it)");
    port = FreePorts.lowPort();
    out = dir.resolve("out.log");
    Rsyslogd server = startRsyslog();
    KillRun run = new KillRun(COUNT);
    SyslogTransport tcp = KillRun.transport();
    long atKill;
    try (Journal journal = Journal.open(dir.resolve("journal"));
        EventDispatcher d =
            EventDispatcher.builder()
                .transport(tcp, KillRun.breakerLane(COUNT + 1024, KillRun.retry()))
                .outbox(journal)
                .subscribers(List.of(KillRun.subscriber(1, "127.0.0.1", port, SyslogProtocol.TCP)))
                .listener(run)
                .closeTimeout(Duration.ofSeconds(30))
                .build()) {
      List<CompletableFuture<?>> accepted = new ArrayList<>();
      for (int i = 0; i < COUNT; i++) {
        accepted.add(d.publishAsync(KillRun.event("tcp-", i)));
      }
      atKill = run.killAndRestartAtAThird(server);
      // each event was accepted by the journal (forced to disk) before it was reported sent
      CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
    assertEquals(0, run.deadLetters());
    assertTrue(tcp.metrics().connectionsLost() >= 1, "the kill broke the connection");
    System.out.printf(
        "rsyslog TCP kill: %d delivered at the kill, %d written again after it%n",
        atKill, tcp.metrics().resent());
    // what was written last is in rsyslog's queue or buffers, not yet necessarily in the file
    Await.until(
        "every message in rsyslog's output",
        Duration.ofSeconds(60),
        () -> readable().cardinality() == COUNT);
    BitSet seen = received();
    assertEquals(
        COUNT,
        seen.cardinality(),
        "missing, first: " + seen.nextClearBit(0) + "\n" + server.diagnostics());
  }
}
