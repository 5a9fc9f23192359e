// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Message-ID} pamkit gives the email of a notification: {@code <H.pamkit@DOMAIN>}, where
 * {@code H} is the first 20 bytes, in lower-case hex, of the SHA-256 of the notification's
 * idempotency key and {@code DOMAIN} is the sender's domain. It is the same on every attempt and
 * through every provider (the SMTP transport builds the same id; SendGrid and EWS send it too), so
 * a re-sent email can be recognised as a duplicate and a reply's {@code In-Reply-To} / {@code
 * References} lead back to the notification.
 *
 * <p>The id is derived from the key, not random: it identifies, it does not authenticate. Check the
 * sender of a reply (see {@link ApprovalCorrelator}).
 */
public final class EmailMessageIds {
  private static final Pattern PAMKIT_ID =
      Pattern.compile("<?\\s*([0-9a-f]{40})\\.pamkit@[^>\\s]+\\s*>?");

  private EmailMessageIds() {}

  /**
   * Returns the {@code Message-ID} of a notification sent from {@code senderEmail}.
   *
   * @param idempotencyKey the notification's idempotency key
   * @param senderEmail the From address; its domain ends the id
   * @return the id with its angle brackets, e.g. {@code <3f2a...9c.pamkit@example.com>}
   * @throws IllegalArgumentException if {@code senderEmail} has no {@code @domain}
   */
  public static String messageId(String idempotencyKey, String senderEmail) {
    requireNonNull(senderEmail, "senderEmail");
    int at = senderEmail.lastIndexOf('@');
    if (at < 0 || at == senderEmail.length() - 1) {
      throw new IllegalArgumentException("senderEmail has no domain: " + senderEmail);
    }
    return "<" + hash(idempotencyKey) + ".pamkit@" + senderEmail.substring(at + 1) + ">";
  }

  /**
   * Returns the part of the id that depends on the key alone (the hex hash), which is what
   * correlation compares, so that an id is recognised whichever sender domain sent it.
   *
   * @param idempotencyKey the notification's idempotency key
   * @return 40 lower-case hex digits
   */
  public static String hash(String idempotencyKey) {
    requireNonNull(idempotencyKey, "idempotencyKey");
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /**
   * Returns the hash of a pamkit {@code Message-ID}, if the text is one.
   *
   * @param messageId a message id, with or without angle brackets
   * @return the 40 hex digits, or empty when the id was not made by pamkit
   */
  public static Optional<String> hashOf(String messageId) {
    Matcher m = PAMKIT_ID.matcher(requireNonNull(messageId, "messageId").toLowerCase(Locale.ROOT));
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
