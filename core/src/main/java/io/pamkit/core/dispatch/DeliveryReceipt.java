package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Proof that a transport handed a notification to its peer.
 *
 * @param transportId the id of the transport that delivered
 * @param peerMessageId the id the peer gave the message (an SMTP queue id, SendGrid's {@code
 *     X-Message-Id}), or null when the peer gives none
 * @param deliveredAt when the peer accepted the message
 */
public record DeliveryReceipt(
    String transportId, @Nullable String peerMessageId, Instant deliveredAt) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code transportId} or {@code deliveredAt} is null
   */
  public DeliveryReceipt {
    requireNonNull(transportId, "transportId");
    requireNonNull(deliveredAt, "deliveredAt");
  }

  /**
   * Returns the peer's message id.
   *
   * @return the id, or empty when the peer gives none
   */
  public Optional<String> messageId() {
    return Optional.ofNullable(peerMessageId);
  }
}
