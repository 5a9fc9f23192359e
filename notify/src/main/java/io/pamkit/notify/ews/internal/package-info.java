// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * EWS internals: the NTLM (NTLMv2) client handshake that {@link io.pamkit.notify.ews.EwsTransport}
 * runs over java.net.http for on-premises Exchange. Not exported.
 */
@NullMarked
package io.pamkit.notify.ews.internal;

import org.jspecify.annotations.NullMarked;
