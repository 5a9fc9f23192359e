// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Internals of the journal: the record format (framing, CRC32C, encoding) and the segment scanner
 * used by recovery. Not an API; may change in any release.
 */
@NullMarked
package io.pamkit.core.journal.internal;

import org.jspecify.annotations.NullMarked;
