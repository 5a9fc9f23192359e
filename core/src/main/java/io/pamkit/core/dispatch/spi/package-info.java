/**
 * The transport SPI: what a transport implements to be driven by the dispatch engine, and how it
 * is created from its section of the configuration document.
 *
 * <p>{@link io.pamkit.core.dispatch.spi.Transport} is the one interface a transport implements;
 * {@link io.pamkit.core.dispatch.spi.TransportProvider} creates it from its {@link
 * io.pamkit.core.config.ConfigSection} and a {@link io.pamkit.core.dispatch.spi.TransportContext};
 * {@link io.pamkit.core.dispatch.spi.TransportProviders} finds the providers with {@link
 * java.util.ServiceLoader}; {@link io.pamkit.core.dispatch.spi.TransportMetrics} is where a
 * transport reports its own counters.
 */
@NullMarked
package io.pamkit.core.dispatch.spi;

import org.jspecify.annotations.NullMarked;
