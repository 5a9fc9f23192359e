/**
 * The transport SPI: implement {@link io.pamkit.core.dispatch.spi.Transport} (and a
 * {@link io.pamkit.notify.spi.TransportProvider} to be found by {@link java.util.ServiceLoader})
 * to add a channel to pamkit.
 *
 * <p>Parameters and return values are never null unless marked. Transports must be thread-safe.
 */
@NullMarked
package io.pamkit.notify.spi;

import org.jspecify.annotations.NullMarked;
