// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Internals of the SMTP transport: the jakarta.mail transport that knows when the outcome of a send
 * is unknown.
 */
@NullMarked
package io.pamkit.notify.smtp.internal;

import org.jspecify.annotations.NullMarked;
