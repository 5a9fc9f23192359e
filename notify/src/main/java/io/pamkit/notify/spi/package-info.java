// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * What the email transports ask their embedder: {@link io.pamkit.notify.spi.RecipientResolver}
 * turns a subscriber's {@code UserId} into an address. The transport SPI itself is {@link
 * io.pamkit.core.dispatch.spi.Transport} and {@link io.pamkit.core.dispatch.spi.TransportProvider}
 * in core.
 *
 * <p>Parameters and return values are never null unless marked.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link RecipientResolver}: extension point: users resolve a user to an email address for
 *       the email transports.
 * </ul>
 */
@NullMarked
package io.pamkit.notify.spi;

import org.jspecify.annotations.NullMarked;
