// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import io.pamkit.notify.email.ApprovalDecision;

/**
 * Extension point: where a checked decision goes, typically the appliance ({@code POST
 * AccessRequests/{id}/Approve} or {@code Deny}, made as the approver). Returning normally means the
 * decision was accepted; throwing {@link DecisionRefusedException} means it was refused for good
 * (the request was decided already, the approver lacks the right) and the reply is not tried again;
 * any other exception is taken as temporary and the reply is tried again on the next poll.
 */
@FunctionalInterface
public interface DecisionSink {

  /**
   * Submits a decision.
   *
   * @param requestId the access request id the token was bound to
   * @param approverEmail the approver's address (the verified {@code From})
   * @param decision {@link ApprovalDecision#APPROVED} or {@link ApprovalDecision#REJECTED}
   * @param comment a one-line comment for the appliance's audit trail (at most 255 characters)
   * @throws DecisionRefusedException if the decision is refused for good
   */
  void submit(String requestId, String approverEmail, ApprovalDecision decision, String comment);
}
