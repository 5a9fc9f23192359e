// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch.spi;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.Notification;

/**
 * The one transport SPI: something that sends one {@link Notification} to its peer over one
 * channel. The dispatch engine gives each transport its own lane; subscribers whose {@code Type}
 * equals {@link #channel()} are delivered through it.
 *
 * <p>Implementations must be thread-safe: a lane may call {@link #send} from several workers.
 * {@link #close()} must be idempotent.
 */
public interface Transport extends AutoCloseable {

  /**
   * Returns the channel this transport serves (e.g. {@code "Email"}, {@code "Syslog"}, {@code
   * "Snmp"}); subscribers whose {@code Type} equals it are delivered through it.
   *
   * @return the channel name
   */
  String channel();

  /**
   * Delivers one notification, blocking until the peer accepted or refused it.
   *
   * @param notification the notification to deliver
   * @return the receipt
   * @throws DeliveryException if the notification was not delivered; its failure type says whether
   *     a retry can help
   */
  DeliveryReceipt send(Notification notification) throws DeliveryException;

  /** Releases connections and threads. The default does nothing. Idempotent. */
  @Override
  default void close() {}
}
