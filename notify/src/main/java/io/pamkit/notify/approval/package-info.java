// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Approve by email reply as a whole workflow: {@link io.pamkit.notify.approval.EmailApprovals}
 * issues keyed tokens ({@link io.pamkit.notify.approval.ApprovalTokens}, HMAC-SHA256 bound to the
 * access request, the approver and an expiry), polls a {@link io.pamkit.notify.approval.Mailbox}
 * ({@link io.pamkit.notify.approval.ImapMailbox} over IMAP, {@link
 * io.pamkit.notify.approval.GraphMailbox} over Microsoft Graph), checks each reply (token, sender,
 * {@code Authentication-Results}, replays, ambiguity) and hands the decision to a {@link
 * io.pamkit.notify.approval.DecisionSink}, typically the appliance's {@code AccessRequests/{id}/
 * Approve|Deny}. The processed replies and decided requests survive restarts in an {@link
 * io.pamkit.notify.approval.ApprovalStore}.
 *
 * <p>Parameters and return values are never null unless marked. Value types are immutable and
 * thread-safe; the workflow, the store and the mailbox are thread-safe; builders are not.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link EmailApprovals}: the workflow users build and poll.
 *   <li>{@link ApprovalTokens}: issues and verifies keyed approval tokens; users choose its key.
 *   <li>{@link ApprovalToken}: an issued or verified token, which users put in the approval email.
 *   <li>{@link ApprovalTokenException}: why a token was refused, for users who verify tokens
 *       themselves.
 *   <li>{@link ApprovalStore}: the durable replay memory users open on a file.
 *   <li>{@link ApprovalResult}: what the workflow did with one message, returned to users for their
 *       audit log.
 *   <li>{@link AuthenticationPolicy}: whether users require DKIM/ARC results on replies.
 *   <li>{@link Mailbox}: extension point: the mailbox replies are read from.
 *   <li>{@link ImapMailbox}: the IMAP mailbox users configure.
 *   <li>{@link GraphMailbox}: the Microsoft Graph mailbox users configure for Exchange Online.
 *   <li>{@link InboundMessage}: one message a mailbox read, passed to users' handlers and to
 *       process().
 *   <li>{@link DecisionSink}: extension point: where users send the checked decisions.
 *   <li>{@link DecisionRefusedException}: thrown by users' sinks when a decision is refused for
 *       good.
 * </ul>
 */
@NullMarked
package io.pamkit.notify.approval;

import org.jspecify.annotations.NullMarked;
