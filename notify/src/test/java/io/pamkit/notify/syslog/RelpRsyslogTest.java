// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pamkit.core.dispatch.DeadLetter;
import io.pamkit.core.dispatch.DeliveryAssurance;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.DispatchListener;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.LaneConfig;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.RetryPolicy;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.testing.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern SEQ = Pattern.compile("Seq=\"(\\d+)\"");

  @TempDir Path dir;
  private @Nullable RsyslogProcess rsyslog;
  private int port;
  private Path out;

  private static boolean imrelpInstalled() {
    for (String lib :
        new String[] {
          "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"
        }) {
      if (Files.exists(Paths.get(lib, "rsyslog", "imrelp.so"))) {
        return true;
      }
    }
    return false;
  }

  /** Configures rsyslog; the test starts it. */
  private RsyslogProcess configure() throws IOException {
    Path work = Files.createDirectories(dir.resolve("work"));
    // A Direct queue: rsyslog writes the message to the file before imrelp acknowledges it, so
    // an acknowledged message survives SIGKILL (the default in-memory queue would lose it).
    String conf =
        String.join(
            "\n",
            "global(workDirectory=\"" + work + "\")",
            "module(load=\"imrelp\")",
            "template(name=\"raw\" type=\"string\" string=\"%rawmsg%\\n\")",
            "ruleset(name=\"relp\" queue.type=\"Direct\") {",
            "  action(type=\"omfile\" file=\"" + out + "\" template=\"raw\")",
            "}",
            "input(type=\"imrelp\" port=\"" + port + "\" ruleset=\"relp\")",
            "");
    RsyslogProcess r = new RsyslogProcess(dir, port, conf);
    rsyslog = r;
    return r;
  }

  @AfterEach
  void stop() throws InterruptedException {
    RsyslogProcess r = rsyslog;
    if (r != null) {
      r.stop();
    }
  }

  private BitSet received() throws IOException {
    BitSet seen = new BitSet(COUNT);
    if (!Files.exists(out)) {
      return seen;
    }
    try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = r.readLine()) != null) {
        Matcher m = SEQ.matcher(line);
        if (m.find()) {
          seen.set(Integer.parseInt(m.group(1)));
        }
      }
    }
    return seen;
  }

  private static ApplianceEvent event(int seq) {
    return ApplianceEvent.builder("UserCreated")
        .id("relp-" + seq)
        .property("Seq", Integer.toString(seq))
        .build();
  }

  private Subscriber subscriber() {
    return Subscriber.builder(Subscriber.SYSLOG)
        .id(1)
        .subscribe("UserCreated")
        .syslogProperties(
            SyslogSubscriberProperties.builder()
                .networkAddress("localhost")
                .port(port)
                .protocol(SyslogProtocol.Relp)
                .build())
        .build();
  }

  @Test
  void send_relp_acknowledgedByRsyslog() throws Exception {
    assumeTrue(
        RsyslogProcess.installed() && imrelpInstalled(),
        "rsyslogd with imrelp is not installed (Debian rsyslog-relp; .ci/run installs it)");
    port = FreePorts.lowPort();
    out = dir.resolve("out.log");
    RsyslogProcess server = configure();
    server.start();
    try (SyslogTransport t = SyslogTransport.builder().appName("pamkit-test").build()) {
      DeliveryReceipt r = t.send(Notification.of(event(7), subscriber()));
      assertEquals(DeliveryAssurance.ACKNOWLEDGED, r.assurance());
    }
    // acknowledged after the Direct queue wrote it: already in the file
    assertTrue(received().get(7), RsyslogProcess.read(out));
  }

  @Test
  void publish_rsyslogKilledAndRestartedMidRun_everyMessageArrivesAtLeastOnce() throws Exception {
    assumeTrue(
        RsyslogProcess.installed() && imrelpInstalled(),
        "rsyslogd with imrelp is not installed (Debian rsyslog-relp; .ci/run installs it)");
    port = FreePorts.lowPort();
    out = dir.resolve("out.log");
    RsyslogProcess server = configure();
    server.start();
    AtomicLong delivered = new AtomicLong();
    AtomicInteger dead = new AtomicInteger();
    CountDownLatch third = new CountDownLatch(1);
    CountDownLatch all = new CountDownLatch(1);
    DispatchListener listener =
        new DispatchListener() {
          @Override
          public void delivered(Notification n, DeliveryReceipt receipt, int attempt) {
            long d = delivered.incrementAndGet();
            if (d == COUNT / 3) {
              third.countDown();
            }
            if (d == COUNT) {
              all.countDown();
            }
          }

          @Override
          public void deadLettered(DeadLetter deadLetter) {
            dead.incrementAndGet();
          }
        };
    RetryPolicy retry =
        RetryPolicy.builder()
            .initialDelay(Duration.ofMillis(100))
            .maxDelay(Duration.ofSeconds(1))
            .maxAttempts(1000)
            .build();
    SyslogTransport relp =
        SyslogTransport.builder()
            .appName("pamkit-test")
            .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
            .build();
    try (EventDispatcher d =
        EventDispatcher.builder()
            .transport(
                relp,
                LaneConfig.builder().capacity(COUNT + 1024).workers(4).retryPolicy(retry).build())
            .subscribers(List.of(subscriber()))
            .listener(listener)
            .closeTimeout(Duration.ofSeconds(30))
            .build()) {
      for (int i = 0; i < COUNT; i++) {
        d.publish(event(i));
      }
      assertTrue(third.await(120, TimeUnit.SECONDS), "a third delivered: " + delivered.get());
      long atKill = delivered.get();
      assertTrue(atKill < COUNT, "killed mid-run, after " + atKill);
      server.kill(); // SIGKILL
      server.start();
      assertTrue(
          all.await(300, TimeUnit.SECONDS),
          "all delivered: " + delivered.get() + ", dead letters " + dead.get());
    }
    assertEquals(0, dead.get());
    BitSet seen = received();
    assertEquals(
        COUNT,
        seen.cardinality(),
        "missing, first: " + seen.nextClearBit(0) + "\nrsyslogd printed:\n" + server.log());
  }
}
