// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.PamkitException;
import org.jspecify.annotations.Nullable;

/**
 * A certificate, chain or private key could not be loaded. {@link #reason()} says what the caller
 * can do: supply the right password, a complete file, or a file of the right format. Messages name
 * the source (file name or {@code "<bytes>"}) and never contain a password.
 */
public final class CertificateLoadException extends PamkitException {
  private static final long serialVersionUID = 1L;

  /** Why loading failed. */
  public enum Reason {
    /** The password does not decrypt the PKCS#12 file or the encrypted private key. */
    WRONG_PASSWORD,
    /** The private key is encrypted and no password was given. */
    PASSWORD_REQUIRED,
    /** The file ends before its structure does (cut-off download or copy). */
    TRUNCATED,
    /** The content is not in the expected format (e.g. a PEM file given as PKCS#12). */
    WRONG_FORMAT,
    /** The content holds no certificate. */
    NO_CERTIFICATE,
    /** The content holds no private key. */
    NO_PRIVATE_KEY,
    /** The private key does not belong to the certificate. */
    KEY_MISMATCH,
    /** The file could not be read. */
    UNREADABLE
  }

  private final Reason reason;
  private final String source;

  CertificateLoadException(
      Reason reason, String source, String message, @Nullable Throwable cause) {
    super(source + ": " + requireNonNull(message, "message") + " (" + reason + ")", cause);
    this.reason = requireNonNull(reason, "reason");
    this.source = requireNonNull(source, "source");
  }

  /**
   * Returns why loading failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns what was being loaded.
   *
   * @return the file name, or {@code "<bytes>"}
   */
  public String source() {
    return source;
  }
}
