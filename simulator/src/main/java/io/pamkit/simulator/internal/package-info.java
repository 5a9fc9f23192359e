// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Implementation details of pamkit simulator: the HTTPS server, the collection query engine and the
 * in-memory certificate authority over {@code core.cert}. Not exported; no compatibility promise.
 */
@NullMarked
package io.pamkit.simulator.internal;

import org.jspecify.annotations.NullMarked;
