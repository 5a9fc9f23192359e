// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks keyed approval tokens: {@code pa1.R.E.T.M}, where {@code R} is the access
 * request id (base32), {@code E} the expiry in epoch seconds, {@code T} a tag of the approver's
 * address (the first 10 bytes of its SHA-256, so the token names its approver without carrying the
 * address in clear text through every {@code References} header, and a reply from another address
 * is told apart from a forgery) and {@code M} the first 20 bytes of HMAC-SHA256 over the request
 * id, the approver's lower-cased address and the expiry. All parts are lower-case base32 or digits,
 * so the token survives as a {@code Message-ID} local part (it is a dot-atom), in quoted-printable
 * bodies and through mail systems that change letter case.
 *
 * <p>Verification needs no state: the key, the address that replied and the clock. {@link #verify}
 * compares in constant time ({@link MessageDigest#isEqual}) and refuses, in this order: a text that
 * is not a token ({@code MALFORMED}), a token for another approver ({@code WRONG_APPROVER}), a
 * token whose MAC does not match ({@code FORGED}), a token past its expiry ({@code EXPIRED}).
 * Replays of a valid token are refused by the workflow's {@link ApprovalStore}, not here.
 *
 * <p>The key comes from a {@link CredentialResolver} (for example a vaulted account's password),
 * resolved on every call so that the resolver stays the only place the key lives; it must be at
 * least 32 bytes of UTF-8. Rotating it invalidates every token issued with the old key.
 *
 * <p>Thread-safe.
 */
public final class ApprovalTokens {
  private static final String VERSION = "pa1";
  private static final int MIN_KEY_BYTES = 32;
  private static final int MAX_REQUEST_ID = 128;
  private static final int TAG_BYTES = 10;
  private static final int MAC_BYTES = 20;

  private final Supplier<Secret> key;

  private ApprovalTokens(Supplier<Secret> key) {
    this.key = key;
  }

  /**
   * Returns tokens keyed with the secret a credential resolver supplies for an account.
   *
   * @param resolver the resolver
   * @param keyAccount the account whose secret is the HMAC key
   * @return the token issuer and checker
   */
  public static ApprovalTokens fromCredentials(
      CredentialResolver resolver, AccountReference keyAccount) {
    requireNonNull(resolver, "resolver");
    requireNonNull(keyAccount, "keyAccount");
    return new ApprovalTokens(() -> resolver.resolve(keyAccount));
  }

  /**
   * Returns tokens keyed with a fixed secret (tests, or a key the caller already holds).
   *
   * @param key the HMAC key, at least 32 bytes of UTF-8
   * @return the token issuer and checker
   * @throws IllegalArgumentException if the key is shorter than 32 bytes
   */
  public static ApprovalTokens of(Secret key) {
    requireNonNull(key, "key");
    checkKey(key);
    return new ApprovalTokens(() -> key);
  }

  /**
   * Issues a token.
   *
   * @param requestId the appliance's access request id (1 to 128 characters)
   * @param approverEmail the approver's address, the only {@code From} whose reply will count
   * @param expiresAt when the token stops being accepted (whole seconds are kept)
   * @return the token
   * @throws IllegalArgumentException if the request id or the address is empty or too long
   */
  public ApprovalToken issue(String requestId, String approverEmail, Instant expiresAt) {
    requireNonNull(requestId, "requestId");
    requireNonNull(expiresAt, "expiresAt");
    if (requestId.isEmpty() || requestId.length() > MAX_REQUEST_ID) {
      throw new IllegalArgumentException(
          "requestId must have 1 to " + MAX_REQUEST_ID + " characters");
    }
    String approver = approver(approverEmail);
    long exp = expiresAt.getEpochSecond();
    byte[] rid = requestId.getBytes(StandardCharsets.UTF_8);
    String value =
        VERSION
            + "."
            + Base32.encode(rid)
            + "."
            + exp
            + "."
            + Base32.encode(tag(approver))
            + "."
            + Base32.encode(mac(requestId, approver, exp));
    return new ApprovalToken(value, requestId, approver, Instant.ofEpochSecond(exp));
  }

  /**
   * Checks a token against the address that replied.
   *
   * @param token the token text
   * @param replyFrom the reply's {@code From} address
   * @param now the current time
   * @return the verified token
   * @throws ApprovalTokenException if the token is malformed, for another approver, forged or
   *     expired
   */
  public ApprovalToken verify(String token, String replyFrom, Instant now) {
    requireNonNull(token, "token");
    requireNonNull(now, "now");
    String approver = approver(replyFrom);
    String[] parts = token.toLowerCase(Locale.ROOT).split("\\.", -1);
    if (parts.length != 5 || !parts[0].equals(VERSION)) {
      throw malformed("it does not have the form pa1.REQUEST.EXPIRY.TAG.MAC");
    }
    byte[] rid = Base32.decode(parts[1]);
    byte[] tag = Base32.decode(parts[3]);
    byte[] mac = Base32.decode(parts[4]);
    long exp;
    try {
      exp = Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      exp = -1;
    }
    if (rid == null
        || rid.length == 0
        || rid.length > MAX_REQUEST_ID * 4
        || tag == null
        || tag.length != TAG_BYTES
        || mac == null
        || mac.length != MAC_BYTES
        || exp < 0) {
      throw malformed("a part is not valid base32 of the expected length, or the expiry");
    }
    String requestId = new String(rid, StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(tag, tag(approver))) {
      throw new ApprovalTokenException(
          ApprovalTokenException.Reason.WRONG_APPROVER,
          "the approval token for request "
              + requestId
              + " was issued to another approver than "
              + approver);
    }
    if (!MessageDigest.isEqual(mac, mac(requestId, approver, exp))) {
      throw new ApprovalTokenException(
          ApprovalTokenException.Reason.FORGED,
          "the approval token for request "
              + requestId
              + " does not carry a valid MAC: it was altered or not issued with this key");
    }
    Instant expiresAt = Instant.ofEpochSecond(exp);
    if (!now.isBefore(expiresAt)) {
      throw new ApprovalTokenException(
          ApprovalTokenException.Reason.EXPIRED,
          "the approval token for request " + requestId + " expired at " + expiresAt);
    }
    return new ApprovalToken(token.toLowerCase(Locale.ROOT), requestId, approver, expiresAt);
  }

  /**
   * Finds the first token-shaped text in a header value or body ({@code pa1.} followed by four
   * dot-separated parts of base32 letters and digits), without checking it.
   *
   * @param text a {@code Message-ID}, {@code In-Reply-To} value or body text
   * @return the token text, or empty
   */
  public static Optional<String> find(String text) {
    requireNonNull(text, "text");
    String lower = text.toLowerCase(Locale.ROOT);
    int from = 0;
    while (true) {
      int i = lower.indexOf(VERSION + ".", from);
      if (i < 0) {
        return Optional.empty();
      }
      if (i == 0 || !isTokenChar(lower.charAt(i - 1))) {
        int end = i;
        while (end < lower.length()
            && (isTokenChar(lower.charAt(end)) || lower.charAt(end) == '.')) {
          end++;
        }
        while (end > i && lower.charAt(end - 1) == '.') {
          end--;
        }
        String candidate = lower.substring(i, end);
        if (candidate.split("\\.", -1).length == 5) {
          return Optional.of(candidate);
        }
      }
      from = i + 1;
    }
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static ApprovalTokenException malformed(String why) {
    return new ApprovalTokenException(
        ApprovalTokenException.Reason.MALFORMED, "not a pamkit approval token: " + why);
  }

  private static String approver(String email) {
    requireNonNull(email, "approverEmail");
    String a = email.strip().toLowerCase(Locale.ROOT);
    int at = a.lastIndexOf('@');
    if (at <= 0 || at == a.length() - 1 || a.length() > 254) {
      throw new IllegalArgumentException(
          "an approver address needs a local part and a domain (at most 254 characters)");
    }
    return a;
  }

  private static void checkKey(Secret key) {
    byte[] k = key.utf8();
    try {
      if (k.length < MIN_KEY_BYTES) {
        throw new IllegalArgumentException(
            "the approval token key must be at least " + MIN_KEY_BYTES + " bytes of UTF-8");
      }
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  private static byte[] tag(String approver) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("pamkit-approval-approver-v1\n" + approver).getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(h, TAG_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private byte[] mac(String requestId, String approver, long exp) {
    return Arrays.copyOf(
        hmac("pamkit-approval-v1\n" + requestId + "\n" + approver + "\n" + exp), MAC_BYTES);
  }

  private byte[] hmac(String input) {
    Secret s = key.get();
    byte[] k = s.utf8();
    try {
      if (k.length < MIN_KEY_BYTES) {
        throw new IllegalArgumentException(
            "the approval token key must be at least " + MIN_KEY_BYTES + " bytes of UTF-8");
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(k, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  /** RFC 4648 base32, lower case, without padding. */
  static final class Base32 {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private Base32() {}

    static String encode(byte[] data) {
      StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
      int buffer = 0;
      int bits = 0;
      for (byte b : data) {
        buffer = (buffer << 8) | (b & 0xff);
        bits += 8;
        while (bits >= 5) {
          sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
          bits -= 5;
        }
      }
      if (bits > 0) {
        sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
      }
      return sb.toString();
    }

    /** Returns the bytes, or null when the text is not canonical unpadded base32. */
    static byte @org.jspecify.annotations.Nullable [] decode(String text) {
      if (text.isEmpty() || text.length() > 4096) {
        return null;
      }
      byte[] out = new byte[text.length() * 5 / 8];
      int buffer = 0;
      int bits = 0;
      int n = 0;
      for (int i = 0; i < text.length(); i++) {
        int v = ALPHABET.indexOf(text.charAt(i));
        if (v < 0) {
          return null;
        }
        buffer = (buffer << 5) | v;
        bits += 5;
        if (bits >= 8) {
          out[n++] = (byte) (buffer >> (bits - 8));
          bits -= 8;
        }
      }
      if ((buffer & ((1 << bits) - 1)) != 0 || bits >= 5) {
        return null;
      }
      return out;
    }
  }
}
