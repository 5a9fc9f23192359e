// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import java.util.function.Predicate;

/**
 * Extension point: the mailbox approvers' replies arrive in. {@link ImapMailbox} reads one over
 * IMAP; implement this interface to read another (Microsoft Graph, EWS, a test folder).
 *
 * <p>Implementations must be thread-safe, or at least allow {@link #poll} from one thread at a time
 * (the workflow never calls it concurrently).
 */
@FunctionalInterface
public interface Mailbox {

  /**
   * Reads up to {@code max} messages not yet marked processed, oldest first, and hands each to
   * {@code handler}; a message for which the handler returns {@code true} is marked processed
   * (IMAP: {@code \Seen}) so that it is not read again, one for which it returns {@code false} is
   * left for the next poll.
   *
   * @param max the most messages to read
   * @param handler decides whether each message is done
   * @return the number of messages handed to the handler
   * @throws RuntimeException if the mailbox cannot be read; messages handled before the failure
   *     keep their marks
   */
  int poll(int max, Predicate<InboundMessage> handler);
}
