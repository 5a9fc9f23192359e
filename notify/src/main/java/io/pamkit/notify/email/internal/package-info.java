// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Implementation shared by the email transports (SMTP, SendGrid, EWS, Graph): recipient resolution,
 * rendering, address checks, settings checks, the certificate-trust rule and safe error texts. Not
 * exported.
 */
@NullMarked
package io.pamkit.notify.email.internal;

import org.jspecify.annotations.NullMarked;
