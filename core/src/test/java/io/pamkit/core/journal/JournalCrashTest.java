// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.subscription.Subscriber;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost across {@code SIGKILL}: a separate JVM ({@link JournalCrashChild}) publishes N
 * events to two subscribers without {@code Id} through the journal to a TCP receiver; it is killed
 * with {@code SIGKILL} at three random points and restarted until it finishes. Every notification
 * must have arrived at least once, and de-duplicating by idempotency key leaves exactly 2 N (each
 * subscriber its own key).
 *
 * <p>N is 5,000 by default; {@code -Dpamkit.crash.events=100000} runs the full size.
 */
final class JournalCrashTest {
  private static final int EVENTS = Integer.getInteger("pamkit.crash.events", 5_000);
  private static final int KILLS = 3;

  @TempDir Path dir;

  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final AtomicLong lines = new AtomicLong();
  private final AtomicReference<KillPoint> killPoint = new AtomicReference<>();

  private record KillPoint(long lines, CountDownLatch latch) {}

  @Test
  void sigkillAtRandomPoints_everyNotificationArrivesAtLeastOnceAndExactlyOnceAfterDedup()
      throws Exception {
    Random random = new Random();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> accept(server), "receiver");
      acceptor.setDaemon(true);
      acceptor.start();
      long notifications = 2L * EVENTS;
      int kills = 0;
      int runs = 0;
      boolean done = false;
      while (!done && runs < KILLS + 6) {
        runs++;
        CountDownLatch trigger = new CountDownLatch(1);
        boolean kill = kills < KILLS;
        if (kill) {
          long at = lines.get() + 1 + random.nextInt((int) Math.max(1, notifications / 5));
          killPoint.set(new KillPoint(at, trigger));
        } else {
          killPoint.set(null);
        }
        Process child = start(server.getLocalPort(), runs);
        child.onExit().thenRun(trigger::countDown);
        assertTrue(
            trigger.await(10, TimeUnit.MINUTES),
            "run " + runs + " neither ended nor" + " reached its kill point");
        if (child.isAlive()) {
          child.destroyForcibly(); // SIGKILL
          child.waitFor();
          kills++;
        } else {
          done = child.exitValue() == 0;
        }
      }
      System.out.printf(
          "crash test: %d events, %d notifications, %d SIGKILLs, %d runs, %d lines"
              + " received, %d distinct%n",
          EVENTS, notifications, kills, runs, lines.get(), received.size());
      assertTrue(done, "the child never finished; see " + dir.resolve("child-*.log"));
      assertTrue(kills >= 1, "the child was never killed (it finished too fast): " + kills);

      List<Subscriber> subscribers = JournalCrashChild.subscribers();
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        for (Subscriber s : subscribers) {
          String key = "ev-" + i + "/" + s.id();
          if (!received.containsKey(key)) {
            missing.add(key);
          }
        }
      }
      assertEquals(
          List.of(),
          missing.subList(0, Math.min(20, missing.size())),
          missing.size() + " notifications never arrived");
      assertEquals(notifications, received.size(), "distinct idempotency keys");
      assertTrue(lines.get() >= notifications);
    }
  }

  private Process start(int port, int run) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        String.join(
            File.pathSeparator,
            Path.of(
                    JournalCrashChild.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString(),
            System.getProperty("jdk.module.path", ""),
            System.getProperty("java.class.path", ""));
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            classpath,
            JournalCrashChild.class.getName(),
            dir.resolve("journal").toString(),
            Integer.toString(port),
            Integer.toString(EVENTS),
            dir.resolve("progress").toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("child-" + run + ".log").toFile());
    return pb.start();
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread reader = new Thread(() -> read(s), "receiver-conn");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void read(Socket s) {
    try (s;
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        received.computeIfAbsent(line, k -> new AtomicInteger()).incrementAndGet();
        long n = lines.incrementAndGet();
        KillPoint k = killPoint.get();
        if (k != null && n >= k.lines()) {
          k.latch().countDown();
        }
      }
    } catch (IOException e) {
      // The child was killed: the connection ends.
    }
  }
}
