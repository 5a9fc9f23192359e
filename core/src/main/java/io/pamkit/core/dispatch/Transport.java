package io.pamkit.core.dispatch;

/**
 * The delivery contract between the dispatch engine and a channel: something that sends one
 * {@link Notification} to its peer. notify's {@code io.pamkit.notify.spi.NotificationTransport}
 * extends it and is what users implement; it lives in core only so that the dispatch engine does
 * not depend on notify.
 *
 * <p>Implementations must be thread-safe: a lane may call {@link #send} from several workers.
 */
public interface Transport extends AutoCloseable {

  /**
   * Returns the channel id this transport serves; subscribers whose {@code Type} equals it are
   * delivered through it (e.g. {@code "Email"}, {@code "Syslog"}, {@code "Snmp"}).
   *
   * @return the channel id
   */
  String id();

  /**
   * Delivers one notification, blocking until the peer accepted or refused it.
   *
   * @param notification the notification to deliver
   * @return the receipt
   * @throws DeliveryException if the notification was not delivered; its failure type says
   *     whether a retry can help
   */
  DeliveryReceipt send(Notification notification) throws DeliveryException;

  /** Releases connections and threads. The default does nothing. */
  @Override
  default void close() {}
}
