// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Implementation of the syslog transport: message formatting into reused byte buffers, RFC 6587
 * framing and the UDP, TCP and TLS senders. Not exported; not API.
 */
@NullMarked
package io.pamkit.notify.syslog.internal;

import org.jspecify.annotations.NullMarked;
