package io.pamkit.notify.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transport so that nothing but a {@link DeliveryReceipt} or a {@link DeliveryException}
 * reaches the dispatcher: an exception escaping the transport becomes a transient delivery failure
 * naming the exception, logged with its stack trace the first time each exception type is seen
 * (later occurrences at debug, so a broken transport cannot flood the log).
 */
public final class GuardedTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedTransport.class);

  private final Transport delegate;
  private final String id;
  private final Set<Class<?>> logged = ConcurrentHashMap.newKeySet();

  private GuardedTransport(Transport delegate, String id) {
    this.delegate = delegate;
    this.id = id;
  }

  /**
   * Wraps a transport, unless it is already guarded.
   *
   * @param transport the transport
   * @return the guarded transport
   * @throws IllegalArgumentException if the transport's id is blank or cannot be read
   */
  public static Transport guard(Transport transport) {
    requireNonNull(transport, "transport");
    if (transport instanceof GuardedTransport) {
      return transport;
    }
    String id;
    try {
      id = transport.channel();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "transport " + transport.getClass().getName() + " failed to return its id", e);
    }
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(
          "transport " + transport.getClass().getName() + " has a blank id");
    }
    return new GuardedTransport(transport, id);
  }

  /**
   * Returns the wrapped transport.
   *
   * @return the transport this guard runs
   */
  public Transport delegate() {
    return delegate;
  }

  @Override
  public String channel() {
    return id;
  }

  @Override
  public DeliveryReceipt send(Notification notification) {
    requireNonNull(notification, "notification");
    DeliveryReceipt receipt;
    try {
      receipt = delegate.send(notification);
    } catch (DeliveryException e) {
      throw e;
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      // Exception also covers checked exceptions thrown sneakily by third-party code.
      throw contain(notification, e);
    }
    if (receipt == null) {
      throw new DeliveryException(
          id, FailureType.TRANSIENT, "transport '" + id + "' returned no receipt", null);
    }
    return receipt;
  }

  private DeliveryException contain(Notification notification, Throwable e) {
    String reason = "transport '" + id + "' failed unexpectedly: " + describe(e);
    if (logged.add(e.getClass())) {
      LOG.warn("{} (notification {}); further {} from this transport are logged at debug",
          reason, notification.idempotencyKey(), e.getClass().getSimpleName(), e);
    } else {
      LOG.debug("{} (notification {})", reason, notification.idempotencyKey(), e);
    }
    return new DeliveryException(id, FailureType.TRANSIENT, reason, e);
  }

  /** Returns the exception's type and message with control characters (CR, LF) removed. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    String text = e.getClass().getName() + (message == null ? "" : ": " + message);
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    return sb.length() > 500 ? sb.substring(0, 500) + "..." : sb.toString();
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } catch (Exception | LinkageError | AssertionError e) {
      LOG.warn("transport '{}' failed to close: {}", id, describe(e), e);
    }
  }

  @Override
  public String toString() {
    return "GuardedTransport{" + id + "}";
  }
}
