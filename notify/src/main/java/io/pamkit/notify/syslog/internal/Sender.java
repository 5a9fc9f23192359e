// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import io.pamkit.core.dispatch.DeliveryAssurance;
import io.pamkit.core.dispatch.DeliveryException;
import java.time.Duration;

/** Sends formatted syslog messages to one destination. Implementations are thread-safe. */
public interface Sender extends AutoCloseable {

  /**
   * Sends the first {@code length} bytes of a message.
   *
   * @param message the message
   * @param length the number of bytes to send
   * @throws DeliveryException if the message was not handed to the network
   */
  void send(ByteBuf message, int length) throws DeliveryException;

  /**
   * Returns what a successful {@link #send} knows: {@link DeliveryAssurance#SENT_UNVERIFIED} for
   * UDP and plain TCP or TLS (written to the socket), {@link DeliveryAssurance#ACKNOWLEDGED} for
   * RELP.
   *
   * @return the assurance of this sender's receipts
   */
  default DeliveryAssurance assurance() {
    return DeliveryAssurance.SENT_UNVERIFIED;
  }

  /**
   * Returns how long after a successful {@link #send} the peer may still lose the message while
   * this sender can re-send it from memory: the age of {@link StreamSender}'s resend window, zero
   * for senders that keep nothing to re-send.
   *
   * @return the receipts' {@link io.pamkit.core.dispatch.DeliveryReceipt#settleAfter()}
   */
  default Duration settleAfter() {
    return Duration.ZERO;
  }

  /** Releases the socket. */
  @Override
  void close();
}
