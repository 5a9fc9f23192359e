// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A keyed approval token as {@link ApprovalTokens#issue} made it or {@link ApprovalTokens#verify}
 * accepted it: bound to one access request, one approver address and an expiry.
 *
 * @param value the token text ({@code pa1.…}), as carried in the email
 * @param requestId the appliance's access request id
 * @param approver the approver's address, lower-cased
 * @param expiresAt when the token stops being accepted
 */
public record ApprovalToken(String value, String requestId, String approver, Instant expiresAt) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ApprovalToken {
    requireNonNull(value, "value");
    requireNonNull(requestId, "requestId");
    requireNonNull(approver, "approver");
    requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * Returns the {@code Message-ID} to give the approval email, so that the reply's {@code
   * In-Reply-To} carries the token back: {@code <TOKEN@DOMAIN>}.
   *
   * @param senderDomain the domain of the approval email's sender, e.g. {@code example.com}
   * @return the id with its angle brackets
   * @throws IllegalArgumentException if the domain is empty or not a plain domain name
   */
  public String messageId(String senderDomain) {
    requireNonNull(senderDomain, "senderDomain");
    if (!senderDomain.matches("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
      throw new IllegalArgumentException(
          "senderDomain must be a domain name such as example.com, got: " + senderDomain);
    }
    return "<" + value + "@" + senderDomain + ">";
  }

  /**
   * Returns the line to put in the approval email's body, so that a reply whose mail client drops
   * {@code In-Reply-To} still names the request when it quotes the email.
   *
   * @return {@code Approval reference: TOKEN}
   */
  public String referenceLine() {
    return "Approval reference: " + value;
  }

  /** Returns the request, approver and expiry; never the token's MAC. */
  @Override
  public String toString() {
    return "ApprovalToken{requestId="
        + requestId
        + ", approver="
        + approver
        + ", expiresAt="
        + expiresAt
        + "}";
  }
}
