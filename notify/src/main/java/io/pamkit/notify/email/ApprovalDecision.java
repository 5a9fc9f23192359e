// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

/** What an approver's reply says. */
public enum ApprovalDecision {
  /** The reply approves ("Approved", "approve", Outlook's "Approve:" voting reply). */
  APPROVED,
  /** The reply rejects ("Rejected", "reject", "deny", "denied", "decline", "declined"). */
  REJECTED,
  /**
   * The reply says neither clearly: no decision word, both words, or a negation ("not approved").
   * The approver should get an answer asking for a one-word reply.
   */
  UNKNOWN
}
