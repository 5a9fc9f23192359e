// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

/** The key algorithms and sizes pamkit generates for certificate signing requests and tests. */
public enum KeyType {
  /** RSA, 2048-bit modulus, signed with SHA256withRSA. */
  RSA_2048("RSA", 2048, "SHA256withRSA"),
  /** RSA, 3072-bit modulus, signed with SHA256withRSA. */
  RSA_3072("RSA", 3072, "SHA256withRSA"),
  /** RSA, 4096-bit modulus, signed with SHA256withRSA. */
  RSA_4096("RSA", 4096, "SHA256withRSA"),
  /** Elliptic curve P-256 (secp256r1), signed with SHA256withECDSA. */
  EC_P256("EC", 256, "SHA256withECDSA"),
  /** Elliptic curve P-384 (secp384r1), signed with SHA384withECDSA. */
  EC_P384("EC", 384, "SHA384withECDSA");

  private final String algorithm;
  private final int size;
  private final String signatureAlgorithm;

  KeyType(String algorithm, int size, String signatureAlgorithm) {
    this.algorithm = algorithm;
    this.size = size;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /**
   * Returns the JCA key algorithm.
   *
   * @return {@code "RSA"} or {@code "EC"}
   */
  public String algorithm() {
    return algorithm;
  }

  /**
   * Returns the key size: the RSA modulus length or the curve's field size.
   *
   * @return the size in bits
   */
  public int size() {
    return size;
  }

  /**
   * Returns the JCA signature algorithm used with keys of this type.
   *
   * @return e.g. {@code "SHA256withECDSA"}
   */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  java.security.KeyPair generate() {
    try {
      java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance(algorithm);
      if (algorithm.equals("EC")) {
        g.initialize(
            new java.security.spec.ECGenParameterSpec(size == 256 ? "secp256r1" : "secp384r1"));
      } else {
        g.initialize(size);
      }
      return g.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + this + " keys", e);
    }
  }

  static String signatureAlgorithmFor(java.security.PublicKey key) {
    if (key.getAlgorithm().equals("EC")) {
      int bits =
          ((java.security.interfaces.ECPublicKey) key)
              .getParams()
              .getCurve()
              .getField()
              .getFieldSize();
      return bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
    }
    return "SHA256withRSA";
  }
}
