// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static java.util.Objects.requireNonNull;

import io.pamkit.notify.email.ApprovalDecision;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link EmailApprovals} did with one inbound message.
 *
 * @param status the outcome
 * @param mailboxId the message's id in the mailbox
 * @param requestId the access request the message's token names, or null when it has no valid one
 * @param approver the reply's {@code From} address, or null when it has none
 * @param decision the decision submitted ({@link ApprovalDecision#UNKNOWN} unless {@link
 *     Status#SUBMITTED})
 * @param reason one sentence for the audit log, naming what was refused and why
 */
public record ApprovalResult(
    Status status,
    String mailboxId,
    @Nullable String requestId,
    @Nullable String approver,
    ApprovalDecision decision,
    String reason) {

  /** The outcomes; every one but {@link #SUBMIT_FAILED} marks the message processed. */
  public enum Status {
    /** The decision was accepted by the {@link DecisionSink}. */
    SUBMITTED,
    /** The message carries no approval token (not a reply to an approval email). */
    NO_TOKEN,
    /** The token is malformed or its MAC does not match. */
    FORGED,
    /** The token has expired. */
    EXPIRED,
    /**
     * The sender is not the approver the token was issued to, is not on the approver list, or the
     * {@code Sender} / {@code Return-Path} headers disagree with {@code From}.
     */
    WRONG_SENDER,
    /** The policy is {@link AuthenticationPolicy#REQUIRE} and the reply is not authenticated. */
    NOT_AUTHENTICATED,
    /** The message was processed before (same {@code Message-ID}). */
    REPLAYED,
    /**
     * The request was decided already by an earlier reply: the same approver decided it, or an
     * approver rejected it. Another approver's approval still goes to the sink (a request may need
     * several); the appliance refuses it when the request is no longer pending.
     */
    ALREADY_DECIDED,
    /** The reply says neither approved nor rejected clearly; nothing is guessed. */
    AMBIGUOUS,
    /** The reply is an automatic reply (out of office). */
    AUTO_REPLY,
    /** The message is larger than the limit or is not a readable email. */
    UNREADABLE,
    /** The decision sink refused the decision for good (e.g. the appliance says it is decided). */
    REFUSED,
    /** The decision sink failed temporarily; the message is left unprocessed for the next poll. */
    SUBMIT_FAILED
  }

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a decision comes with a status other than SUBMITTED
   */
  public ApprovalResult {
    requireNonNull(status, "status");
    requireNonNull(mailboxId, "mailboxId");
    requireNonNull(decision, "decision");
    requireNonNull(reason, "reason");
    if ((status == Status.SUBMITTED) != (decision != ApprovalDecision.UNKNOWN)) {
      throw new IllegalArgumentException(
          "a decision goes with SUBMITTED only: " + status + "/" + decision);
    }
  }

  /**
   * Returns the access request named by a valid token.
   *
   * @return the request id, or empty
   */
  public Optional<String> request() {
    return Optional.ofNullable(requestId);
  }
}
