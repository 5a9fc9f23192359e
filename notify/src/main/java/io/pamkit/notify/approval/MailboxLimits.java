// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static java.util.Objects.requireNonNull;

import java.util.function.Predicate;

/**
 * The argument check of {@link Mailbox#poll} that {@link GraphMailbox} and {@link ImapMailbox}
 * share.
 */
final class MailboxLimits {
  private MailboxLimits() {}

  /** Checks the arguments of {@link Mailbox#poll}. */
  static void checkPoll(int max, Predicate<InboundMessage> handler) {
    requireNonNull(handler, "handler");
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, got " + max);
    }
  }
}
