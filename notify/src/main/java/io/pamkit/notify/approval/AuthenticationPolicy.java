// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

/**
 * What the approval workflow does with the receiving server's {@code Authentication-Results} (RFC
 * 8601): only the topmost header whose authserv-id is the configured one counts (a sender can write
 * any header; the receiving server adds its own on top and should remove copies of its id). A reply
 * is authenticated when that header reports {@code dkim=pass} with a signing domain ({@code
 * header.d} or {@code header.i}) aligned with the {@code From} domain, or {@code arc=pass} with a
 * domain property aligned with it.
 */
public enum AuthenticationPolicy {
  /** A reply that is not authenticated is refused. */
  REQUIRE,
  /** The result is recorded in the outcome's reason; an unauthenticated reply still counts. */
  RECORD_ONLY
}
