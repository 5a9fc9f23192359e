package io.pamkit.notify.spi;

import io.pamkit.core.dispatch.Transport;

/**
 * A channel that delivers notifications: SMTP, syslog, SNMP, or any third-party transport. The
 * dispatch engine calls {@link #send} from its lane workers, behind a guard ({@link
 * io.pamkit.notify.TransportRegistry#guard}) that turns any exception a transport lets escape
 * into a transient {@link io.pamkit.core.dispatch.DeliveryException}.
 *
 * <p>{@link #send} returns a {@link io.pamkit.core.dispatch.DeliveryReceipt} carrying the peer's
 * message id where the peer gives one, or throws a {@link io.pamkit.core.dispatch.DeliveryException}
 * whose {@link io.pamkit.core.dispatch.FailureType} says whether a retry can help: {@code
 * TRANSIENT}, {@code RATE_LIMITED} (with the peer's retry-after where given), {@code
 * PERMANENT_MESSAGE} (this message can never be delivered) or {@code PERMANENT_TRANSPORT} (nothing
 * can be delivered until the configuration is fixed, e.g. bad credentials). {@link #close()}
 * releases connections and threads.
 *
 * <p>Implementations must be thread-safe.
 */
public interface NotificationTransport extends Transport {}
