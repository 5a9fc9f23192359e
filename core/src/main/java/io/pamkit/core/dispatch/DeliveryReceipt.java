// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a transport knows after handing a notification to its peer: when, the peer's message id if
 * it gives one, and whether the peer acknowledged it ({@link #assurance()}).
 *
 * @param transportId the id of the transport that delivered
 * @param peerMessageId the id the peer gave the message (an SMTP queue id, SendGrid's {@code
 *     X-Message-Id}), or null when the peer gives none
 * @param deliveredAt when the peer accepted the message (or, unacknowledged, when it was sent)
 * @param assurance whether the peer acknowledged the message
 */
public record DeliveryReceipt(
    String transportId,
    @Nullable String peerMessageId,
    Instant deliveredAt,
    DeliveryAssurance assurance) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code transportId}, {@code deliveredAt} or {@code assurance}
   *     is null
   */
  public DeliveryReceipt {
    requireNonNull(transportId, "transportId");
    requireNonNull(deliveredAt, "deliveredAt");
    requireNonNull(assurance, "assurance");
  }

  /**
   * Creates a receipt that does not say whether the peer acknowledged ({@link
   * DeliveryAssurance#UNKNOWN}); kept for transports written before receipts had an assurance.
   *
   * @param transportId the id of the transport that delivered
   * @param peerMessageId the peer's message id, or null
   * @param deliveredAt when the message was delivered
   */
  public DeliveryReceipt(String transportId, @Nullable String peerMessageId, Instant deliveredAt) {
    this(transportId, peerMessageId, deliveredAt, DeliveryAssurance.UNKNOWN);
  }

  /**
   * Creates a receipt for a message the peer acknowledged.
   *
   * @param transportId the id of the transport that delivered
   * @param peerMessageId the peer's message id, or null
   * @param at when the peer acknowledged
   * @return the receipt
   */
  public static DeliveryReceipt acknowledged(
      String transportId, @Nullable String peerMessageId, Instant at) {
    return new DeliveryReceipt(transportId, peerMessageId, at, DeliveryAssurance.ACKNOWLEDGED);
  }

  /**
   * Creates a receipt for a message handed to the network over a protocol without acknowledgement.
   *
   * @param transportId the id of the transport that sent
   * @param at when it was sent
   * @return the receipt
   */
  public static DeliveryReceipt sentUnverified(String transportId, Instant at) {
    return new DeliveryReceipt(transportId, null, at, DeliveryAssurance.SENT_UNVERIFIED);
  }

  /**
   * Returns the peer's message id.
   *
   * @return the id, or empty when the peer gives none
   */
  public Optional<String> messageId() {
    return Optional.ofNullable(peerMessageId);
  }

  /**
   * Returns whether the peer acknowledged the message.
   *
   * @return true for {@link DeliveryAssurance#ACKNOWLEDGED}
   */
  public boolean acknowledged() {
    return assurance == DeliveryAssurance.ACKNOWLEDGED;
  }
}
