// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Implementation shared by the HTTP email transports (SendGrid, EWS): recipient resolution,
 * rendering, address checks and safe error texts. Not exported.
 */
@NullMarked
package io.pamkit.notify.email.internal;

import org.jspecify.annotations.NullMarked;
