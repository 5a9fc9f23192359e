// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;

/**
 * A lane's bounded, lock-free, allocation-free multi-producer multi-consumer array queue (Dmitry
 * Vyukov's design: each slot has a sequence number that tells producers and consumers whose turn it
 * is, so that an offer and a take each cost one CAS). The JDK's ArrayBlockingQueue takes a lock per
 * operation and LinkedBlockingQueue allocates a node per element; the dispatch hot path can afford
 * neither.
 *
 * <p>A slot holds an entry of three values: an item, an optional {@link RoutingIndex.Group} and a
 * mask. The asynchronous publish path enqueues one entry per event and lane, {@code (event, group,
 * mask)}, that stands for the notifications of the group's members selected by the mask; other
 * paths enqueue {@code (notification, null, 0)}. The values are plain array elements published by
 * the release store of the slot's sequence and read after its acquire load.
 *
 * <p>A consumer {@linkplain #claim() claims} a slot, reads its values, then {@linkplain #release
 * releases} it, which makes it available to producers again.
 */
final class LaneQueue {
  private final int mask;
  private final @Nullable Object[] items;
  private final RoutingIndex.@Nullable Group[] groups;
  private final long[] masks;
  private final AtomicLongArray sequences;
  private final PaddedCounter tail = new PaddedCounter();
  private final PaddedCounter head = new PaddedCounter();

  LaneQueue(int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
    }
    this.mask = capacity - 1;
    this.items = new Object[capacity];
    this.groups = new RoutingIndex.Group[capacity];
    this.masks = new long[capacity];
    this.sequences = new AtomicLongArray(capacity);
    for (int i = 0; i < capacity; i++) {
      sequences.set(i, i);
    }
  }

  /** Enqueues one notification; false when full. */
  boolean offer(Notification n) {
    return offer(n, null, 0);
  }

  /**
   * Enqueues an entry; false when full.
   *
   * @param item a notification, or the event of a group entry
   * @param group the group of a group entry, else null
   * @param bits the members of the group selected, else 0
   */
  boolean offer(Object item, RoutingIndex.@Nullable Group group, long bits) {
    long pos = tail.get();
    for (; ; ) {
      int index = (int) pos & mask;
      long dif = sequences.get(index) - pos;
      if (dif == 0) {
        if (tail.compareAndSet(pos, pos + 1)) {
          items[index] = item;
          groups[index] = group;
          masks[index] = bits;
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

  /**
   * Claims the oldest entry.
   *
   * @return its position, to pass to {@link #item}, {@link #group}, {@link #bits} and then {@link
   *     #release}; -1 when the queue is empty
   */
  long claim() {
    long pos = head.get();
    for (; ; ) {
      int index = (int) pos & mask;
      long dif = sequences.get(index) - (pos + 1);
      if (dif == 0) {
        if (head.compareAndSet(pos, pos + 1)) {
          return pos;
        }
        pos = head.get();
      } else if (dif < 0) {
        return -1;
      } else {
        pos = head.get();
      }
    }
  }

  /** The item of a claimed entry. */
  Object item(long pos) {
    Object item = items[(int) pos & mask];
    if (item == null) {
      throw new IllegalStateException("slot " + pos + " is not claimed");
    }
    return item;
  }

  /** The group of a claimed entry; null for a single notification. */
  RoutingIndex.@Nullable Group group(long pos) {
    return groups[(int) pos & mask];
  }

  /** The mask of a claimed entry. */
  long bits(long pos) {
    return masks[(int) pos & mask];
  }

  /** Frees a claimed slot for producers. */
  void release(long pos) {
    int index = (int) pos & mask;
    items[index] = null;
    groups[index] = null;
    sequences.lazySet(index, pos + mask + 1);
  }

  /** Whether a producer has claimed a slot no consumer has claimed yet; a full fence read. */
  boolean claimedNonEmpty() {
    return tail.get() != head.get();
  }

  /** The number of entries (not notifications). */
  int size() {
    long size = tail.get() - head.get();
    return (int) Math.max(0, Math.min(size, mask + 1L));
  }

  /**
   * Counts the notifications of the entries published and not claimed: a snapshot for metrics,
   * exact when no producer nor consumer runs at the same time.
   */
  long notifications() {
    long count = 0;
    long from = head.get();
    long to = tail.get();
    for (long pos = from; pos < to && pos - from <= mask; pos++) {
      int index = (int) pos & mask;
      if (sequences.get(index) != pos + 1) {
        continue;
      }
      count += groups[index] == null ? 1 : Long.bitCount(masks[index]);
    }
    return count;
  }

  /** An AtomicLong padded so that head and tail live on separate cache lines. */
  @SuppressWarnings("unused") // the padding fields exist only to fill cache lines
  static final class PaddedCounter extends AtomicLong {
    private static final long serialVersionUID = 1L;
    long p1, p2, p3, p4, p5, p6, p7;
    long q1, q2, q3, q4, q5, q6, q7;
  }
}
