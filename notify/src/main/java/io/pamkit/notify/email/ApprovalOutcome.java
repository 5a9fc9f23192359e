// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ApprovalCorrelator#correlate} made of a reply.
 *
 * @param status whether the reply decides a pending approval, and if not why
 * @param idempotencyKey the key of the notification the reply answers, or null when it answers none
 *     that is pending
 * @param decision the reply's decision ({@link ApprovalDecision#UNKNOWN} unless {@code status} is
 *     {@link Status#DECIDED})
 * @param reason a sentence for the audit log or the error reply to the approver
 */
public record ApprovalOutcome(
    Status status, @Nullable String idempotencyKey, ApprovalDecision decision, String reason) {

  /** The kinds of outcome. */
  public enum Status {
    /** The approver decided; the pending approval is removed (a reply counts once). */
    DECIDED,
    /** The reply answers a pending approval but says neither approved nor rejected. */
    UNPARSED,
    /** The reply answers no pending approval (unknown, already decided, or not a reply). */
    UNCORRELATED,
    /** The reply comes from someone other than the approver the notification was sent to. */
    WRONG_SENDER,
    /** The reply is an automatic reply (out of office), ignored. */
    AUTO_REPLY
  }

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a decision comes with a status other than DECIDED
   */
  public ApprovalOutcome {
    requireNonNull(status, "status");
    requireNonNull(decision, "decision");
    requireNonNull(reason, "reason");
    if ((status == Status.DECIDED) != (decision != ApprovalDecision.UNKNOWN)) {
      throw new IllegalArgumentException(
          "a decision goes with DECIDED only: " + status + "/" + decision);
    }
  }

  /**
   * Returns the key of the notification answered.
   *
   * @return the idempotency key, or empty
   */
  public Optional<String> key() {
    return Optional.ofNullable(idempotencyKey);
  }
}
