// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.crashtest;

import io.pamkit.core.dispatch.CircuitBreakerConfig;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.LaneConfig;
import io.pamkit.core.dispatch.PublishRejectedException;
import io.pamkit.core.dispatch.RetryPolicy;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.journal.Journal;
import io.pamkit.core.journal.JournalDeadLetter;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

/**
 * Shared scaffolding of the journal crash tests (core's {@code JournalCrashTest}, notify's {@code
 * RsyslogJournalCrashTest}), which kill a publishing child JVM with {@code SIGKILL} and restart it:
 * launching the child, its publisher threads resuming from a progress file, and its exit status
 * from the journal's state.
 */
public final class CrashChild {
  private CrashChild() {}

  /**
   * Starts {@code main} in a child JVM ({@code -Xmx256m}) on this JVM's class and module path, with
   * {@code args}, its output and errors written to {@code log}.
   */
  public static Process launch(Class<?> main, Path log, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        String.join(
            File.pathSeparator,
            Path.of(main.getProtectionDomain().getCodeSource().getLocation().getPath()).toString(),
            System.getProperty("jdk.module.path", ""),
            System.getProperty("java.class.path", ""));
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", classpath));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  /**
   * The child's lane: retries after 10 ms to 200 ms, and a circuit breaker open for {@code
   * breakerOpen}.
   */
  public static LaneConfig lane(Duration breakerOpen) {
    return LaneConfig.builder()
        .retryPolicy(
            RetryPolicy.builder()
                .initialDelay(Duration.ofMillis(10))
                .maxDelay(Duration.ofMillis(200))
                .build())
        .circuitBreaker(CircuitBreakerConfig.builder().openDuration(breakerOpen).build())
        .build();
  }

  /**
   * Publishes {@code event(0) .. event(total - 1)} from {@code publishers} threads, thread {@code
   * t} the events {@code t, t + publishers, ...}, and returns whether every thread finished. Each
   * thread notes in {@code progressFile} the next event it has to publish (every 64 events, not
   * forced: a {@code SIGKILL} does not lose the page cache, and {@code publish} returns only once
   * the journal accepted the event) and starts from that note after a restart, so events after the
   * last note are published again: duplicates, never loss.
   */
  public static boolean publishAll(
      EventDispatcher dispatcher,
      int publishers,
      long total,
      Path progressFile,
      LongFunction<ApplianceEvent> event)
      throws IOException, InterruptedException {
    AtomicBoolean publisherFailed = new AtomicBoolean();
    try (RandomAccessFile progress = new RandomAccessFile(progressFile.toFile(), "rw")) {
      long[] start = new long[publishers];
      for (int t = 0; t < publishers; t++) {
        start[t] = progress.length() >= (t + 1) * 8L ? readLong(progress, t) : t;
      }
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < publishers; t++) {
        int id = t;
        Thread th =
            new Thread(
                () -> {
                  for (long i = start[id]; i < total; i += publishers) {
                    publish(dispatcher, event.apply(i));
                    if ((i / publishers) % 64 == 0) {
                      writeLong(progress, id, i + publishers);
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
    return !publisherFailed.get();
  }

  /**
   * Prints the journal's pending notifications and dead letters and ends this JVM: status 0 when
   * {@code published} and the journal in {@code journalDir} has nothing pending and no dead letter,
   * 3 otherwise.
   */
  public static void exit(Path journalDir, boolean published) throws IOException {
    try (Journal check = Journal.open(journalDir)) {
      int pending = check.pending().size();
      List<JournalDeadLetter> dead = check.deadLetters();
      System.out.println("done; pending " + pending + ", dead letters " + dead.size());
      dead.stream().limit(5).forEach(System.out::println);
      System.exit(pending == 0 && dead.isEmpty() && published ? 0 : 3);
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
}
