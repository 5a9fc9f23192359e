// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads X.509 certificates and chains from DER ({@code .cer}, {@code .crt}, {@code .der}, also
 * PKCS#7 bundles) and PEM ({@code .pem}) data, and writes them as PEM. The format is detected from
 * the content, not the file name.
 *
 * <p>Stateless and thread-safe.
 */
public final class Certificates {
  private Certificates() {}

  /**
   * Reads every certificate in DER or PEM data, in file order (a chain is usually leaf first). PEM
   * blocks other than {@code CERTIFICATE} (for instance a private key) are skipped.
   *
   * @param data the file content
   * @return a non-empty immutable list
   * @throws CertificateLoadException {@code Truncated} for a cut-off file, {@code WrongFormat} for
   *     content that is neither, {@code NoCertificate} for PEM without a certificate
   */
  public static List<X509Certificate> readChain(byte[] data) {
    return readChain(requireNonNull(data, "data"), CertIo.BYTES);
  }

  /**
   * Reads every certificate of a DER or PEM file.
   *
   * @param file the file
   * @return a non-empty immutable list
   * @throws CertificateLoadException as {@link #readChain(byte[])}, or {@code Unreadable}
   */
  public static List<X509Certificate> readChain(Path file) {
    return readChain(CertIo.read(requireNonNull(file, "file")), CertIo.source(file));
  }

  /**
   * Reads the first certificate of DER or PEM data.
   *
   * @param data the file content
   * @return the certificate
   * @throws CertificateLoadException as {@link #readChain(byte[])}
   */
  public static X509Certificate read(byte[] data) {
    return readChain(data).get(0);
  }

  /**
   * Reads the first certificate of a DER or PEM file.
   *
   * @param file the file
   * @return the certificate
   * @throws CertificateLoadException as {@link #readChain(Path)}
   */
  public static X509Certificate read(Path file) {
    return readChain(file).get(0);
  }

  static List<X509Certificate> readChain(byte[] data, String source) {
    if (!CertIo.looksLikePem(data)) {
      return List.copyOf(CertIo.parseDerCertificates(data, source));
    }
    List<X509Certificate> out = new ArrayList<>();
    for (CertIo.PemBlock b : CertIo.pemBlocks(data, source)) {
      if (b.label().equals("CERTIFICATE") || b.label().equals("X509 CERTIFICATE")) {
        out.addAll(CertIo.parseDerCertificates(b.der(), source));
      }
    }
    if (out.isEmpty()) {
      throw new CertificateLoadException(
          CertificateLoadException.Reason.NO_CERTIFICATE,
          source,
          "holds no PEM CERTIFICATE block",
          null);
    }
    return List.copyOf(out);
  }

  /**
   * Writes certificates as PEM {@code CERTIFICATE} blocks, in the order given.
   *
   * @param certificates the certificates
   * @return the PEM text, each line ending with {@code \n}
   */
  public static String toPem(List<X509Certificate> certificates) {
    StringBuilder sb = new StringBuilder();
    for (X509Certificate c : certificates) {
      try {
        sb.append(pem("CERTIFICATE", c.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("certificate cannot be encoded", e);
      }
    }
    return sb.toString();
  }

  /**
   * Writes one certificate as a PEM {@code CERTIFICATE} block.
   *
   * @param certificate the certificate
   * @return the PEM text
   */
  public static String toPem(X509Certificate certificate) {
    return toPem(List.of(certificate));
  }

  static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}
