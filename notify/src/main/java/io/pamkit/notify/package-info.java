// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * pamkit's notification side: {@link io.pamkit.notify.ConfiguredTransports}, which creates the
 * transports a configuration document asks for through their providers, and the helpers the
 * transports share.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link ConfiguredTransports}: creates the transports a document asks for; users hand them
 *       to EventDispatcher.
 * </ul>
 */
@NullMarked
package io.pamkit.notify;

import org.jspecify.annotations.NullMarked;
