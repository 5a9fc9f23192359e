package io.pamkit.notify.syslog.internal;

import io.pamkit.core.dispatch.DeliveryException;

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

  /** Releases the socket. */
  @Override
  void close();
}
