// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a transport knows after handing a notification to its peer: when, the peer's message id if
 * it gives one, whether the peer acknowledged it ({@link #assurance()}) and how long the peer may
 * still lose it ({@link #settleAfter()}).
 *
 * <p>A transport that keeps an in-memory resend window (plain TCP or TLS syslog re-sends the frames
 * written shortly before a connection died) returns a non-zero {@code settleAfter}: with an {@link
 * Outbox}, the dispatcher keeps the notification pending until that time has passed, so a crash of
 * the process (which loses the window) re-drives it from the outbox instead of losing it.
 *
 * @param transportId the id of the transport that delivered
 * @param peerMessageId the id the peer gave the message (an SMTP queue id, SendGrid's {@code
 *     X-Message-Id}), or null when the peer gives none
 * @param deliveredAt when the peer accepted the message (or, unacknowledged, when it was sent)
 * @param assurance whether the peer acknowledged the message
 * @param settleAfter how long after {@code deliveredAt} the peer may still lose the message while
 *     the transport can re-send it from memory; {@link Duration#ZERO} when the transport keeps
 *     nothing to re-send
 */
public record DeliveryReceipt(
    String transportId,
    @Nullable String peerMessageId,
    Instant deliveredAt,
    DeliveryAssurance assurance,
    Duration settleAfter) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component other than {@code peerMessageId} is null
   * @throws IllegalArgumentException if {@code settleAfter} is negative
   */
  public DeliveryReceipt {
    requireNonNull(transportId, "transportId");
    requireNonNull(deliveredAt, "deliveredAt");
    requireNonNull(assurance, "assurance");
    requireNonNull(settleAfter, "settleAfter");
    if (settleAfter.isNegative()) {
      throw new IllegalArgumentException("settleAfter must not be negative, was " + settleAfter);
    }
  }

  /**
   * Creates a receipt the peer cannot lose any more once given ({@link #settleAfter()} zero).
   *
   * @param transportId the id of the transport that delivered
   * @param peerMessageId the peer's message id, or null
   * @param deliveredAt when the message was delivered
   * @param assurance whether the peer acknowledged the message
   */
  public DeliveryReceipt(
      String transportId,
      @Nullable String peerMessageId,
      Instant deliveredAt,
      DeliveryAssurance assurance) {
    this(transportId, peerMessageId, deliveredAt, assurance, Duration.ZERO);
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
   * Creates a receipt for a message handed to the network over a protocol without acknowledgement
   * by a transport that can re-send it from memory for {@code settleAfter} (the peer may lose it
   * until then); with an outbox, the dispatcher completes it only after that time.
   *
   * @param transportId the id of the transport that sent
   * @param at when it was sent
   * @param settleAfter how long the peer may still lose it; zero or positive
   * @return the receipt
   * @throws IllegalArgumentException if {@code settleAfter} is negative
   */
  public static DeliveryReceipt sentUnverified(
      String transportId, Instant at, Duration settleAfter) {
    return new DeliveryReceipt(
        transportId, null, at, DeliveryAssurance.SENT_UNVERIFIED, settleAfter);
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
