// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Email across providers: {@link io.pamkit.notify.email.EmailProviderChain}, a transport for the
 * {@code Email} channel that tries several email transports (SMTP, SendGrid, EWS) in order of
 * priority and fails over; {@link io.pamkit.notify.email.EmailMessageIds}, the stable {@code
 * Message-ID} every pamkit email carries; and approve-by-reply: {@link
 * io.pamkit.notify.email.ApprovalReply#parse} reads an approver's reply and {@link
 * io.pamkit.notify.email.ApprovalCorrelator} ties it to the notification it answers.
 *
 * <p>Parameters and return values are never null unless marked. Value types are immutable and
 * thread-safe; builders are not thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link ApprovalCorrelator}: ties approvers' email replies to the approval notifications;
 *       users feed it the replies they receive.
 *   <li>{@link ApprovalDecision}: what an approver's reply says, read by users from an
 *       ApprovalOutcome.
 *   <li>{@link ApprovalOutcome}: what the correlator made of a reply, returned to users.
 *   <li>{@link ApprovalReply}: an approver's reply parsed from its raw text, which users pass to
 *       the correlator.
 *   <li>{@link DeliveryOutcomeUnknownException}: tells users (and the retry logic) that an email
 *       may or may not have gone out.
 *   <li>{@link EmailMessageIds}: the stable Message-ID of a notification's email, for users who
 *       match replies or duplicates themselves.
 *   <li>{@link EmailProvider}: one transport of an EmailProviderChain with its name and priority,
 *       built by users.
 *   <li>{@link EmailProviderChain}: the Email transport users build to fail over between several
 *       email providers.
 *   <li>{@link EmailSettings}: the settings every email provider's settings share (SSL context,
 *       channel), the superclass of the settings users build, with its Builder.
 *   <li>{@link EmailTransportBuilder}: the settings every email transport's builder shares
 *       (templates, recipient resolver, clock), the superclass of the builders users call.
 *   <li>{@link HttpEmailSettings}: the settings the HTTP email providers (SendGrid, EWS, Graph)
 *       share (connect and request timeouts), the superclass of their settings, with its Builder.
 *   <li>{@link FailoverListener}: extension point: users are told when the chain delivered only
 *       after a provider failed.
 *   <li>{@link FailoverEvents}: turns email provider failovers into events for the document's
 *       subscribers; users connect it to their dispatcher.
 * </ul>
 */
@NullMarked
package io.pamkit.notify.email;

import org.jspecify.annotations.NullMarked;
