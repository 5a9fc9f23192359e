/**
 * The transport SPI: what a transport implements to be driven by the dispatch engine.
 *
 * <p>{@link io.pamkit.core.dispatch.spi.Transport} is the one interface a transport implements.
 */
@NullMarked
package io.pamkit.core.dispatch.spi;

import org.jspecify.annotations.NullMarked;
