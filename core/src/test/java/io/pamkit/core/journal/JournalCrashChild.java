// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import io.pamkit.core.crashtest.CrashChild;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SubscriberIdentity;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    Journal journal = Journal.open(dir);
    LineTransport transport = new LineTransport(port, ack);
    EventDispatcher dispatcher =
        EventDispatcher.builder()
            .transport(transport, CrashChild.lane(Duration.ofMillis(500)))
            .subscribers(subscribers())
            .outbox(journal)
            .build();
    boolean published =
        CrashChild.publishAll(
            dispatcher, PUBLISHERS, total, progressFile, JournalCrashChild::event);
    dispatcher.shutdown(Duration.ofMinutes(2));
    CrashChild.exit(dir, published);
  }

  /** Event {@code i}. */
  private static ApplianceEvent event(long i) {
    return ApplianceEvent.builder("UserCreated")
        .id("ev-" + i)
        .time(Instant.parse("2026-01-02T03:04:05Z"))
        .property("n", Long.toString(i))
        .build();
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
