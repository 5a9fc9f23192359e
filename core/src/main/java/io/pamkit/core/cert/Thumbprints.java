// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Certificate thumbprints: the hash of the DER encoding, written as the appliance shows it
 * (upper-case hexadecimal, no separators, e.g. the {@code Thumbprint} of a session connection).
 *
 * <p>Stateless and thread-safe.
 */
public final class Thumbprints {
  private Thumbprints() {}

  /**
   * Returns the SHA-1 thumbprint, the one the appliance displays.
   *
   * @param certificate the certificate
   * @return 40 upper-case hex digits
   */
  public static String sha1(X509Certificate certificate) {
    return digest("SHA-1", certificate);
  }

  /**
   * Returns the SHA-256 thumbprint.
   *
   * @param certificate the certificate
   * @return 64 upper-case hex digits
   */
  public static String sha256(X509Certificate certificate) {
    return digest("SHA-256", certificate);
  }

  /**
   * Returns whether a thumbprint, as a user may paste it (any case, with colons or spaces), is the
   * SHA-1 (40 hex digits) or SHA-256 (64 hex digits) thumbprint of a certificate.
   *
   * @param certificate the certificate
   * @param thumbprint the thumbprint
   * @return true when it matches
   */
  public static boolean matches(X509Certificate certificate, String thumbprint) {
    requireNonNull(thumbprint, "thumbprint");
    String t = thumbprint.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (t.length() == 40) {
      return MessageDigest.isEqual(
          t.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          sha1(certificate).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    if (t.length() == 64) {
      return MessageDigest.isEqual(
          t.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          sha256(certificate).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    return false;
  }

  private static String digest(String algorithm, X509Certificate certificate) {
    requireNonNull(certificate, "certificate");
    try {
      return HexFormat.of()
          .withUpperCase()
          .formatHex(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no " + algorithm, e);
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
  }
}
