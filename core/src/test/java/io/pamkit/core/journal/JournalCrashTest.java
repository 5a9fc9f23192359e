// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.crashtest.CrashChild;
import io.pamkit.core.subscription.Subscriber;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost across {@code SIGKILL}: a separate JVM ({@link JournalCrashChild}) publishes N
 * events to two subscribers without {@code Id} through the journal to a TCP receiver; it is killed
 * with {@code SIGKILL} at three random points and restarted until it finishes. Every notification
 * must have arrived at least once, and de-duplicating by idempotency key leaves exactly 2 N (each
 * subscriber its own key).
 *
 * <p>A second variant takes the receiver down in the middle (its connections reset, its port
 * closed) for an outage, then brings it back on the same port; the child's transport waits for the
 * receiver's acknowledgement of each line, so what the dead receiver did not take is retried from
 * the journal, never lost.
 *
 * <p>N is 5,000 by default and the outage 3 s, small enough for CI; {@code
 * -Dpamkit.crash.events=100000 -Dpamkit.crash.outageSeconds=60} runs the full size with a
 * one-minute outage.
 */
final class JournalCrashTest {
  private static final int EVENTS = Integer.getInteger("pamkit.crash.events", 5_000);
  private static final int OUTAGE_SECONDS = Integer.getInteger("pamkit.crash.outageSeconds", 3);
  private static final int KILLS = 3;

  @TempDir Path dir;

  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final AtomicLong lines = new AtomicLong();
  private final AtomicReference<KillPoint> killPoint = new AtomicReference<>();

  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong outageAt = new AtomicLong(Long.MAX_VALUE);
  private final CountDownLatch outageOver = new CountDownLatch(1);
  private volatile boolean ack;
  private volatile @Nullable ServerSocket server;

  private record KillPoint(long lines, CountDownLatch latch) {}

  @Test
  void sigkillAtRandomPoints_everyNotificationArrivesAtLeastOnceAndExactlyOnceAfterDedup()
      throws Exception {
    crash(false);
  }

  @Test
  void sigkillAtRandomPointsAndReceiverDownMidRun_everyNotificationArrivesAtLeastOnce()
      throws Exception {
    crash(true);
    assertEquals(0, outageOver.getCount(), "the receiver was down mid-run and came back");
  }

  private void crash(boolean outage) throws Exception {
    Random random = new Random();
    ack = outage;
    long notifications = 2L * EVENTS;
    if (outage) {
      outageAt.set(notifications / 3 + random.nextInt((int) Math.max(1, notifications / 3)));
    }
    int port;
    try (ServerSocket first = listenOnLowPort()) {
      port = first.getLocalPort();
      server = first;
      Thread acceptor = new Thread(() -> accept(first), "receiver");
      acceptor.setDaemon(true);
      acceptor.start();
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
        Process child = start(port, runs);
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
              + " received, %d distinct, outage %s%n",
          EVENTS,
          notifications,
          kills,
          runs,
          lines.get(),
          received.size(),
          outage ? OUTAGE_SECONDS + " s" : "none");
      assertTrue(done, "the child never finished: " + tail(dir.resolve("child-" + runs + ".log")));
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
          missing.size()
              + " notifications never arrived; the last run printed:\n"
              + tail(dir.resolve("child-" + runs + ".log")));
      assertEquals(notifications, received.size(), "distinct idempotency keys");
      assertTrue(lines.get() >= notifications);
    } finally {
      ServerSocket last = server;
      if (last != null) {
        last.close();
      }
    }
  }

  private Process start(int port, int run) throws IOException {
    return CrashChild.launch(
        JournalCrashChild.class,
        dir.resolve("child-" + run + ".log"),
        dir.resolve("journal").toString(),
        Integer.toString(port),
        Integer.toString(EVENTS),
        dir.resolve("progress").toString(),
        ack ? "ack" : "plain");
  }

  /**
   * Listens on a port below the kernel's ephemeral range: while the receiver is down, a client
   * connecting to an ephemeral port can be given that same port as its own and connect to itself.
   */
  private static ServerSocket listenOnLowPort() throws IOException {
    Random random = new Random();
    IOException last = null;
    for (int i = 0; i < 200; i++) {
      try {
        return listen(20_000 + random.nextInt(12_000));
      } catch (BindException busy) {
        last = busy;
      }
    }
    throw new IOException("no free loopback port in 20000..32000", last);
  }

  private static String tail(Path log) {
    try {
      String s = Files.readString(log, StandardCharsets.UTF_8);
      return s.substring(Math.max(0, s.length() - 4000));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    return s;
  }

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket s = listening.accept();
        open.add(s);
        Thread reader = new Thread(() -> read(s), "receiver-conn");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  /**
   * The receiver dies: its port closes and every connection is reset with what it has not read;
   * after the outage it listens on the same port again.
   */
  private void outage() {
    try {
      ServerSocket s = server;
      if (s != null) {
        s.close();
      }
      for (Socket c : open) {
        c.setSoLinger(true, 0);
        c.close();
      }
      Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS));
      ServerSocket again = listen(requireNonNull(s).getLocalPort());
      server = again;
      Thread acceptor = new Thread(() -> accept(again), "receiver-after-outage");
      acceptor.setDaemon(true);
      acceptor.start();
      outageOver.countDown();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("the receiver did not come back after its outage", e);
    }
  }

  private void read(Socket s) {
    try (s;
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
      OutputStream acks = s.getOutputStream();
      String line;
      while ((line = in.readLine()) != null) {
        received.computeIfAbsent(line, k -> new AtomicInteger()).incrementAndGet();
        if (ack) {
          acks.write('+');
          acks.flush();
        }
        long n = lines.incrementAndGet();
        if (n == outageAt.get()) {
          Thread down = new Thread(this::outage, "receiver-outage");
          down.setDaemon(true);
          down.start();
        }
        KillPoint k = killPoint.get();
        if (k != null && n >= k.lines()) {
          k.latch().countDown();
        }
      }
    } catch (IOException e) {
      // The child was killed, or the receiver died: the connection ends.
    } finally {
      open.remove(s);
    }
  }
}
