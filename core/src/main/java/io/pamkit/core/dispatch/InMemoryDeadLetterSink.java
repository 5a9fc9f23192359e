// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The default {@link DeadLetterSink}: keeps dead letters in memory, in arrival order, until they
 * are removed. Unbounded, because a dead letter is never dropped; watch {@link #size()}.
 *
 * <p>Thread-safe.
 */
final class InMemoryDeadLetterSink implements DeadLetterSink {
  private final List<DeadLetter> letters = new ArrayList<>();

  /** Creates an empty sink. */
  InMemoryDeadLetterSink() {}

  @Override
  public synchronized void accept(DeadLetter deadLetter) {
    letters.add(requireNonNull(deadLetter, "deadLetter"));
  }

  @Override
  public synchronized List<DeadLetter> list() {
    return List.copyOf(letters);
  }

  @Override
  public synchronized boolean remove(DeadLetter deadLetter) {
    requireNonNull(deadLetter, "deadLetter");
    for (int i = 0; i < letters.size(); i++) {
      if (letters.get(i) == deadLetter) {
        letters.remove(i);
        return true;
      }
    }
    return letters.remove(deadLetter);
  }

  /**
   * Returns the number of stored dead letters.
   *
   * @return the count
   */
  public synchronized int size() {
    return letters.size();
  }

  @Override
  public String toString() {
    return "InMemoryDeadLetterSink{size=" + size() + "}";
  }
}
