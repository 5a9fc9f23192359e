package io.pamkit.notify.spi;

import io.pamkit.core.dispatch.Transport;

/**
 * A channel that delivers notifications: SMTP, SendGrid, syslog, SNMP, or any third-party
 * transport. The dispatch engine calls {@link #send} from its lane workers, behind a guard that
 * contains any exception a transport lets escape.
 *
 * <p>{@link #send} returns a {@link io.pamkit.core.dispatch.DeliveryReceipt} or throws a {@link
 * io.pamkit.core.dispatch.DeliveryException} whose {@link io.pamkit.core.dispatch.FailureType}
 * says whether a retry can help. Implementations must be thread-safe.
 */
public interface NotificationTransport extends Transport {}
