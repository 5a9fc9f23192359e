package io.pamkit.core.dispatch;

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
 * synchronous mode, no queue: the publisher's thread delivers), the retry bookkeeping, the
 * circuit breaker and the counters.
 *
 * <p>A notification is in exactly one place at a time: the queue, a worker (held while the
 * breaker is open, or current while sending), the scheduled retries, or the retry queue. That
 * is what lets shutdown report every notification it did not finish, and the stress test count
 * each one exactly once. The retry state ({@link Delivery}) is created only on a first failure,
 * so a successful delivery allocates nothing here.
 */
final class Lane {
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
  private static final int SPINS_BEFORE_PARK = 128;
  private static final long BREAKER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long BLOCKED_PUBLISHER_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
  /** One successful send in 16 is timed; every failed one is. */
  private static final int LATENCY_SAMPLE_MASK = 15;

  final String id;
  final Transport transport;
  final LaneConfig config;
  private final EventDispatcher dispatcher;
  private final @Nullable MpmcQueue<Notification> queue;
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

  Lane(
      Transport transport,
      String id,
      LaneConfig config,
      EventDispatcher dispatcher,
      boolean synchronous,
      ThreadFactory threads) {
    this.id = id;
    this.transport = transport;
    this.config = config;
    this.dispatcher = dispatcher;
    this.breaker =
        new CircuitBreaker(
            config.circuitBreaker(),
            dispatcher.clock(),
            (from, to) -> dispatcher.breakerChanged(id, from, to));
    if (synchronous) {
      this.queue = null;
      this.workers = new Worker[0];
    } else {
      this.queue = new MpmcQueue<>(config.capacity());
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
    MpmcQueue<Notification> q = queue;
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
    BackPressure policy = config.backPressure();
    if (!policy.blocks()) {
      return false;
    }
    long deadline = System.nanoTime() + policy.timeout().toNanos();
    while (!stopNow) {
      signal();
      LockSupport.parkNanos(this, BLOCKED_PUBLISHER_PARK_NANOS);
      if (q.offer(n)) {
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
   * Synchronous mode: makes the first attempt on the caller's thread. Returns true when
   * delivered; the caller counts deliveries (a publish adds them once per lane, not once per
   * notification, which keeps atomic operations off the per-notification path).
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
          n, d, FailureType.TRANSIENT,
          "circuit breaker of transport '" + id + "' is open", Duration.ofMillis(wait));
      return false;
    }
    return send(n, d);
  }

  /**
   * Sends once the breaker allowed the attempt; true when delivered. Never throws: a failure
   * is recorded, retried or dead-lettered here. The caller counts the delivery.
   */
  private boolean send(Notification n, @Nullable Delivery d) {
    boolean timed = d != null || (++sampleTick & LATENCY_SAMPLE_MASK) == 0;
    long start = timed ? System.nanoTime() : 0;
    FailureType type;
    String reason;
    Duration retryAfter = null;
    try {
      DeliveryReceipt receipt = transport.send(n);
      if (receipt != null) {
        if (timed) {
          latency.getAndIncrement(LatencyHistogram.bucketOf(System.nanoTime() - start));
        }
        breaker.onSuccess();
        dispatcher.delivered(n, receipt, d == null ? 1 : d.attempts.size() + 1);
        return true;
      }
      type = FailureType.TRANSIENT;
      reason = "transport '" + id + "' returned no receipt";
    } catch (DeliveryException e) {
      type = e.failureType();
      reason = e.getMessage();
      retryAfter = e.retryAfter().orElse(null);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      // The guard: whatever a third-party transport throws is a transient failure with a reason;
      // the worker survives. Only the class is logged: a message could hold anything.
      type = FailureType.TRANSIENT;
      reason = "transport '" + id + "' threw " + t.getClass().getName();
      LOG.warn("Transport '{}' threw {} for notification {}", id, t.getClass().getName(),
          n.idempotencyKey());
    }
    if (timed) {
      latency.getAndIncrement(LatencyHistogram.bucketOf(System.nanoTime() - start));
    }
    breaker.onFailure(type);
    failed(n, d, type, reason, retryAfter);
    return false;
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
        new Attempt(delivery.attempts.size() + 1, dispatcher.clock().instant(), type, reason);
    delivery.attempts.add(attempt);
    RetryPolicy policy = config.retryPolicy();
    if (!type.retryable()) {
      deadLetter(delivery, reason);
      return;
    }
    if (delivery.attempts.size() >= policy.maxAttempts()) {
      deadLetter(delivery, reason + " (attempt " + delivery.attempts.size() + " of "
          + policy.maxAttempts() + ")");
      return;
    }
    Duration delay =
        policy.delayAfter(delivery.attempts.size(), retryAfter, dispatcher.nextRandom());
    retried.increment();
    scheduled.add(delivery);
    try {
      delivery.future = dispatcher.scheduler().schedule(() -> retryDue(delivery), delay);
    } catch (RuntimeException e) {
      // The scheduler is shut down or refuses: the retry stays in `scheduled`, and shutdown
      // reports it as undelivered. Nothing is dropped.
      LOG.warn("Scheduler refused a retry of notification {} on transport '{}': {}",
          n.idempotencyKey(), id, e.getClass().getName());
    }
    dispatcher.retryScheduled(n, attempt, delay);
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
    dispatcher.deadLetter(
        new DeadLetter(delivery.notification, delivery.attempts, reason,
            dispatcher.clock().instant()));
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
  void leftovers(List<Notification> undelivered, List<Notification> inFlightOut) {
    Set<Notification> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Worker w : workers) {
      Notification current = w.current.get();
      if (current != null && w.thread.isAlive() && seen.add(current)) {
        inFlightOut.add(current);
      }
      Object held = w.held;
      if (held != null) {
        Notification h = held instanceof Delivery ? ((Delivery) held).notification
            : (Notification) held;
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
    if (queue != null) {
      for (Notification n : queue.drain()) {
        if (seen.add(n)) {
          undelivered.add(n);
        }
      }
    }
  }

  LaneMetrics metrics() {
    long[] counts = new long[LatencyHistogram.BUCKETS];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = latency.get(i);
    }
    long queued = (queue == null ? 0 : queue.size()) + retries.size() + scheduled.size();
    long sending = Math.max(0, inFlight.sum());
    long deliveredCount = delivered.sum();
    for (Worker w : workers) {
      if (w.held != null) {
        queued++;
      }
      if (w.current.get() != null) {
        sending++;
      }
      deliveredCount += w.delivered.get();
    }
    return new LaneMetrics(
        id, breaker.state(), queued, sending, deliveredCount,
        failedAttempts.sum(), retried.sum(), deadLettered.sum(), new LatencyHistogram(counts));
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
   * A worker thread. Its hot loop writes no volatile field: the delivered count and the current
   * notification are single-writer values published with release stores, and {@code busy}
   * changes only when the worker goes idle or wakes up.
   */
  private final class Worker implements Runnable {
    final Thread thread;
    final AtomicLong delivered = new AtomicLong();
    final AtomicReference<@Nullable Notification> current = new AtomicReference<>();
    volatile boolean sleeping;
    volatile boolean busy = true;
    volatile @Nullable Object held;

    Worker(ThreadFactory threads, int index) {
      this.thread = threads.newThread(this);
      thread.setName("pamkit-lane-" + id + "-" + index);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      int idleSpins = 0;
      MpmcQueue<Notification> q = queue;
      while (!stopNow) {
        Object item = held;
        if (item == null) {
          item = retries.poll();
          if (item == null && q != null) {
            item = q.poll();
          }
          if (item == null) {
            // Going idle: `busy` is cleared before the next poll is known to fail, and set again
            // before a poll can succeed, so that shutdown never sees a taken item as absent.
            busy = false;
            if (++idleSpins < SPINS_BEFORE_PARK) {
              Thread.onSpinWait();
            } else {
              sleeping = true;
              if (!stopNow && (q == null || !q.claimedNonEmpty()) && retries.isEmpty()) {
                LockSupport.park(this);
              }
              sleeping = false;
              idleSpins = 0;
            }
            busy = true;
            continue;
          }
        }
        idleSpins = 0;
        long wait = breaker.tryAcquire();
        if (wait > 0) {
          held = item;
          LockSupport.parkNanos(this, Math.min(TimeUnit.MILLISECONDS.toNanos(wait),
              BREAKER_POLL_NANOS));
          continue;
        }
        if (held != null) {
          held = null;
        }
        Delivery d = item instanceof Delivery ? (Delivery) item : null;
        Notification n = d != null ? d.notification : (Notification) item;
        current.lazySet(n);
        try {
          if (send(n, d)) {
            delivered.lazySet(delivered.get() + 1);
          }
        } catch (VirtualMachineError e) {
          throw e;
        } catch (Throwable t) {
          LOG.error("Lane '{}' failed to process notification {}: {}", id, n.idempotencyKey(),
              t.getClass().getName());
        } finally {
          current.lazySet(null);
        }
      }
      busy = false;
    }
  }
}
