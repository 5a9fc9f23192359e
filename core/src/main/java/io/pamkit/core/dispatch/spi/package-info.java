// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * The transport SPI: what a transport implements to be driven by the dispatch engine, and how it is
 * created from its section of the configuration document.
 *
 * <p>{@link io.pamkit.core.dispatch.spi.Transport} is the one interface a transport implements;
 * {@link io.pamkit.core.dispatch.spi.TransportProvider} creates it from its {@link
 * io.pamkit.core.config.ConfigSection} and a {@link io.pamkit.core.dispatch.spi.TransportContext};
 * {@link io.pamkit.core.dispatch.spi.TransportProviders} finds the providers with {@link
 * java.util.ServiceLoader}; {@link io.pamkit.core.dispatch.spi.TransportMetrics} is where a
 * transport reports its own counters.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link Transport}: the transport SPI that every transport, pamkit's and third parties',
 *       implements.
 *   <li>{@link TransportContext}: what a provider gets to build its transport (clock, scheduler,
 *       credentials, metrics, TLS).
 *   <li>{@link TransportMetrics}: where a transport reports its own counters; users supply one to
 *       collect them.
 *   <li>{@link TransportProvider}: the ServiceLoader service a third-party transport implements to
 *       be created from the document.
 *   <li>{@link TransportProviders}: finds the available providers, for users who build transports
 *       themselves.
 * </ul>
 */
@NullMarked
package io.pamkit.core.dispatch.spi;

import org.jspecify.annotations.NullMarked;
