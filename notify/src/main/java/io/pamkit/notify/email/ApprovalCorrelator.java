// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.Notification;
import io.pamkit.notify.email.internal.OutboundEmail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ties approvers' replies to the approval notifications they answer. Each approval email carries
 * the {@code Message-ID} of {@link EmailMessageIds} (whichever provider sent it); a reply names it
 * in {@code In-Reply-To} and {@code References}. Register each approval notification with {@link
 * #expect}, then hand each inbound reply to {@link #correlate}:
 *
 * <pre>{@code
 * ApprovalCorrelator approvals = new ApprovalCorrelator();
 * approvals.expect(notification);                 // when the approval email is sent
 * ApprovalOutcome o = approvals.correlate(ApprovalReply.parse(rawReply));
 * if (o.status() == ApprovalOutcome.Status.DECIDED) {
 *   submit.accept(o.key().orElseThrow(), o.decision()); // a BiConsumer<String, ApprovalDecision>
 * }
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p>The id identifies, it does not authenticate: a reply counts only when its {@code From} is the
 * approver the notification was sent to (compare DKIM/DMARC results upstream as well), and only
 * once: a decided approval is forgotten. {@code In-Reply-To} is consulted first, then {@code
 * References} from the newest.
 *
 * <p>Thread-safe.
 */
public final class ApprovalCorrelator {
  private record Pending(String key, String approver) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** Creates a correlator with nothing pending. */
  public ApprovalCorrelator() {}

  /**
   * Registers an approval notification sent to its subscriber's {@code EmailAddress}.
   *
   * @param notification the approval notification
   * @throws IllegalArgumentException if the subscriber has no email address (use {@link
   *     #expect(String, String)} with the resolved address)
   */
  public void expect(Notification notification) {
    requireNonNull(notification, "notification");
    String to =
        notification
            .subscriber()
            .emailAddress()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "subscriber "
                            + notification.subscriber().id()
                            + " has no EmailAddress; call expect(key, approverEmail)"));
    expect(notification.idempotencyKey(), to);
  }

  /**
   * Registers an approval notification.
   *
   * @param idempotencyKey the notification's idempotency key
   * @param approverEmail the address the approval email was sent to
   * @throws io.pamkit.core.ValidationException if the address is invalid
   */
  public void expect(String idempotencyKey, String approverEmail) {
    requireNonNull(idempotencyKey, "idempotencyKey");
    String approver =
        OutboundEmail.checkAddress("approverEmail", approverEmail).toLowerCase(Locale.ROOT);
    pending.put(EmailMessageIds.hash(idempotencyKey), new Pending(idempotencyKey, approver));
  }

  /**
   * Forgets a pending approval (decided elsewhere, or expired).
   *
   * @param idempotencyKey the notification's key
   * @return true if it was pending
   */
  public boolean forget(String idempotencyKey) {
    return pending.remove(EmailMessageIds.hash(requireNonNull(idempotencyKey, "idempotencyKey")))
        != null;
  }

  /**
   * Returns how many approvals are pending.
   *
   * @return the count
   */
  public int pendingCount() {
    return pending.size();
  }

  /**
   * Correlates a reply.
   *
   * @param reply the parsed reply
   * @return the outcome; {@link ApprovalOutcome.Status#DECIDED} removes the pending approval
   */
  public ApprovalOutcome correlate(ApprovalReply reply) {
    requireNonNull(reply, "reply");
    Optional<Map.Entry<String, Pending>> match = match(reply);
    if (match.isEmpty()) {
      return new ApprovalOutcome(
          ApprovalOutcome.Status.UNCORRELATED,
          null,
          ApprovalDecision.UNKNOWN,
          "the reply's In-Reply-To/References name no pending" + " approval");
    }
    Pending p = match.get().getValue();
    if (reply.autoReply()) {
      return new ApprovalOutcome(
          ApprovalOutcome.Status.AUTO_REPLY,
          p.key(),
          ApprovalDecision.UNKNOWN,
          "automatic reply ignored");
    }
    if (reply.from().isEmpty() || !reply.from().get().equals(p.approver())) {
      return new ApprovalOutcome(
          ApprovalOutcome.Status.WRONG_SENDER,
          p.key(),
          ApprovalDecision.UNKNOWN,
          "the reply comes from "
              + reply.from().orElse("nobody")
              + ", not from the approver "
              + p.approver());
    }
    if (reply.decision() == ApprovalDecision.UNKNOWN) {
      return new ApprovalOutcome(
          ApprovalOutcome.Status.UNPARSED,
          p.key(),
          ApprovalDecision.UNKNOWN,
          "the reply's first line says neither Approved nor Rejected");
    }
    if (!pending.remove(match.get().getKey(), p)) {
      return new ApprovalOutcome(
          ApprovalOutcome.Status.UNCORRELATED,
          p.key(),
          ApprovalDecision.UNKNOWN,
          "the approval was decided meanwhile");
    }
    return new ApprovalOutcome(
        ApprovalOutcome.Status.DECIDED,
        p.key(),
        reply.decision(),
        p.approver() + " replied " + reply.decision());
  }

  private Optional<Map.Entry<String, Pending>> match(ApprovalReply reply) {
    List<String> ids = new ArrayList<>();
    reply.inReplyTo().ifPresent(ids::add);
    List<String> refs = reply.references();
    for (int i = refs.size() - 1; i >= 0; i--) {
      ids.add(refs.get(i));
    }
    for (String id : ids) {
      Optional<String> hash = EmailMessageIds.hashOf(id);
      if (hash.isPresent()) {
        Pending p = pending.get(hash.get());
        if (p != null) {
          return Optional.of(Map.entry(hash.get(), p));
        }
      }
    }
    return Optional.empty();
  }
}
