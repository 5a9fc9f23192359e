package io.pamkit.core.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * A bounded, lock-free, allocation-free multi-producer multi-consumer array queue (Dmitry
 * Vyukov's design): each slot has a sequence number that tells producers and consumers whose
 * turn it is, so that {@link #offer} and {@link #poll} each cost one CAS. The JDK's
 * ArrayBlockingQueue takes a lock per operation and LinkedBlockingQueue allocates a node per
 * element; the dispatch hot path can afford neither.
 */
final class MpmcQueue<E extends @Nullable Object> {
  private final int mask;
  private final AtomicReferenceArray<E> elements;
  private final AtomicLongArray sequences;
  private final PaddedCounter tail = new PaddedCounter();
  private final PaddedCounter head = new PaddedCounter();

  MpmcQueue(int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
    }
    this.mask = capacity - 1;
    this.elements = new AtomicReferenceArray<>(capacity);
    this.sequences = new AtomicLongArray(capacity);
    for (int i = 0; i < capacity; i++) {
      sequences.set(i, i);
    }
  }

  boolean offer(E e) {
    long pos = tail.get();
    for (; ; ) {
      int index = (int) pos & mask;
      long dif = sequences.get(index) - pos;
      if (dif == 0) {
        if (tail.compareAndSet(pos, pos + 1)) {
          elements.lazySet(index, e);
          sequences.lazySet(index, pos + 1);
          return true;
        }
        pos = tail.get();
      } else if (dif < 0) {
        return false;
      } else {
        pos = tail.get();
      }
    }
  }

  @Nullable E poll() {
    long pos = head.get();
    for (; ; ) {
      int index = (int) pos & mask;
      long dif = sequences.get(index) - (pos + 1);
      if (dif == 0) {
        if (head.compareAndSet(pos, pos + 1)) {
          E e = elements.get(index);
          elements.lazySet(index, null);
          sequences.lazySet(index, pos + mask + 1);
          return e;
        }
        pos = head.get();
      } else if (dif < 0) {
        return null;
      } else {
        pos = head.get();
      }
    }
  }

  /** Whether a producer has claimed a slot no consumer has claimed yet; a full fence read. */
  boolean claimedNonEmpty() {
    return tail.get() != head.get();
  }

  int size() {
    long size = tail.get() - head.get();
    return (int) Math.max(0, Math.min(size, mask + 1L));
  }

  List<E> drain() {
    List<E> out = new ArrayList<>();
    for (E e = poll(); e != null; e = poll()) {
      out.add(e);
    }
    return out;
  }

  /** An AtomicLong-like counter padded so that head and tail live on separate cache lines. */
  @SuppressWarnings("unused") // the padding fields exist only to fill cache lines
  static final class PaddedCounter extends java.util.concurrent.atomic.AtomicLong {
    private static final long serialVersionUID = 1L;
    long p1, p2, p3, p4, p5, p6, p7;
    long q1, q2, q3, q4, q5, q6, q7;
  }
}
