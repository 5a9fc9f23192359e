// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import java.util.List;

/**
 * Where the dispatcher puts the notifications it gives up on. The default keeps them in memory
 * (read them with {@link #list()}, from {@link EventDispatcher#deadLetterSink()}); implement this
 * interface to keep dead letters in a database or a file.
 *
 * <p>Implementations must be thread-safe: every lane's worker calls {@link #accept}. An exception
 * escaping {@link #accept} is logged and the dead letter is kept in the dispatcher's fallback
 * in-memory sink, so that it is never lost.
 */
public interface DeadLetterSink {

  /**
   * Stores a dead letter.
   *
   * @param deadLetter the notification and its attempts
   */
  void accept(DeadLetter deadLetter);

  /**
   * Lists the stored dead letters, oldest first.
   *
   * @return a snapshot
   */
  List<DeadLetter> list();

  /**
   * Removes a dead letter, typically because it is being re-driven.
   *
   * @param deadLetter the dead letter to remove
   * @return true when it was stored and is now removed
   */
  boolean remove(DeadLetter deadLetter);
}
