// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Everything a receiver got, in arrival order, with a wait for a count: the part of {@link
 * SyslogReceiver} and {@link TrapReceiver} that a test reads after the fact. Thread-safe.
 *
 * @param <T> what arrives
 */
final class Arrivals<T> {
  private final List<T> all = new ArrayList<>();

  /** Records one arrival and wakes the waiters. */
  void add(T item) {
    synchronized (all) {
      all.add(item);
      all.notifyAll();
    }
  }

  /** Returns an immutable snapshot of every arrival so far. */
  List<T> snapshot() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  /**
   * Waits until at least {@code count} arrived in all, then returns them; fewer on timeout.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  List<T> await(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (all) {
      while (all.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(all, left);
      }
      return List.copyOf(all);
    }
  }
}
