// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gate of one task service (check or change password, SSH key, API key or file, the discovery
 * jobs, directory sync, SCIM provisioning). A task, scheduled or manual, starts only with a {@link
 * Permit}; while the service is off no permit is given, and the tasks already running finish.
 * {@link #awaitDrained(Duration)} waits until they have.
 *
 * <p>Thread-safe and lock-free on the acquire path. A permit acquired concurrently with the
 * switch-off either was granted before the switch-off took effect (and is counted by {@link
 * #awaitDrained(Duration)}) or is refused.
 */
public final class TaskGate {
  private final Service service;
  private final ServiceToggles toggles;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger waiters = new AtomicInteger();
  private final Object drained = new Object();

  TaskGate(Service service, ServiceToggles toggles) {
    this.service = service;
    this.toggles = toggles;
  }

  /**
   * Returns the task service this gate guards.
   *
   * @return the service
   */
  public Service service() {
    return service;
  }

  /**
   * Acquires a permit to start one task.
   *
   * @return a permit to close when the task ends
   * @throws ServiceDisabledException if the service is off
   */
  public Permit acquire() {
    return tryAcquire()
        .orElseThrow(
            () ->
                new ServiceDisabledException(
                    service,
                    service.title()
                        + " is disabled ("
                        + service.wireName()
                        + " is off): no new task may start. "
                        + ServiceDisabledException.TEMPORARILY_DISABLED));
  }

  /**
   * Acquires a permit to start one task on an account or asset, which also needs the object's own
   * services to be enabled (see {@link ObjectServices}).
   *
   * @param target the account or asset the task works on
   * @return a permit to close when the task ends
   * @throws ServiceDisabledException if the service is off, or the object's services are not
   *     activated yet
   */
  public Permit acquire(ObjectServices target) {
    requireNonNull(target, "target");
    if (!target.enabled()) {
      throw new ServiceDisabledException(
          service,
          "services are disabled for "
              + target.objectId()
              + " ("
              + target.origin()
              + ") until it is managed or activated");
    }
    return acquire();
  }

  /**
   * Acquires a permit if the service is on.
   *
   * @return a permit, or empty when the service is off
   */
  public Optional<Permit> tryAcquire() {
    // Count first, then check: a concurrent switch-off either sees this task in the count or
    // this check sees the switch-off.
    running.incrementAndGet();
    if (!toggles.isEnabled(service)) {
      release();
      return Optional.empty();
    }
    return Optional.of(new Permit());
  }

  /**
   * Returns the number of tasks holding a permit.
   *
   * @return the count, at least 0
   */
  public int running() {
    return running.get();
  }

  /**
   * Waits until no task holds a permit, for instance after switching the service off for a
   * maintenance window.
   *
   * @param timeout how long to wait at most
   * @return true when no task is running, false when the timeout elapsed first
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitDrained(Duration timeout) throws InterruptedException {
    requireNonNull(timeout, "timeout");
    long deadline = System.nanoTime() + timeout.toNanos();
    waiters.incrementAndGet();
    try {
      synchronized (drained) {
        while (running.get() > 0) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          TimeUnit.NANOSECONDS.timedWait(drained, left);
        }
        return true;
      }
    } finally {
      waiters.decrementAndGet();
    }
  }

  private void release() {
    // Register-then-check in awaitDrained and decrement-then-check here: one of the two sides
    // always sees the other, so a waiter is never left without its wake-up.
    if (running.decrementAndGet() == 0 && waiters.get() > 0) {
      synchronized (drained) {
        drained.notifyAll();
      }
    }
  }

  /** Returns the service and the number of running tasks. */
  @Override
  public String toString() {
    return "TaskGate{" + service + ", running=" + running.get() + "}";
  }

  /**
   * The right to run one task. Close it when the task ends (closing twice is harmless).
   * Thread-safe.
   */
  public final class Permit implements AutoCloseable {
    private final AtomicBoolean closed = new AtomicBoolean();

    private Permit() {}

    /**
     * Returns the service the task belongs to.
     *
     * @return the service
     */
    public Service service() {
      return service;
    }

    /** Ends the task: releases the permit. */
    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        release();
      }
    }
  }
}
