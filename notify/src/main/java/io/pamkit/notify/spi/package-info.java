/**
 * What the email transports ask their embedder: {@link io.pamkit.notify.spi.RecipientResolver}
 * turns a subscriber's {@code UserId} into an address. The transport SPI itself is {@link
 * io.pamkit.core.dispatch.spi.Transport} and {@link io.pamkit.core.dispatch.spi.TransportProvider}
 * in core.
 *
 * <p>Parameters and return values are never null unless marked.
 */
@NullMarked
package io.pamkit.notify.spi;

import org.jspecify.annotations.NullMarked;
