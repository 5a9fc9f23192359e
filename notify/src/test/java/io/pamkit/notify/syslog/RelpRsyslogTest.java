// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pamkit.core.dispatch.DeliveryAssurance;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.LaneConfig;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syslog over RELP to a real rsyslog {@code imrelp} (Debian package {@code rsyslog-relp}): every
 * message is acknowledged, and with rsyslog killed ({@code SIGKILL}) and restarted in the middle of
 * 50,000 messages, every one is in rsyslog's output at least once.
 */
final class RelpRsyslogTest {
  private static final int COUNT = 50_000;

  @TempDir Path dir;
  private @Nullable Rsyslogd rsyslog;
  private int port;
  private Path out = Paths.get("missing");

  /**
   * Skips the test when rsyslog's RELP input is not installed, or else starts rsyslog with it on a
   * free port.
   */
  private void startRsyslog() throws Exception {
    assumeTrue(
        Files.isExecutable(Rsyslogd.BINARY) && Rsyslogd.moduleInstalled("imrelp.so"),
        "rsyslogd with imrelp is not installed (Debian rsyslog-relp; .ci/run installs it)");
    port = FreePorts.lowPort();
    out = dir.resolve("out.log");
    // A Direct queue: rsyslog writes the message to the file before imrelp acknowledges it, so
    // an acknowledged message survives SIGKILL (the default in-memory queue would lose it).
    String conf =
        Rsyslogd.rawToFile(
            dir, out, "imrelp", "", " queue.type=\"Direct\"", "port=\"" + port + "\" ");
    rsyslog = Rsyslogd.start(dir, conf, Duration.ofSeconds(30), port);
  }

  @AfterEach
  void stop() throws InterruptedException {
    Rsyslogd r = rsyslog;
    if (r != null) {
      r.stop();
    }
  }

  private BitSet received() throws IOException {
    return KillRun.received(out, COUNT);
  }

  private static ApplianceEvent event(int seq) {
    return KillRun.event("relp-", seq);
  }

  private Subscriber subscriber() {
    return KillRun.subscriber(1, "localhost", port, SyslogProtocol.RELP);
  }

  @Test
  void send_relp_acknowledgedByRsyslog() throws Exception {
    startRsyslog();
    try (SyslogTransport t = SyslogTransport.builder().appName("pamkit-test").build()) {
      DeliveryReceipt r = t.send(Notification.of(event(7), subscriber()));
      assertEquals(DeliveryAssurance.ACKNOWLEDGED, r.assurance());
    }
    // acknowledged after the Direct queue wrote it: already in the file
    assertTrue(received().get(7), Rsyslogd.read(out));
  }

  @Test
  void publish_rsyslogKilledAndRestartedMidRun_everyMessageArrivesAtLeastOnce() throws Exception {
    startRsyslog();
    KillRun run = new KillRun(COUNT);
    SyslogTransport relp = KillRun.transport();
    try (EventDispatcher d =
        EventDispatcher.builder()
            .transport(
                relp,
                LaneConfig.builder()
                    .capacity(COUNT + 1024)
                    .workers(4)
                    .retryPolicy(KillRun.retry())
                    .build())
            .subscribers(List.of(subscriber()))
            .listener(run)
            .closeTimeout(Duration.ofSeconds(30))
            .build()) {
      for (int i = 0; i < COUNT; i++) {
        d.publish(event(i));
      }
      run.killAndRestartAtAThird(requireNonNull(rsyslog));
    }
    assertEquals(0, run.deadLetters());
    BitSet seen = received();
    assertEquals(
        COUNT,
        seen.cardinality(),
        "missing, first: " + seen.nextClearBit(0) + "\n" + requireNonNull(rsyslog).diagnostics());
  }
}
