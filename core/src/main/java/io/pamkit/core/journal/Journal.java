// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.DeadLetter;
import io.pamkit.core.dispatch.DeadLetterSink;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.Outbox;
import io.pamkit.core.journal.internal.JournalRecord;
import io.pamkit.core.journal.internal.JournalRecord.Op;
import io.pamkit.core.journal.internal.SegmentScanner;
import io.pamkit.core.subscription.Subscriber;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable journal of notifications: an {@link Outbox} for the dispatcher and a {@link
 * DeadLetterSink} whose dead letters survive restarts.
 *
 * <p>A journal is a directory of segment files ({@code 0000000000000001.seg}, ...) holding one
 * record per state change of a notification: accepted, delivered, dead-lettered (with its reason),
 * re-driven, purged. Each record carries a CRC32C. One writer thread owns the open segment's {@code
 * FileChannel}: publishers hand it their records and wait (uninterruptibly) for it, so an
 * interrupted publisher cannot close the channel. When and whether a publisher waits for the {@code
 * fsync} is the {@link FsyncPolicy}; by default ({@link FsyncPolicy#GROUP_COMMIT}) the writer
 * forces every record that is waiting with one {@code fsync} and then releases all their
 * publishers, so batches form under load by themselves.
 *
 * <p>Opening a journal takes a {@link FileLock} on {@code journal.lock} (a second opener, in this
 * process or another, gets a {@link JournalException.Reason#LOCKED} error), then replays the
 * segments: a torn tail is truncated, a corrupt record followed by valid ones is skipped and the
 * ones after it are kept; {@link #recovery()} reports both. When the oldest segments hold no live
 * notification they are deleted; a sparse oldest segment has its few live records copied to the end
 * first. The directory is forced after segments are created or deleted.
 *
 * <p>The disk budget limits the bytes of the segment files: an {@link #append} that would exceed it
 * is refused with {@link JournalException.Reason#FULL}; records that finish work (delivered,
 * dead-lettered) are always written, so accepted work is never dropped.
 *
 * <p>The files hold events with their properties: protect the directory as you protect the
 * appliance's events. Thread-safe.
 *
 * <pre>{@code
 * try (Journal journal = Journal.builder(Path.of("/var/lib/pamkit/journal"))
 *     .fsyncPolicy(FsyncPolicy.GROUP_COMMIT)
 *     .build()) {
 *   EventDispatcher dispatcher = EventDispatcher.builder()
 *       .transport(transport)
 *       .subscribers(subscribers)
 *       .outbox(journal)   // dead letters go to the journal too
 *       .build();
 * }
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 */
public final class Journal implements Outbox, DeadLetterSink {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
  private static final String SUFFIX = ".seg";
  private static final String LOCK_FILE = "journal.lock";

  private final Path dir;
  private final FsyncPolicy policy;
  private final long segmentSize;
  private final long diskBudget;
  private final Clock clock;
  private final FileChannel lockChannel;
  private final FileLock fileLock;
  private final RecoveryReport recovery;

  // Guarded by lock: the state callers see, and the queue to the writer, in write order.
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final LinkedHashMap<String, Live> live = new LinkedHashMap<>();
  private List<Request> queue = new ArrayList<>();
  private long queuedBytes;
  private boolean closed;
  private @Nullable JournalException failure;

  // Written by the writer thread only (and by the constructor before it starts).
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private final Map<String, Long> home = new HashMap<>();
  private FileChannel channel;
  private long lastForceNanos = System.nanoTime();
  private boolean unforced;
  private volatile long diskUsed;

  private final Thread writer;

  private Journal(Builder b) {
    this.dir = b.dir;
    this.policy = b.policy;
    this.segmentSize = b.segmentSize;
    this.diskBudget = b.diskBudget;
    this.clock = b.clock;
    try {
      Files.createDirectories(dir);
      this.lockChannel =
          FileChannel.open(
              dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new JournalException(JournalException.Reason.IO, "cannot open journal " + dir, e);
    }
    FileLock l;
    try {
      l = lockChannel.tryLock();
    } catch (OverlappingFileLockException | IOException e) {
      l = null;
    }
    if (l == null) {
      closeQuietly(lockChannel);
      throw new JournalException(
          JournalException.Reason.LOCKED,
          "journal "
              + dir
              + " is in use by another process or journal (lock "
              + dir.resolve(LOCK_FILE)
              + " is held)",
          null);
    }
    this.fileLock = l;
    try {
      this.recovery = replay();
      this.channel = openTail();
    } catch (IOException | RuntimeException e) {
      closeQuietly(lockChannel);
      throw e instanceof JournalException je
          ? je
          : new JournalException(JournalException.Reason.IO, "cannot open journal " + dir, e);
    }
    if (!recovery.clean()) {
      for (RecoveryReport.Damage d : recovery.damage()) {
        LOG.warn(
            "Journal {}: {} bytes at offset {} of {} are damaged ({}); {}",
            dir,
            d.length(),
            d.offset(),
            d.segment().getFileName(),
            d.why(),
            d.action());
      }
    }
    this.writer = b.threadFactory.apply(this::runWriter);
    writer.start();
  }

  /**
   * Opens (or creates) a journal with the defaults: {@link FsyncPolicy#GROUP_COMMIT}, 64 MiB
   * segments, a 1 GiB disk budget.
   *
   * @param dir the journal's directory; created if absent
   * @return the open journal
   * @throws JournalException if the directory is locked or cannot be read or written
   */
  public static Journal open(Path dir) {
    return builder(dir).build();
  }

  /**
   * Starts a builder.
   *
   * @param dir the journal's directory; created if absent
   * @return a new builder holding the defaults
   */
  public static Builder builder(Path dir) {
    return new Builder(requireNonNull(dir, "dir"));
  }

  /**
   * Returns the journal's directory.
   *
   * @return the directory
   */
  public Path directory() {
    return dir;
  }

  /**
   * Returns the fsync policy.
   *
   * @return the policy
   */
  public FsyncPolicy fsyncPolicy() {
    return policy;
  }

  /**
   * Returns what opening the journal found, damage included.
   *
   * @return the report
   */
  public RecoveryReport recovery() {
    return recovery;
  }

  /**
   * Returns the bytes the segment files use.
   *
   * @return the disk usage
   */
  public long diskUsage() {
    return diskUsed;
  }

  // ------------------------------------------------------------------------------ Outbox

  /**
   * Records an accepted notification; returns when the {@link FsyncPolicy} is satisfied (for {@link
   * FsyncPolicy#GROUP_COMMIT} and {@link FsyncPolicy#EVERY_RECORD}: once the record is forced to
   * disk). Waits uninterruptibly; an interrupt flag is kept.
   *
   * @param notification the notification
   * @throws JournalException if the disk budget is used up ({@code FULL}), the journal is closed,
   *     or the write failed; the notification is then not accepted
   */
  @Override
  public void append(Notification notification) {
    await(appendAsync(notification));
  }

  /**
   * Records an accepted notification without waiting for the disk: the record is queued for the
   * writer thread and the returned future completes when the {@link FsyncPolicy} is satisfied (for
   * {@link FsyncPolicy#GROUP_COMMIT} and {@link FsyncPolicy#EVERY_RECORD}: once the record is
   * forced to disk). A publisher that records many notifications this way and then waits for the
   * futures lets the writer force all of them with a few {@code fsync}s.
   *
   * @param notification the notification
   * @return a future completed when the record is durable per the policy, or completed
   *     exceptionally with a {@link JournalException} if the write failed
   * @throws JournalException at once if the disk budget is used up ({@code FULL}) or the journal is
   *     closed or failed; the notification is then not accepted
   */
  @Override
  public CompletableFuture<Void> appendAsync(Notification notification) {
    requireNonNull(notification, "notification");
    Entry e = entry(notification);
    JournalRecord r =
        new JournalRecord(
            Op.ACCEPTED,
            e.idempotencyKey(),
            e.channel(),
            e.subscriberId(),
            e.event(),
            "",
            0,
            clock.instant());
    return requireNonNull(submit(r, new Live(e), true, true));
  }

  private static Entry entry(Notification n) {
    return new Entry(n.idempotencyKey(), n.channel(), n.subscriber().id(), n.event());
  }

  /**
   * Records that a notification was delivered. Does not wait for the disk: if the record is lost,
   * the notification is delivered again after a restart. A dead letter is not affected (use {@link
   * #purge}).
   *
   * @param notification the notification
   */
  @Override
  public void complete(Notification notification) {
    requireNonNull(notification, "notification");
    Request req =
        new Request(
            new JournalRecord(
                Op.DELIVERED,
                notification.idempotencyKey(),
                notification.channel(),
                notification.subscriber().id(),
                null,
                "",
                0,
                clock.instant()),
            null,
            null);
    String id = req.record.id();
    lock.lock();
    try {
      Live l = live.get(id);
      if (l == null || l.dead || closed) {
        return;
      }
      live.remove(id);
      enqueue(req);
    } finally {
      lock.unlock();
    }
  }

  /** Keeps the dead letter durably with its reason (same as {@link #accept}). */
  @Override
  public void deadLettered(DeadLetter deadLetter) {
    accept(deadLetter);
  }

  @Override
  public List<Entry> pending() {
    return collect(l -> !l.dead, l -> l.entry);
  }

  // ------------------------------------------------------------------------ dead letters

  /**
   * Keeps a dead letter durably, with its reason; returns once it is on disk (for the policies that
   * wait for the disk). A notification already dead-lettered is left as it is.
   *
   * @param deadLetter the dead letter
   */
  @Override
  public void accept(DeadLetter deadLetter) {
    requireNonNull(deadLetter, "deadLetter");
    Notification n = deadLetter.notification();
    String id = JournalRecord.id(n.channel(), n.idempotencyKey());
    Entry e = entry(n);
    JournalRecord r =
        new JournalRecord(
            Op.DEAD_LETTERED,
            e.idempotencyKey(),
            e.channel(),
            e.subscriberId(),
            e.event(),
            deadLetter.reason(),
            deadLetter.attempts().size(),
            deadLetter.deadLetteredAt());
    CompletableFuture<Void> f;
    lock.lock();
    try {
      ensureOpen();
      Live l = live.get(id);
      if (l != null && l.dead) {
        return;
      }
      Live d = new Live(e);
      d.dead = true;
      d.reason = deadLetter.reason();
      d.attempts = deadLetter.attempts().size();
      d.at = deadLetter.deadLetteredAt();
      d.original = deadLetter;
      f = new CompletableFuture<>();
      live.put(id, d);
      enqueue(new Request(r, d, f));
    } finally {
      lock.unlock();
    }
    await(f);
  }

  /**
   * Lists the dead letters as {@link DeadLetter}s, oldest first. Those recorded before the journal
   * was opened carry a placeholder subscriber (id and channel only) and no attempt details; {@link
   * #deadLetters()} gives the journal's own view.
   *
   * @return a snapshot
   */
  @Override
  public List<DeadLetter> list() {
    return collect(l -> l.dead, Journal::asDeadLetter);
  }

  private static DeadLetter asDeadLetter(Live l) {
    DeadLetter d = l.original;
    if (d != null) {
      return d;
    }
    Subscriber placeholder =
        Subscriber.builder(l.entry.channel()).id(l.entry.subscriberId()).build();
    return new DeadLetter(
        Notification.of(l.entry.idempotencyKey(), l.entry.event(), placeholder, l.entry.channel()),
        List.of(),
        l.reason,
        l.at);
  }

  /** Maps the live states that match, in journal order, under the lock. */
  private <T> List<T> collect(Predicate<Live> which, Function<Live, T> as) {
    lock.lock();
    try {
      List<T> out = new ArrayList<>();
      for (Live l : live.values()) {
        if (which.test(l)) {
          out.add(as.apply(l));
        }
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Hands a dead letter back for delivery: it becomes pending again, durably (a restart resumes
   * it). The dispatcher calls this when it re-drives.
   *
   * @param deadLetter the dead letter
   * @return true when the journal held it as a dead letter
   */
  @Override
  public boolean remove(DeadLetter deadLetter) {
    requireNonNull(deadLetter, "deadLetter");
    Notification n = deadLetter.notification();
    return redrive(JournalRecord.id(n.channel(), n.idempotencyKey()));
  }

  /**
   * Lists the dead letters, oldest first, with their reasons.
   *
   * @return a snapshot
   */
  public List<JournalDeadLetter> deadLetters() {
    lock.lock();
    try {
      List<JournalDeadLetter> out = new ArrayList<>();
      for (Map.Entry<String, Live> e : live.entrySet()) {
        Live l = e.getValue();
        if (l.dead) {
          out.add(new JournalDeadLetter(e.getKey(), l.entry, l.reason, l.attempts, l.at));
        }
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Re-drives a dead letter: it becomes pending again, durably, and the next dispatcher started on
   * this journal resumes it with its original idempotency key (a running dispatcher re-drives with
   * {@link io.pamkit.core.dispatch.EventDispatcher#redrive}).
   *
   * @param id the dead letter's {@link JournalDeadLetter#id()}
   * @return false when no dead letter has that id
   */
  public boolean redrive(String id) {
    return change(requireNonNull(id, "id"), Op.REDRIVEN);
  }

  /**
   * Deletes a dead letter for good.
   *
   * @param id the dead letter's {@link JournalDeadLetter#id()}
   * @return false when no dead letter has that id
   */
  public boolean purge(String id) {
    return change(requireNonNull(id, "id"), Op.PURGED);
  }

  /**
   * Finds a dead letter.
   *
   * @param id the dead letter's {@link JournalDeadLetter#id()}
   * @return the dead letter, or empty
   */
  public Optional<JournalDeadLetter> deadLetter(String id) {
    return deadLetters().stream().filter(d -> d.id().equals(id)).findFirst();
  }

  private boolean change(String id, Op op) {
    CompletableFuture<Void> f;
    lock.lock();
    try {
      ensureOpen();
      Live l = live.get(id);
      if (l == null || !l.dead) {
        return false;
      }
      if (op == Op.PURGED) {
        live.remove(id);
      } else {
        l.dead = false;
        l.original = null;
      }
      f = new CompletableFuture<>();
      enqueue(new Request(record(op, l.entry), null, f));
    } finally {
      lock.unlock();
    }
    await(f);
    return true;
  }

  // ---------------------------------------------------------------------------- close

  /**
   * Writes and forces what is queued, stops the writer thread and releases the lock. Idempotent.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      work.signalAll();
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    try {
      fileLock.release();
    } catch (IOException e) {
      LOG.debug("Journal {}: releasing the lock failed", dir, e);
    }
    closeQuietly(lockChannel);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    lock.lock();
    try {
      return "Journal{dir=" + dir + ", policy=" + policy + ", live=" + live.size() + "}";
    } finally {
      lock.unlock();
    }
  }

  // ------------------------------------------------------------------------- internals

  private JournalRecord record(Op op, Entry e) {
    return new JournalRecord(
        op, e.idempotencyKey(), e.channel(), e.subscriberId(), null, "", 0, clock.instant());
  }

  /** Queues a record for the writer; {@code wait} gives it a future. Caller must not hold lock. */
  private @Nullable CompletableFuture<Void> submit(
      JournalRecord r, Live state, boolean budgeted, boolean wait) {
    Request req = new Request(r, state, wait ? new CompletableFuture<>() : null);
    lock.lock();
    try {
      ensureOpen();
      if (budgeted && diskUsed + queuedBytes + req.bytes.length > diskBudget) {
        throw new JournalException(
            JournalException.Reason.FULL,
            "journal "
                + dir
                + " has used its disk budget of "
                + diskBudget
                + " bytes; the notification is not"
                + " accepted (deliver or purge pending work, or raise the budget)",
            null);
      }
      String id = r.id();
      Live old = live.get(id);
      if (old != null) {
        old.entry = state.entry;
        old.dead = false;
        old.original = null;
        req.state = old;
      } else {
        live.put(id, state);
      }
      enqueue(req);
    } finally {
      lock.unlock();
    }
    return req.done;
  }

  private void ensureOpen() {
    if (closed) {
      throw new JournalException(
          JournalException.Reason.CLOSED, "journal " + dir + " is closed", null);
    }
    JournalException f = failure;
    if (f != null) {
      throw new JournalException(
          JournalException.Reason.IO,
          "journal " + dir + " failed earlier and accepts nothing more: " + f.getMessage(),
          f.getCause());
    }
  }

  /**
   * Hands a record to the writer. Only the first record of an empty queue wakes the writer: it
   * waits only while the queue is empty, and takes everything queued at once when it wakes.
   */
  private void enqueue(Request req) {
    boolean wasEmpty = queue.isEmpty();
    queue.add(req);
    queuedBytes += req.bytes.length;
    if (wasEmpty) {
      work.signal();
    }
  }

  private static void await(@Nullable CompletableFuture<Void> f) {
    if (f == null) {
      return;
    }
    try {
      f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof JournalException je) {
        // a JournalException is always built with a message
        throw new JournalException(je.reason(), requireNonNull(je.getMessage()), je.getCause());
      }
      throw e;
    }
  }

  private void runWriter() {
    while (true) {
      List<Request> batch;
      lock.lock();
      try {
        while (queue.isEmpty() && !closed) {
          if (unforced && policy.mode() == FsyncPolicy.Mode.INTERVAL) {
            long wait = policy.interval().toNanos() - (System.nanoTime() - lastForceNanos);
            if (wait <= 0) {
              break;
            }
            try {
              work.awaitNanos(wait);
            } catch (InterruptedException e) {
              // The writer is never interrupted by pamkit; keep going until closed.
            }
          } else {
            work.awaitUninterruptibly();
          }
        }
        if (queue.isEmpty() && closed) {
          break;
        }
        batch = queue;
        queue = new ArrayList<>();
        queuedBytes = 0;
      } finally {
        lock.unlock();
      }
      write(batch);
    }
    try {
      channel.force(false);
      channel.close();
    } catch (IOException e) {
      LOG.warn("Journal {}: the last fsync at close failed: {}", dir, e.toString());
    }
  }

  private void write(List<Request> batch) {
    int done = 0;
    try {
      if (policy.mode() == FsyncPolicy.Mode.EVERY_RECORD) {
        for (Request r : batch) {
          writeAll(List.of(r));
          channel.force(false);
          done++;
          complete(r);
        }
      } else {
        writeAll(batch);
        unforced = true;
        if (policy.mode() == FsyncPolicy.Mode.GROUP_COMMIT
            || policy.mode() == FsyncPolicy.Mode.INTERVAL
                && System.nanoTime() - lastForceNanos >= policy.interval().toNanos()) {
          force();
        }
        for (Request r : batch) {
          complete(r);
        }
        done = batch.size();
      }
      if (batch.isEmpty() && unforced) {
        force();
      }
    } catch (IOException | RuntimeException e) {
      JournalException je =
          new JournalException(JournalException.Reason.IO, "cannot write journal " + dir, e);
      LOG.error("Journal {}: a write failed ({}); it accepts nothing more", dir, e.toString());
      lock.lock();
      try {
        failure = je;
        for (int i = done; i < batch.size(); i++) {
          Request r = batch.get(i);
          Live s = r.state;
          if (r.record.op() == Op.ACCEPTED && s != null && live.get(r.record.id()) == s) {
            live.remove(r.record.id());
          }
        }
      } finally {
        lock.unlock();
      }
      for (int i = done; i < batch.size(); i++) {
        CompletableFuture<Void> f = batch.get(i).done;
        if (f != null) {
          f.completeExceptionally(je);
        }
      }
    }
  }

  private void force() throws IOException {
    channel.force(false);
    unforced = false;
    lastForceNanos = System.nanoTime();
  }

  private static void complete(Request r) {
    if (r.done != null) {
      r.done.complete(null);
    }
  }

  /**
   * Writes a batch with as few system calls as the segment size allows: the records that fit the
   * current segment in one gathering write, then a roll, and so on.
   */
  private void writeAll(List<Request> batch) throws IOException {
    int i = 0;
    while (i < batch.size()) {
      Segment current = segments.lastEntry().getValue();
      if (current.size > 0 && current.size + batch.get(i).bytes.length > segmentSize) {
        roll();
        current = segments.lastEntry().getValue();
      }
      long room = Math.max(segmentSize - current.size, batch.get(i).bytes.length);
      int end = i;
      long bytes = 0;
      while (end < batch.size() && end - i < 1024 && bytes + batch.get(end).bytes.length <= room) {
        bytes += batch.get(end).bytes.length;
        end++;
      }
      ByteBuffer[] buffers = new ByteBuffer[end - i];
      for (int k = i; k < end; k++) {
        buffers[k - i] = ByteBuffer.wrap(batch.get(k).bytes);
      }
      long left = bytes;
      while (left > 0) {
        left -= channel.write(buffers);
      }
      current.size += bytes;
      diskUsed += bytes;
      for (int k = i; k < end; k++) {
        account(batch.get(k).record, current);
      }
      i = end;
    }
  }

  private void writeFully(byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      channel.write(b);
    }
    Segment current = segments.lastEntry().getValue();
    current.size += bytes.length;
    diskUsed += bytes.length;
  }

  /** Updates which segment holds each live notification's latest full record. */
  private void account(JournalRecord r, Segment current) {
    String id = r.id();
    current.records++;
    switch (r.op()) {
      case ACCEPTED, DEAD_LETTERED -> {
        Long old = home.put(id, current.seq);
        if (old != null) {
          Segment s = segments.get(old);
          if (s != null) {
            s.live--;
          }
        }
        current.live++;
      }
      case DELIVERED, PURGED -> {
        Long old = home.remove(id);
        if (old != null) {
          Segment s = segments.get(old);
          if (s != null) {
            s.live--;
          }
        }
      }
      case REDRIVEN -> {
        // The payload stays where the dead letter's record is.
      }
    }
  }

  private void roll() throws IOException {
    force();
    channel.close();
    long seq = segments.lastKey() + 1;
    Path file = dir.resolve(name(seq));
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    segments.put(seq, new Segment(seq, file));
    forceDirectory();
    compact();
  }

  /**
   * Deletes the oldest segments that hold no live notification. A sparse oldest segment (live
   * records at most a quarter of its records) has its live notifications copied to the end first.
   * Only a prefix of segments is deleted, so a finishing record is never deleted before the record
   * it finishes.
   */
  private void compact() throws IOException {
    boolean deleted = false;
    while (segments.size() > 1) {
      Segment oldest = segments.firstEntry().getValue();
      if (oldest.live > 0 && oldest.live * 4 > oldest.records) {
        break;
      }
      if (oldest.live > 0) {
        relocate(oldest);
        if (oldest.live > 0) {
          break;
        }
      }
      Files.delete(oldest.file);
      segments.remove(oldest.seq);
      diskUsed -= oldest.size;
      deleted = true;
    }
    if (deleted) {
      forceDirectory();
    }
  }

  private void relocate(Segment oldest) throws IOException {
    List<JournalRecord> copies = new ArrayList<>();
    lock.lock();
    try {
      for (Map.Entry<String, Long> h : home.entrySet()) {
        if (h.getValue() != oldest.seq) {
          continue;
        }
        Live l = live.get(h.getKey());
        if (l == null) {
          continue; // its finishing record is queued
        }
        Entry e = l.entry;
        copies.add(
            l.dead
                ? new JournalRecord(
                    Op.DEAD_LETTERED,
                    e.idempotencyKey(),
                    e.channel(),
                    e.subscriberId(),
                    e.event(),
                    l.reason,
                    l.attempts,
                    l.at)
                : new JournalRecord(
                    Op.ACCEPTED,
                    e.idempotencyKey(),
                    e.channel(),
                    e.subscriberId(),
                    e.event(),
                    "",
                    0,
                    clock.instant()));
      }
    } finally {
      lock.unlock();
    }
    Segment current = segments.lastEntry().getValue();
    for (JournalRecord r : copies) {
      writeFully(r.encode());
      account(r, current);
    }
    force();
  }

  private void forceDirectory() throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  private RecoveryReport replay() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path p : ds) {
        files.add(p);
      }
    }
    files.sort(null);
    List<RecoveryReport.Damage> damage = new ArrayList<>();
    long records = 0;
    long used = 0;
    for (Path file : files) {
      String n = file.getFileName().toString();
      long seq;
      try {
        seq = Long.parseLong(n.substring(0, n.length() - SUFFIX.length()));
      } catch (NumberFormatException e) {
        LOG.warn("Journal {}: ignoring {}, not a segment name", dir, n);
        continue;
      }
      Segment seg = new Segment(seq, file);
      segments.put(seq, seg);
      byte[] data = Files.readAllBytes(file);
      SegmentScanner.Result result = SegmentScanner.scan(data);
      long size = data.length;
      for (SegmentScanner.Damage d : result.damage()) {
        damage.add(
            new RecoveryReport.Damage(
                file,
                d.offset(),
                d.length(),
                d.tail() ? RecoveryReport.Action.TRUNCATED : RecoveryReport.Action.SKIPPED,
                d.why()));
        if (d.tail()) {
          try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(result.validEnd());
            c.force(true);
          }
          size = result.validEnd();
        }
      }
      seg.size = size;
      used += size;
      for (JournalRecord r : result.records()) {
        records++;
        apply(r);
        account(r, seg);
      }
    }
    diskUsed = used;
    int dead = 0;
    for (Live l : live.values()) {
      if (l.dead) {
        dead++;
      }
    }
    return new RecoveryReport(files.size(), records, live.size() - dead, dead, damage);
  }

  /** Replays one record onto the state. */
  private void apply(JournalRecord r) {
    String id = r.id();
    switch (r.op()) {
      case ACCEPTED -> {
        Entry e = new Entry(r.key(), r.channel(), r.subscriberId(), requireNonNull(r.event()));
        Live old = live.get(id);
        if (old != null) {
          old.entry = e;
          old.dead = false;
        } else {
          live.put(id, new Live(e));
        }
      }
      case DEAD_LETTERED -> {
        Live d =
            new Live(new Entry(r.key(), r.channel(), r.subscriberId(), requireNonNull(r.event())));
        d.dead = true;
        d.reason = r.reason();
        d.attempts = r.attempts();
        d.at = r.time();
        live.put(id, d);
      }
      case REDRIVEN -> {
        Live l = live.get(id);
        if (l != null) {
          l.dead = false;
        }
      }
      case DELIVERED, PURGED -> live.remove(id);
    }
  }

  private FileChannel openTail() throws IOException {
    if (segments.isEmpty()) {
      Path file = dir.resolve(name(1));
      segments.put(1L, new Segment(1, file));
      FileChannel c =
          FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      forceDirectory();
      return c;
    }
    Segment last = segments.lastEntry().getValue();
    FileChannel c = FileChannel.open(last.file, StandardOpenOption.WRITE);
    c.position(last.size);
    return c;
  }

  private static String name(long seq) {
    return String.format("%016d%s", seq, SUFFIX);
  }

  private static void closeQuietly(FileChannel c) {
    try {
      c.close();
    } catch (IOException e) {
      LOG.debug("closing {} failed", c, e);
    }
  }

  /** A live notification: pending, or a dead letter. Guarded by the journal's lock. */
  private static final class Live {
    Entry entry;
    boolean dead;
    String reason = "";
    int attempts;
    Instant at = Instant.EPOCH;
    @Nullable DeadLetter original;

    Live(Entry entry) {
      this.entry = entry;
    }
  }

  /** A record on its way to the writer. */
  private static final class Request {
    final JournalRecord record;
    final byte[] bytes;
    @Nullable Live state;
    final @Nullable CompletableFuture<Void> done;

    Request(JournalRecord record, @Nullable Live state, @Nullable CompletableFuture<Void> done) {
      this.record = record;
      this.bytes = record.encode();
      this.state = state;
      this.done = done;
    }
  }

  /** One segment file's bookkeeping. Writer thread only. */
  private static final class Segment {
    final long seq;
    final Path file;
    long size;
    long records;
    long live;

    Segment(long seq, Path file) {
      this.seq = seq;
      this.file = file;
    }
  }

  /** Builds {@link Journal}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private final Path dir;
    private FsyncPolicy policy = FsyncPolicy.GROUP_COMMIT;
    private long segmentSize = 64L * 1024 * 1024;
    private long diskBudget = 1024L * 1024 * 1024;
    private Clock clock = Clock.systemUTC();
    private java.util.function.Function<Runnable, Thread> threadFactory =
        r -> {
          Thread t = new Thread(r, "pamkit-journal-writer");
          t.setDaemon(true);
          return t;
        };

    private Builder(Path dir) {
      this.dir = dir;
    }

    /**
     * Sets when records are forced to disk. Default: {@link FsyncPolicy#GROUP_COMMIT}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder fsyncPolicy(FsyncPolicy policy) {
      this.policy = requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the size after which a new segment file is started. Default: 64 MiB.
     *
     * @param bytes at least 4 KiB
     * @return this builder
     * @throws IllegalArgumentException if smaller
     */
    public Builder segmentSize(long bytes) {
      if (bytes < 4096) {
        throw new IllegalArgumentException("segmentSize must be at least 4096 bytes: " + bytes);
      }
      this.segmentSize = bytes;
      return this;
    }

    /**
     * Sets the disk budget: the bytes the segment files may use before new notifications are
     * refused. Default: 1 GiB.
     *
     * @param bytes at least 4 KiB
     * @return this builder
     * @throws IllegalArgumentException if smaller
     */
    public Builder diskBudget(long bytes) {
      if (bytes < 4096) {
        throw new IllegalArgumentException("diskBudget must be at least 4096 bytes: " + bytes);
      }
      this.diskBudget = bytes;
      return this;
    }

    /**
     * Sets the clock that stamps records. Default: the system clock (UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Opens the journal: takes the lock, replays the segments and starts the writer thread.
     *
     * @return the open journal
     * @throws JournalException if the directory is locked ({@code LOCKED}) or cannot be read or
     *     written ({@code IO})
     */
    public Journal build() {
      return new Journal(this);
    }
  }
}
