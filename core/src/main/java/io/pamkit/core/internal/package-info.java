// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Helpers shared by pamkit's own modules: strict IP-literal parsing ({@link
 * io.pamkit.core.internal.IpLiterals}) one-line text for logs and messages ({@link
 * io.pamkit.core.internal.Text}) and the rule checks of text fields ({@link
 * io.pamkit.core.internal.FieldChecks}), range checks of builder arguments ({@link
 * io.pamkit.core.internal.Arguments}), the wire-name index of enums ({@link
 * io.pamkit.core.internal.WireNames}), bounded HTTP bodies ({@link
 * io.pamkit.core.internal.BoundedBody}) and organizational domains from the Public Suffix List
 * ({@link io.pamkit.core.internal.OrganizationalDomains}). Exported only to pamkit's modules
 * ({@code exports ... to}); no compatibility promise, not for applications.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.internal;

import org.jspecify.annotations.NullMarked;
