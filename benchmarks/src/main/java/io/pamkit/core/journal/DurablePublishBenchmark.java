// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.DispatchListener;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.core.subscription.SyslogTcpFraming;
import io.pamkit.notify.syslog.SyslogTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Durable publish as a user meets it (issue 14's {@code pamkit publish --count 20000} to TCP
 * syslog): one thread publishes a batch of {@value #BATCH} events to one TCP syslog subscriber (a
 * real {@link SyslogTransport} writing to an in-process TCP receiver that reads and counts lines)
 * and waits until every notification is delivered and, with a journal, durable. The score is events
 * per second, end to end.
 *
 * <p>Modes: {@code MEMORY} (no journal); {@code GROUP_COMMIT_EACH} ({@link
 * EventDispatcher#publish}, which waits for the fsync of each event's record: one publisher, one
 * record per fsync); {@code GROUP_COMMIT_BATCH} ({@link EventDispatcher#publishAsync} for each
 * event, then one wait for all their futures: the writer forces whatever is queued with one fsync);
 * {@code NONE_BATCH} (no fsync). In every journal mode each event's record is on disk (forced,
 * except {@code NONE_BATCH}) when the batch's wait returns.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DurablePublishBenchmark -f 1 -wi 2 -w
 * 3s -i 5 -r 3s}. The journal lives in {@code java.io.tmpdir}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class DurablePublishBenchmark {
  static final int BATCH = 2000;

  /** The journal's mode, see the class comment. */
  @Param({"MEMORY", "GROUP_COMMIT_BATCH", "GROUP_COMMIT_EACH", "NONE_BATCH"})
  public String mode;

  private Path dir;
  private EventDispatcher dispatcher;
  private ServerSocket server;
  private final Object lock = new Object();
  private long lines;
  private long delivered;
  private long sequence;

  /** Starts the receiver, the journal (unless MEMORY) and the dispatcher. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pamkit-durable-bench");
    server = lowPortServer(); // the document's Port is at most 32767
    Thread receiver = new Thread(this::receive, "bench-tcp-receiver");
    receiver.setDaemon(true);
    receiver.start();
    Subscriber s =
        Subscriber.builder(Subscriber.SYSLOG)
            .id(1)
            .subscribe("UserCreated")
            .syslogProperties(
                SyslogSubscriberProperties.builder()
                    .networkAddress("127.0.0.1")
                    .port(server.getLocalPort())
                    .protocol(SyslogProtocol.TCP)
                    .tcpFraming(SyslogTcpFraming.LF)
                    .build())
            .build();
    EventDispatcher.Builder b =
        EventDispatcher.builder()
            .transport(SyslogTransport.builder().appName("bench").build())
            .subscribers(List.of(s))
            .listener(
                new DispatchListener() {
                  @Override
                  public void delivered(Notification n, DeliveryReceipt receipt, int attempt) {
                    synchronized (lock) {
                      delivered++;
                      lock.notifyAll();
                    }
                  }
                });
    FsyncPolicy policy =
        switch (mode) {
          case "MEMORY" -> null;
          case "GROUP_COMMIT_BATCH", "GROUP_COMMIT_EACH" -> FsyncPolicy.GROUP_COMMIT;
          case "NONE_BATCH" -> FsyncPolicy.NONE;
          default -> throw new IllegalArgumentException(mode);
        };
    if (policy != null) {
      b.outbox(Journal.builder(dir).fsyncPolicy(policy).diskBudget(8L << 30).build());
    }
    dispatcher = b.build();
  }

  private static ServerSocket lowPortServer() throws IOException {
    IOException last = null;
    for (int i = 0; i < 200; i++) {
      int port = 20000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12000);
      try {
        return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  private void receive() {
    try (Socket c = server.accept();
        InputStream in = c.getInputStream()) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) >= 0) {
        int count = 0;
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            count++;
          }
        }
        if (count > 0) {
          synchronized (lock) {
            lines += count;
            lock.notifyAll();
          }
        }
      }
    } catch (IOException e) {
      // the benchmark ended
    }
  }

  /** Stops the dispatcher (and its journal) and the receiver, deletes the directory. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    dispatcher.shutdown(Duration.ofSeconds(30));
    server.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Publishes {@value #BATCH} events and waits until all are durable, delivered and received.
   *
   * @return the lines received so far
   * @throws InterruptedException never, in practice
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long publishBatch() throws InterruptedException {
    CompletableFuture<?>[] durable = new CompletableFuture<?>[BATCH];
    boolean each = mode.equals("GROUP_COMMIT_EACH");
    for (int i = 0; i < BATCH; i++) {
      ApplianceEvent e =
          ApplianceEvent.builder("UserCreated")
              .id("ev-" + (++sequence))
              .time(Instant.EPOCH)
              .property("n", "1")
              .build();
      if (each) {
        dispatcher.publish(e);
        durable[i] = CompletableFuture.completedFuture(null);
      } else {
        durable[i] = dispatcher.publishAsync(e);
      }
    }
    CompletableFuture.allOf(durable).join();
    synchronized (lock) {
      while (delivered < sequence || lines < sequence) {
        lock.wait();
      }
      return lines;
    }
  }
}
