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
 */
@NullMarked
package io.pamkit.notify.email;

import org.jspecify.annotations.NullMarked;
