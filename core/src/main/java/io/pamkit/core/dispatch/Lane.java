// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transport's lane: a bounded lock-free queue drained by the lane's own workers (or, in
 * synchronous mode, no queue: the publisher's thread delivers), the retry bookkeeping, the circuit
 * breaker and the counters.
 *
 * <p>A notification is in exactly one place at a time: the queue (on its own, or as a member of a
 * group entry), a worker (held while the breaker is open, current while sending, or left in the
 * group entry it is sending), the scheduled retries, or the retry queue. That is what lets shutdown
 * report every notification it did not finish, and the stress test count each one exactly once. The
 * retry state ({@link Delivery}) is created only on a first failure, so a successful delivery
 * allocates nothing here.
 *
 * <p>{@link #send} is the one place that contains a transport: whatever it throws besides a {@link
 * DeliveryException}, and a {@code null} receipt, are transport bugs, turned into a {@link
 * FailureType#TRANSIENT} failure so that the worker survives and the notification is retried, then
 * dead-lettered. The first occurrence of each exception class is logged at warn with where it was
 * thrown; later ones at debug, so a broken transport cannot flood the log. The exception's message
 * is never logged nor put in the attempt's reason: a third-party message can hold anything, a
 * password included.
 *
 * <p>A lane knows its owner only through its {@link LaneContext}: it never calls the dispatcher.
 */
final class Lane {
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  /**
   * An idle worker spins this many times, then yields until {@link #SPINS_BEFORE_PARK}, then parks:
   * a busy lane hands entries over without a wake-up system call, and an idle lane uses no CPU
   * after a few tens of microseconds.
   */
  private static final int SPINS_BEFORE_YIELD = 256;

  private static final int SPINS_BEFORE_PARK = SPINS_BEFORE_YIELD + 64;
  private static final long BREAKER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long BLOCKED_PUBLISHER_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

  /** One successful send in 256 is timed; every failed one is. */
  private static final int LATENCY_SAMPLE_MASK = 255;

  /** How many stack frames the first report of an exception class shows. */
  private static final int LOGGED_FRAMES = 12;

  final String id;
  final Transport transport;
  final LaneConfig config;
  private final LaneContext context;
  private final LaneContext.Events events;

  /** Whether a listener or an outbox must hear of deliveries; false skips the calls. */
  private final boolean observed;

  /** The exception classes this lane's transport has thrown, each logged at warn once. */
  private final Set<Class<?>> thrown = ConcurrentHashMap.newKeySet();

  private final AtomicBoolean noReceiptLogged = new AtomicBoolean();
  private final @Nullable LaneQueue queue;
  private final ConcurrentLinkedQueue<Delivery> retries = new ConcurrentLinkedQueue<>();
  private final Set<Delivery> scheduled = ConcurrentHashMap.newKeySet();
  final CircuitBreaker breaker;
  private final Worker[] workers;

  private final LongAdder delivered = new LongAdder();
  private final LongAdder failedAttempts = new LongAdder();
  private final LongAdder retried = new LongAdder();
  private final LongAdder deadLettered = new LongAdder();
  private final LongAdder inFlight = new LongAdder();
  private final AtomicLongArray latency = new AtomicLongArray(LatencyHistogram.BUCKETS);
  // Racy on purpose: it only decides which successful sends are timed.
  private int sampleTick;

  private volatile boolean stopNow;

  Lane(Transport transport, String id, LaneConfig config, LaneContext context) {
    this.id = id;
    this.transport = transport;
    this.config = config;
    this.context = context;
    this.events = context.events();
    this.observed = events.observed();
    this.breaker =
        new CircuitBreaker(
            config.circuitBreaker(),
            context.clock(),
            (from, to) -> events.breakerChanged(id, from, to));
    ThreadFactory threads = context.threads();
    if (context.synchronous()) {
      this.queue = null;
      this.workers = new Worker[0];
    } else {
      this.queue = new LaneQueue(config.capacity());
      this.workers = new Worker[config.workers()];
      for (int i = 0; i < workers.length; i++) {
        workers[i] = new Worker(threads, i);
      }
    }
  }

  void start() {
    for (Worker w : workers) {
      w.thread.start();
    }
  }

  // ---------------------------------------------------------------- publishing side

  /**
   * Hands a notification to the lane; false when the back-pressure policy refuses it. In
   * synchronous mode, delivers it instead and counts the delivery.
   */
  boolean accept(Notification n) {
    LaneQueue q = queue;
    if (q == null) {
      if (deliverNow(n)) {
        delivered.increment();
      }
      return true;
    }
    if (q.offer(n)) {
      signal();
      return true;
    }
    return blockedOffer(q, n, null, 0);
  }

  /**
   * Asynchronous mode: hands the lane one entry for the notifications of an event to the members of
   * {@code group} selected by {@code bits} (not zero); the worker creates them. False when the
   * back-pressure policy refuses: then none was accepted.
   */
  boolean accept(ApplianceEvent event, RoutingIndex.Group group, long bits) {
    LaneQueue q = queue;
    if (q == null) {
      throw new IllegalStateException("lane '" + id + "' is synchronous");
    }
    if (q.offer(event, group, bits)) {
      signal();
      return true;
    }
    return blockedOffer(q, event, group, bits);
  }

  private boolean blockedOffer(
      LaneQueue q, Object item, RoutingIndex.@Nullable Group group, long bits) {
    BackPressure policy = config.backPressure();
    if (!policy.blocks()) {
      return false;
    }
    long deadline = System.nanoTime() + policy.timeout().toNanos();
    while (!stopNow) {
      signal();
      LockSupport.parkNanos(this, BLOCKED_PUBLISHER_PARK_NANOS);
      if (q.offer(item, group, bits)) {
        signal();
        return true;
      }
      if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
        return false;
      }
    }
    return false;
  }

  private void signal() {
    for (Worker w : workers) {
      if (w.sleeping) {
        LockSupport.unpark(w.thread);
        return;
      }
    }
  }

  // ---------------------------------------------------------------- delivery

  /**
   * Synchronous mode: makes the first attempt on the caller's thread. Returns true when delivered;
   * the caller counts deliveries (a publish adds them once per lane, not once per notification,
   * which keeps atomic operations off the per-notification path).
   */
  boolean deliverNow(Notification n) {
    return attempt(n, null);
  }

  void addDelivered(int count) {
    delivered.add(count);
  }

  /** Makes one attempt, unless the breaker refuses it (a failed attempt then). */
  private boolean attempt(Notification n, @Nullable Delivery d) {
    long wait = breaker.tryAcquire();
    if (wait > 0) {
      failed(
          n,
          d,
          FailureType.TRANSIENT,
          "circuit breaker of transport '" + id + "' is open",
          Duration.ofMillis(wait));
      return false;
    }
    return send(n, d, null);
  }

  /**
   * Sends once the breaker allowed the attempt; true when delivered. Never throws: a failure is
   * recorded, retried or dead-lettered here. A worker passes itself: it counts the delivery (before
   * the listener hears of it) and the latency in its own single-writer counters; other callers
   * count the delivery themselves.
   */
  private boolean send(Notification n, @Nullable Delivery d, @Nullable Worker w) {
    boolean timed =
        d != null || ((w != null ? ++w.sampleTick : ++sampleTick) & LATENCY_SAMPLE_MASK) == 0;
    long start = timed ? System.nanoTime() : 0;
    DeliveryReceipt receipt = null;
    FailureType type = FailureType.TRANSIENT;
    String reason = null;
    Duration retryAfter = null;
    // Only the transport runs inside the guard: a listener or outbox failing after a delivery
    // must not turn that delivery into a failed (and resent) one.
    try {
      receipt = transport.send(n);
    } catch (DeliveryException e) {
      type = e.failureType();
      reason = e.getMessage();
      retryAfter = e.retryAfter().orElse(null);
    } catch (StackOverflowError e) {
      reason = unexpected(n, e);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      reason = unexpected(n, t);
    }
    if (timed) {
      recordLatency(w, System.nanoTime() - start);
    }
    if (reason == null) {
      if (receipt != null) {
        breaker.onSuccess();
        if (w != null) {
          w.delivered.lazySet(w.delivered.get() + 1);
        }
        if (observed) {
          events.delivered(n, receipt, d == null ? 1 : d.attempts.size() + 1);
        }
        return true;
      }
      reason = noReceipt(n);
    }
    breaker.onFailure(type);
    failed(n, d, type, reason, retryAfter);
    return false;
  }

  /**
   * Contains an exception the transport should not have thrown: logs it (at warn the first time its
   * class is seen on this lane, with where it was thrown; at debug after) and returns the attempt's
   * reason. Neither names the exception's message.
   */
  private String unexpected(Notification n, Throwable t) {
    String type = t.getClass().getName();
    if (thrown.add(t.getClass())) {
      LOG.warn(
          "Transport '{}' threw {} for notification {}; counted as a transient failure."
              + " Further {} from this transport are logged at debug.{}",
          id,
          type,
          n.idempotencyKey(),
          t.getClass().getSimpleName(),
          where(t));
    } else if (LOG.isDebugEnabled()) {
      LOG.debug(
          "Transport '{}' threw {} for notification {}{}", id, type, n.idempotencyKey(), where(t));
    }
    return "transport '" + id + "' threw " + type;
  }

  /** A {@code null} receipt breaks the SPI's contract: a transport bug, logged like a throw. */
  private String noReceipt(Notification n) {
    if (noReceiptLogged.compareAndSet(false, true)) {
      LOG.warn(
          "Transport '{}' ({}) returned no receipt for notification {}; a transport must"
              + " return a receipt or throw DeliveryException. Counted as a transient failure;"
              + " further ones are logged at debug.",
          id,
          transport.getClass().getName(),
          n.idempotencyKey());
    } else {
      LOG.debug("Transport '{}' returned no receipt for notification {}", id, n.idempotencyKey());
    }
    return "transport '" + id + "' returned no receipt";
  }

  /**
   * Where an exception was thrown, without its message: the top frames of it and of each cause, one
   * per line, as a stack trace shows them.
   */
  static String where(Throwable t) {
    StringBuilder sb = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable e = t; e != null && seen.add(e); e = e.getCause()) {
      if (e != t) {
        sb.append("\nCaused by: ").append(e.getClass().getName());
      }
      StackTraceElement[] frames = e.getStackTrace();
      int shown = Math.min(frames.length, LOGGED_FRAMES);
      for (int i = 0; i < shown; i++) {
        sb.append("\n\tat ").append(frames[i]);
      }
      if (frames.length > shown) {
        sb.append("\n\t... ").append(frames.length - shown).append(" more");
      }
    }
    return sb.toString();
  }

  private void recordLatency(@Nullable Worker w, long nanos) {
    int bucket = LatencyHistogram.bucketOf(nanos);
    if (w != null) {
      w.latency.lazySet(bucket, w.latency.get(bucket) + 1);
    } else {
      latency.getAndIncrement(bucket);
    }
  }

  private void failed(
      Notification n,
      @Nullable Delivery d,
      FailureType type,
      String reason,
      @Nullable Duration retryAfter) {
    failedAttempts.increment();
    Delivery delivery = d != null ? d : new Delivery(n);
    Attempt attempt =
        new Attempt(delivery.attempts.size() + 1, context.clock().instant(), type, reason);
    delivery.attempts.add(attempt);
    RetryPolicy policy = config.retryPolicy();
    if (!type.retryable()) {
      deadLetter(delivery, reason);
      return;
    }
    if (delivery.attempts.size() >= policy.maxAttempts()) {
      deadLetter(
          delivery,
          reason + " (attempt " + delivery.attempts.size() + " of " + policy.maxAttempts() + ")");
      return;
    }
    Duration delay = policy.delayAfter(delivery.attempts.size(), retryAfter, jitter());
    Duration age = Duration.between(delivery.attempts.get(0).at(), attempt.at());
    if (!policy.allowsRetry(age, delay)) {
      deadLetter(
          delivery, reason + " (retried for " + age + "; maximum age " + policy.maxAge() + ")");
      return;
    }
    retried.increment();
    scheduled.add(delivery);
    try {
      delivery.future = context.scheduler().schedule(() -> retryDue(delivery), delay);
    } catch (RuntimeException e) {
      // The scheduler is shut down or refuses: the retry stays in `scheduled`, and shutdown
      // reports it as undelivered. Nothing is dropped.
      LOG.warn(
          "Scheduler refused a retry of notification {} on transport '{}': {}",
          n.idempotencyKey(),
          id,
          e.getClass().getName());
    }
    events.retryScheduled(n, attempt, delay);
  }

  /** The next jitter value; one outside {@code [0, 1)} (a broken generator) counts as 0. */
  private double jitter() {
    double r = context.jitter().getAsDouble();
    return r >= 0 && r < 1 ? r : 0;
  }

  private void retryDue(Delivery delivery) {
    if (queue == null) {
      inFlight.increment();
      try {
        if (scheduled.remove(delivery) && attempt(delivery.notification, delivery)) {
          delivered.increment();
        }
      } finally {
        inFlight.decrement();
      }
    } else {
      retries.add(delivery);
      scheduled.remove(delivery);
      signal();
    }
  }

  void deadLetter(Delivery delivery, String reason) {
    deadLettered.increment();
    events.deadLetter(
        new DeadLetter(
            delivery.notification, delivery.attempts, reason, context.clock().instant()));
  }

  // ---------------------------------------------------------------- shutdown and metrics

  /** True when nothing is queued, waiting for a retry, held or being sent. */
  boolean idle() {
    if (queue != null && queue.claimedNonEmpty()) {
      return false;
    }
    if (!retries.isEmpty() || !scheduled.isEmpty() || inFlight.sum() != 0) {
      return false;
    }
    for (Worker w : workers) {
      if (w.busy && w.thread.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /** Stops the workers, waiting at most until {@code deadlineNanos} for a send to end. */
  void stop(long deadlineNanos) {
    stopNow = true;
    for (Delivery d : scheduled) {
      Future<?> f = d.future;
      if (f != null) {
        f.cancel(false);
      }
    }
    for (Worker w : workers) {
      LockSupport.unpark(w.thread);
    }
    for (Worker w : workers) {
      joinUntil(w.thread, deadlineNanos);
      if (w.thread.isAlive()) {
        w.thread.interrupt();
        joinUntil(w.thread, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
      }
    }
  }

  private static void joinUntil(Thread t, long deadlineNanos) {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      return;
    }
    try {
      t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Collects what was left, once the workers are stopped; each notification once. */
  /** Set once by the dispatcher's shutdown: the notifications this lane left. */
  volatile long leftAtShutdown;

  void leftovers(List<Notification> undelivered, List<Notification> inFlightOut) {
    Set<Notification> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Worker w : workers) {
      Notification current = w.current.get();
      if (current != null && w.thread.isAlive() && seen.add(current)) {
        inFlightOut.add(current);
      }
      if (w.thread.isAlive()) {
        w.sending(inFlightOut);
      }
      w.remainder(undelivered);
      Object held = w.held;
      if (held != null) {
        Notification h =
            held instanceof Delivery ? ((Delivery) held).notification : (Notification) held;
        if (seen.add(h)) {
          undelivered.add(h);
        }
      }
    }
    List<Delivery> waiting = new ArrayList<>(retries);
    waiting.addAll(scheduled);
    for (Delivery d : waiting) {
      if (seen.add(d.notification)) {
        undelivered.add(d.notification);
      }
    }
    LaneQueue q = queue;
    if (q != null) {
      for (long pos = q.claim(); pos >= 0; pos = q.claim()) {
        Object item = q.item(pos);
        RoutingIndex.Group group = q.group(pos);
        long bits = q.bits(pos);
        q.release(pos);
        if (group != null) {
          group.notifications((ApplianceEvent) item, bits, undelivered);
        } else if (seen.add((Notification) item)) {
          undelivered.add((Notification) item);
        }
      }
    }
  }

  LaneMetrics metrics() {
    long[] counts = new long[LatencyHistogram.BUCKETS];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = latency.get(i);
      for (Worker w : workers) {
        counts[i] += w.latency.get(i);
      }
    }
    long queued = (queue == null ? 0 : queue.notifications()) + retries.size() + scheduled.size();
    long sending = Math.max(0, inFlight.sum());
    long deliveredCount = delivered.sum();
    for (Worker w : workers) {
      if (w.held != null) {
        queued++;
      }
      queued += Long.bitCount((long) Worker.BATCH.getAcquire(w));
      if (w.current.get() != null || (long) Worker.SENDING.getAcquire(w) != 0) {
        sending++;
      }
      deliveredCount += w.delivered.get();
    }
    return new LaneMetrics(
        id,
        breaker.state(),
        queued,
        sending,
        deliveredCount,
        failedAttempts.sum(),
        retried.sum(),
        deadLettered.sum(),
        leftAtShutdown,
        new LatencyHistogram(counts));
  }

  // ---------------------------------------------------------------- worker

  /** The retry state of a notification, created on its first failure. */
  static final class Delivery {
    final Notification notification;
    final List<Attempt> attempts = new ArrayList<>(4);
    volatile @Nullable Future<?> future;

    Delivery(Notification notification) {
      this.notification = notification;
    }
  }

  /**
   * A worker thread. Its hot loop writes no volatile field: the delivered count, the current
   * notification and the rest of the group entry it works on are single-writer values published
   * with release stores, and {@code busy} changes only when the worker goes idle or wakes up.
   */
  private final class Worker implements Runnable {
    static final VarHandle BATCH;
    static final VarHandle SENDING;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        BATCH = lookup.findVarHandle(Worker.class, "batchBits", long.class);
        SENDING = lookup.findVarHandle(Worker.class, "sendingBit", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    final Thread thread;
    final AtomicLong delivered = new AtomicLong();

    /** This worker's latency counts, single-writer; the lane's metrics add them up. */
    final AtomicLongArray latency = new AtomicLongArray(LatencyHistogram.BUCKETS);

    /** Which successful sends are timed; this worker's own. */
    int sampleTick;

    final AtomicReference<@Nullable Notification> current = new AtomicReference<>();
    volatile boolean sleeping;
    volatile boolean busy = true;
    volatile @Nullable Object held;

    /** The group entry being delivered: its event, its group, and the members not yet sent. */
    private @Nullable ApplianceEvent batchEvent;

    private RoutingIndex.@Nullable Group batchGroup;

    /**
     * The members of the group entry not yet sent, and the one being sent (no reference store per
     * notification: a G1 write barrier costs more than the rest of a hand-over). Written by this
     * worker only, with release stores; read by others with acquire loads.
     */
    private long batchBits;

    private long sendingBit;

    Worker(ThreadFactory threads, int index) {
      this.thread = threads.newThread(this);
      thread.setName("pamkit-lane-" + id + "-" + index);
      thread.setDaemon(true);
    }

    /** Adds the notification of the group entry being sent, if any; once the worker is stopped. */
    void sending(List<Notification> out) {
      long bit = (long) SENDING.getAcquire(this);
      RoutingIndex.Group group = batchGroup;
      ApplianceEvent event = batchEvent;
      if (bit != 0 && group != null && event != null) {
        group.notifications(event, bit, out);
      }
    }

    /** Adds the notifications of the group entry not yet sent; once the worker is stopped. */
    void remainder(List<Notification> out) {
      long bits = (long) BATCH.getAcquire(this);
      RoutingIndex.Group group = batchGroup;
      ApplianceEvent event = batchEvent;
      if (bits != 0 && group != null && event != null) {
        group.notifications(event, bits, out);
      }
    }

    @Override
    public void run() {
      int idleSpins = 0;
      LaneQueue q = queue;
      while (!stopNow) {
        if (batchBits != 0) {
          sendBatch();
          continue;
        }
        Object item = held;
        if (item == null) {
          item = retries.poll();
          if (item == null && q != null) {
            long pos = q.claim();
            if (pos >= 0) {
              item = q.item(pos);
              RoutingIndex.Group group = q.group(pos);
              long bits = q.bits(pos);
              q.release(pos);
              if (group != null) {
                batchEvent = (ApplianceEvent) item;
                batchGroup = group;
                BATCH.setRelease(this, bits);
                idleSpins = 0;
                continue;
              }
            }
          }
          if (item == null) {
            // Going idle: `busy` is cleared before the next poll is known to fail, and set again
            // before a poll can succeed, so that shutdown never sees a taken item as absent.
            busy = false;
            idleSpins = idle(q, idleSpins);
            busy = true;
            continue;
          }
        }
        idleSpins = 0;
        long wait = breaker.tryAcquire();
        if (wait > 0) {
          held = item;
          breakerWait(wait);
          continue;
        }
        if (held != null) {
          held = null;
        }
        Delivery d = item instanceof Delivery ? (Delivery) item : null;
        Notification n = d != null ? d.notification : (Notification) item;
        current.lazySet(n);
        deliver(n, d);
      }
      busy = false;
    }

    /**
     * Sends the notifications of the group entry, until done, the breaker opens (the rest is held:
     * the run loop comes back) or the lane stops (the rest is left for the report).
     */
    private void sendBatch() {
      RoutingIndex.Group group = batchGroup;
      ApplianceEvent event = batchEvent;
      if (group == null || event == null) {
        throw new IllegalStateException("group entry without group");
      }
      Subscriber[] members = group.subscribers;
      long bits = batchBits;
      while (bits != 0) {
        long wait = breaker.tryAcquire();
        if (wait > 0) {
          breakerWait(wait);
          return;
        }
        long bit = bits & -bits;
        Notification n = Notification.create(event, members[Long.numberOfTrailingZeros(bit)]);
        bits ^= bit;
        SENDING.setRelease(this, bit);
        BATCH.setRelease(this, bits);
        sendContained(n, null);
        SENDING.setRelease(this, 0L);
        if (stopNow) {
          break;
        }
      }
      if (bits == 0) {
        batchEvent = null;
        batchGroup = null;
      }
    }

    /** Sends a notification the caller made {@link #current}. */
    private void deliver(Notification n, @Nullable Delivery d) {
      try {
        sendContained(n, d);
      } finally {
        current.lazySet(null);
      }
    }

    /** Sends; what escapes the send path is logged, never thrown, so the worker lives on. */
    private void sendContained(Notification n, @Nullable Delivery d) {
      try {
        send(n, d, this);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable t) {
        LOG.error(
            "Lane '{}' failed to process notification {}: {}",
            id,
            n.idempotencyKey(),
            t.getClass().getName());
      }
    }

    private void breakerWait(long waitMillis) {
      LockSupport.parkNanos(
          this, Math.min(TimeUnit.MILLISECONDS.toNanos(waitMillis), BREAKER_POLL_NANOS));
    }

    /** One idle step: spin, then yield, then park; returns the new count of idle steps. */
    private int idle(@Nullable LaneQueue q, int idleSpins) {
      if (idleSpins < SPINS_BEFORE_YIELD) {
        Thread.onSpinWait();
        return idleSpins + 1;
      }
      if (idleSpins < SPINS_BEFORE_PARK) {
        Thread.yield();
        return idleSpins + 1;
      }
      sleeping = true;
      if (!stopNow && (q == null || !q.claimedNonEmpty()) && retries.isEmpty()) {
        LockSupport.park(this);
      }
      sleeping = false;
      return 0;
    }
  }
}
