// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import io.pamkit.core.dispatch.CircuitBreakerConfig;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.LaneConfig;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.PublishRejectedException;
import io.pamkit.core.dispatch.RetryPolicy;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SubscriberIdentity;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The process {@link JournalCrashTest} kills: publishes events {@code ev-0 .. ev-(N-1)} to two
 * subscribers without {@code Id} through a dispatcher whose outbox is a {@link Journal}, to a TCP
 * receiver (one line per notification: its idempotency key). Publisher threads note their progress
 * in a file (not forced: a {@code SIGKILL} does not lose the page cache) and start from it again,
 * so events after the last note are published again: duplicates, never loss. Exits 0 when every
 * event was published and the journal has nothing pending and no dead letter, 3 otherwise.
 *
 * <p>Arguments: journal directory, receiver port, N, progress file, and {@code ack} to wait for the
 * receiver's one-byte acknowledgement of each line (a receiver that dies then loses nothing the
 * transport called sent) or {@code plain}.
 */
final class JournalCrashChild {
  static final int PUBLISHERS = 16;

  private JournalCrashChild() {}

  /** The subscribers: two without Id, several per event. */
  static List<Subscriber> subscribers() {
    List<Subscriber> s =
        List.of(
            Subscriber.builder("Tcp")
                .emailAddress("first@example.com")
                .subscribe("UserCreated")
                .build(),
            Subscriber.builder("Tcp")
                .emailAddress("second@example.com")
                .subscribe("UserCreated")
                .build());
    return SubscriberIdentity.assign(s, List.of("$.EventSubscribers[0]", "$.EventSubscribers[1]"));
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    int total = Integer.parseInt(args[2]);
    Path progressFile = Path.of(args[3]);
    boolean ack = args.length > 4 && args[4].equals("ack");
    AtomicBoolean publisherFailed = new AtomicBoolean();
    Journal journal = Journal.open(dir);
    LineTransport transport = new LineTransport(port, ack);
    EventDispatcher dispatcher =
        EventDispatcher.builder()
            .transport(
                transport,
                LaneConfig.builder()
                    .retryPolicy(
                        RetryPolicy.builder()
                            .initialDelay(Duration.ofMillis(10))
                            .maxDelay(Duration.ofMillis(200))
                            .build())
                    .circuitBreaker(
                        CircuitBreakerConfig.builder().openDuration(Duration.ofMillis(500)).build())
                    .build())
            .subscribers(subscribers())
            .outbox(journal)
            .build();
    try (RandomAccessFile progress = new RandomAccessFile(progressFile.toFile(), "rw")) {
      long[] start = new long[PUBLISHERS];
      for (int t = 0; t < PUBLISHERS; t++) {
        start[t] = progress.length() >= (t + 1) * 8L ? readLong(progress, t) : t;
      }
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < PUBLISHERS; t++) {
        int id = t;
        Thread th =
            new Thread(
                () -> {
                  for (long i = start[id]; i < total; i += PUBLISHERS) {
                    publish(
                        dispatcher,
                        ApplianceEvent.builder("UserCreated")
                            .id("ev-" + i)
                            .time(Instant.parse("2026-01-02T03:04:05Z"))
                            .property("n", Long.toString(i))
                            .build());
                    if ((i / PUBLISHERS) % 64 == 0) {
                      writeLong(progress, id, i + PUBLISHERS);
                    }
                  }
                  writeLong(progress, id, total + id);
                },
                "publisher-" + t);
        th.setUncaughtExceptionHandler(
            (failedThread, e) -> {
              publisherFailed.set(true);
              e.printStackTrace();
            });
        th.start();
        threads.add(th);
      }
      for (Thread th : threads) {
        th.join();
      }
    }
    dispatcher.shutdown(Duration.ofMinutes(2));
    try (Journal check = Journal.open(dir)) {
      int pending = check.pending().size();
      List<JournalDeadLetter> dead = check.deadLetters();
      System.out.println("done; pending " + pending + ", dead letters " + dead.size());
      dead.stream().limit(5).forEach(System.out::println);
      System.exit(pending == 0 && dead.isEmpty() && !publisherFailed.get() ? 0 : 3);
    }
  }

  /**
   * Publishes, and publishes again while the lane is full (the receiver is down: nothing drains
   * it); a refusal tells the caller the event was not accepted, so trying again loses nothing.
   */
  private static void publish(EventDispatcher dispatcher, ApplianceEvent event) {
    while (true) {
      try {
        dispatcher.publish(event);
        return;
      } catch (PublishRejectedException full) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private static long readLong(RandomAccessFile f, int slot) throws IOException {
    synchronized (f) {
      f.seek(slot * 8L);
      return f.readLong();
    }
  }

  private static void writeLong(RandomAccessFile f, int slot, long value) {
    synchronized (f) {
      try {
        f.seek(slot * 8L);
        f.writeLong(value);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Sends each notification's idempotency key as one line over one TCP connection; with {@code
   * ack}, waits for the receiver's one byte per line before calling it sent.
   */
  static final class LineTransport implements Transport {
    private final int port;
    private final boolean ack;
    private @Nullable Socket socket;
    private @Nullable OutputStream out;
    private @Nullable InputStream in;

    LineTransport(int port, boolean ack) {
      this.port = port;
      this.ack = ack;
    }

    @Override
    public String channel() {
      return "Tcp";
    }

    @Override
    public synchronized DeliveryReceipt send(Notification n) throws DeliveryException {
      try {
        OutputStream o = out;
        InputStream i = in;
        if (o == null || i == null) {
          Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
          socket = s;
          o = new BufferedOutputStream(s.getOutputStream());
          i = s.getInputStream();
          out = o;
          in = i;
        }
        o.write((n.idempotencyKey() + "\n").getBytes(StandardCharsets.UTF_8));
        o.flush();
        if (ack && i.read() != '+') {
          throw new IOException("no acknowledgement from the receiver");
        }
        return new DeliveryReceipt("Tcp", null, Instant.now());
      } catch (IOException e) {
        Socket s = socket;
        if (s != null) {
          try {
            s.close();
          } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        socket = null;
        in = null;
        out = null;
        throw new DeliveryException("Tcp", FailureType.TRANSIENT, e.toString(), null);
      }
    }
  }
}
