// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Durable publish: {@link EventDispatcher#publish} of one event to one subscriber through an
 * asynchronous lane to a no-op transport, by 8 publisher threads, with a {@link Journal} as the
 * outbox under each {@link FsyncPolicy}, beside {@code MEMORY} (no journal). With a journal, {@code
 * publish} returns once the notification's record satisfies the policy (for {@code GROUP_COMMIT}
 * and {@code EVERY_RECORD}: forced to disk); the delivered records are written behind.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JournalBenchmark -f 1 -wi 2 -w 3s -i 3
 * -r 3s}. The journal lives in {@code java.io.tmpdir}; set it to the disk you want to measure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class JournalBenchmark {

  /** MEMORY (no journal), or the journal's fsync policy. */
  @Param({"MEMORY", "NONE", "INTERVAL_10MS", "GROUP_COMMIT", "EVERY_RECORD"})
  public String mode;

  private final AtomicLong ids = new AtomicLong();
  private Path dir;
  private EventDispatcher dispatcher;

  /** A transport that does nothing. */
  static final class NoOpTransport implements Transport {
    private final DeliveryReceipt receipt = new DeliveryReceipt("NoOp", null, Instant.EPOCH);

    @Override
    public String channel() {
      return "NoOp";
    }

    @Override
    public DeliveryReceipt send(Notification notification) {
      return receipt;
    }
  }

  /** Opens the journal (unless MEMORY) and starts the dispatcher. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pamkit-journal-bench");
    EventDispatcher.Builder b =
        EventDispatcher.builder()
            .transport(new NoOpTransport())
            .subscribers(
                List.of(Subscriber.builder("NoOp").id(1).subscribe("UserCreated").build()));
    FsyncPolicy policy =
        switch (mode) {
          case "MEMORY" -> null;
          case "NONE" -> FsyncPolicy.NONE;
          case "INTERVAL_10MS" -> FsyncPolicy.interval(Duration.ofMillis(10));
          case "GROUP_COMMIT" -> FsyncPolicy.GROUP_COMMIT;
          case "EVERY_RECORD" -> FsyncPolicy.EVERY_RECORD;
          default -> throw new IllegalArgumentException(mode);
        };
    if (policy != null) {
      b.outbox(Journal.builder(dir).fsyncPolicy(policy).diskBudget(8L << 30).build());
    }
    dispatcher = b.build();
  }

  /** Shuts the dispatcher (and its journal) down and deletes the directory. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    dispatcher.shutdown(Duration.ofSeconds(30));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Publishes one event.
   *
   * @return nothing (void publish); the id counter keeps the work alive
   */
  @Benchmark
  public long publish() {
    long id = ids.incrementAndGet();
    dispatcher.publish(
        ApplianceEvent.builder("UserCreated")
            .id("ev-" + id)
            .time(Instant.EPOCH)
            .property("n", "1")
            .build());
    return id;
  }
}
