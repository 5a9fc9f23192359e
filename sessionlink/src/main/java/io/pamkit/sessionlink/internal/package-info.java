// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Implementation details of pamkit sessionlink: the wire JSON configuration, the OpenAPI schema
 * validator and its shipped schema subset, the {@code ServicesConfig} adapter onto core's service
 * model, address checks, error mapping and the TLS probe. Exported only to {@code
 * io.pamkit.simulator}; no compatibility promise.
 */
@NullMarked
package io.pamkit.sessionlink.internal;

import org.jspecify.annotations.NullMarked;
