// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.DeadLetter;
import io.pamkit.core.dispatch.DeliveryAssurance;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.DispatchListener;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.RetryPolicy;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.testing.Await;
import io.pamkit.testing.FreePorts;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Plain TCP syslog is at least once: a receiver that dies (its connection reset with messages it
 * had not read yet) loses nothing, because the sender writes its resend window again on the new
 * connection. Receivers here are raw sockets that read RFC 6587 octet-counted frames and keep the
 * {@code IdempotencyKey} of each whole frame they read.
 */
final class SyslogTcpAtLeastOnceTest {
  private static final Pattern KEY = Pattern.compile("IdempotencyKey=\"([^\"]+)\"");

  private static SyslogSubscriberProperties tcp(int port) {
    return SyslogSubscriberProperties.builder()
        .networkAddress("127.0.0.1")
        .port(port)
        .protocol(SyslogProtocol.TCP)
        .build();
  }

  private static ApplianceEvent event(int i) {
    return ApplianceEvent.builder("UserCreated").id("tcp-" + i).build();
  }

  /** Reads one octet-counted frame and returns its idempotency key. */
  private static String readKey(DataInputStream in) throws IOException {
    int length = 0;
    for (int c = in.read(); c != ' '; c = in.read()) {
      if (c < 0) {
        throw new EOFException();
      }
      length = length * 10 + (c - '0');
    }
    byte[] frame = new byte[length];
    in.readFully(frame);
    Matcher m = KEY.matcher(new String(frame, StandardCharsets.UTF_8));
    assertTrue(m.find(), "frame without IdempotencyKey");
    return m.group(1);
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return server;
  }

  @Test
  void send_peerResetWithUnreadMessages_windowWrittenAgainOnNewConnection() throws Exception {
    int count = 100;
    try (ServerSocket server = listen(FreePorts.lowPort());
        SyslogTransport t =
            SyslogTransportTest.transport()
                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(10))
                .build()) {
      Subscriber s =
          Subscriber.builder(Subscriber.SYSLOG)
              .id(1)
              .syslogProperties(tcp(server.getLocalPort()))
              .build();
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Notification n = Notification.of(event(i), s);
        DeliveryReceipt r = t.send(n); // connects: the listening socket's backlog takes it
        // written to the socket: not verifiable, and the receipt says so
        assertEquals(DeliveryAssurance.SENT_UNVERIFIED, r.assurance());
        sent.add(n.idempotencyKey());
      }
      try (Socket first = server.accept()) {
        // the receiver dies without reading: its kernel drops the 100 messages it held
        first.setSoLinger(true, 0);
      }
      Await.until(
          "the sender's reader to see the reset",
          Duration.ofSeconds(10),
          () -> t.metrics().connectionsLost() == 1);
      Notification last = Notification.of(event(count), s);
      t.send(last);
      sent.add(last.idempotencyKey());
      List<String> got = new ArrayList<>();
      try (Socket second = server.accept()) {
        DataInputStream in = new DataInputStream(new BufferedInputStream(second.getInputStream()));
        while (got.size() < sent.size()) {
          got.add(readKey(in));
        }
        assertEquals(sent, got, "the window, oldest first, then the new message");
        assertEquals(count, t.metrics().resent());
        assertEquals(1, t.metrics().connectionsLost());
        assertEquals(count + 1, t.metrics().sent());
      }
    }
  }

  @Test
  void publish_receiverKilledRepeatedlyMidRun_everyMessageArrivesAtLeastOnce() throws Exception {
    int count = 3_000;
    int kills = 4;
    int port = FreePorts.lowPort();
    Set<String> received = ConcurrentHashMap.newKeySet();
    AtomicLong frames = new AtomicLong();
    AtomicInteger killed = new AtomicInteger();
    Receiver receiver = new Receiver(port, kills, received, frames, killed);
    Thread rx = new Thread(receiver, "dying-syslog-receiver");
    rx.setDaemon(true);
    rx.start();
    Await.until("the receiver listening", Duration.ofSeconds(10), receiver::listening);

    AtomicLong delivered = new AtomicLong();
    Map<String, String> dead = new ConcurrentHashMap<>();
    DispatchListener listener =
        new DispatchListener() {
          @Override
          public void delivered(Notification n, DeliveryReceipt receipt, int attempt) {
            delivered.incrementAndGet();
          }

          @Override
          public void deadLettered(DeadLetter deadLetter) {
            dead.put(deadLetter.notification().idempotencyKey(), deadLetter.toString());
          }
        };
    RetryPolicy retry =
        RetryPolicy.builder()
            .initialDelay(Duration.ofMillis(20))
            .maxDelay(Duration.ofMillis(200))
            .maxAttempts(10_000)
            .build();
    Subscriber s =
        Subscriber.builder(Subscriber.SYSLOG)
            .id(1)
            .subscribe("UserCreated")
            .syslogProperties(tcp(port))
            .build();
    List<String> keys = new ArrayList<>();
    try (SyslogTransport t =
            SyslogTransportTest.transport()
                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100))
                .build();
        EventDispatcher d =
            EventDispatcher.builder()
                .transport(t, KillRun.breakerLane(count + 64, retry))
                .subscribers(List.of(s))
                .listener(listener)
                .closeTimeout(Duration.ofSeconds(30))
                .build()) {
      for (int i = 0; i < count; i++) {
        ApplianceEvent e = event(i);
        keys.add(Notification.of(e, s).idempotencyKey());
        d.publish(e);
      }
      Await.until(
          "every notification delivered or dead-lettered",
          Duration.ofSeconds(120),
          () -> delivered.get() + dead.size() == count);
      assertEquals(Map.of(), dead);
      Await.until(
          "every message received at least once: " + received.size(),
          Duration.ofSeconds(60),
          () -> received.containsAll(keys));
      assertEquals(kills, killed.get(), "the receiver died mid-run " + kills + " times");
      assertTrue(t.metrics().resent() > 0, "the window was written again");
      assertEquals(count, received.size());
      assertTrue(frames.get() >= count);
    } finally {
      receiver.stop();
    }
  }

  /**
   * A receiver that dies {@code kills} times: after a random number of frames it resets its
   * connection with whatever it has not read, closes its listening socket, and comes back on the
   * same port after a short outage.
   */
  private static final class Receiver implements Runnable {
    private final int port;
    private final int kills;
    private final Set<String> received;
    private final AtomicLong frames;
    private final AtomicInteger killed;
    private final Random random = new Random();
    private volatile boolean stopped;
    private volatile boolean listening;
    private volatile ServerSocket server;

    Receiver(int port, int kills, Set<String> received, AtomicLong frames, AtomicInteger killed) {
      this.port = port;
      this.kills = kills;
      this.received = received;
      this.frames = frames;
      this.killed = killed;
    }

    boolean listening() {
      return listening;
    }

    void stop() throws IOException {
      stopped = true;
      ServerSocket s = server;
      if (s != null) {
        s.close();
      }
    }

    @Override
    public void run() {
      while (!stopped) {
        try (ServerSocket ss = listen(port)) {
          server = ss;
          listening = true;
          boolean kill = killed.get() < kills;
          int until = kill ? 100 + random.nextInt(400) : Integer.MAX_VALUE;
          try (Socket c = ss.accept()) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(c.getInputStream()));
            for (int n = 0; n < until; n++) {
              received.add(readKey(in));
              frames.incrementAndGet();
            }
            c.setSoLinger(true, 0); // die: what is still unread in the kernel is lost
            killed.incrementAndGet();
          }
        } catch (IOException e) {
          // the sender dropped the connection, or stop() closed the socket: listen again
        }
        listening = false;
        try {
          Thread.sleep(100 + random.nextInt(200)); // the outage
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
