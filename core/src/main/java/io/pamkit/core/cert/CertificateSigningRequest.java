// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A PKCS#10 certificate signing request with a freshly generated key pair, as the appliance's
 * "Create Certificate Signing Request (CSR)" makes one: a subject, subject alternative names (DNS
 * names and IP addresses) and an RSA 2048/3072/4096 or EC P-256/P-384 key.
 *
 * <p>Send {@link #pem()} to the certificate authority, then join the issued certificate with the
 * key using {@link #withCertificate(List)}.
 *
 * <pre>{@code
 * CertificateSigningRequest csr = CertificateSigningRequest.builder("CN=spp.example.com,O=Example")
 *     .dnsName("spp.example.com")
 *     .ipAddress("192.0.2.123")
 *     .keyType(KeyType.RSA_3072)
 *     .build();
 * String pem = csr.pem();
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the private key.
 */
public final class CertificateSigningRequest {
  private final String subject;
  private final List<String> dnsNames;
  private final List<String> ipAddresses;
  private final KeyType keyType;
  private final KeyPair keyPair;
  private final byte[] encoded;

  private CertificateSigningRequest(Builder b, KeyPair keyPair, byte[] encoded) {
    this.subject = b.subject;
    this.dnsNames = b.names.dnsNames();
    this.ipAddresses = b.names.ipTexts();
    this.keyType = b.keyType;
    this.keyPair = keyPair;
    this.encoded = encoded;
  }

  /**
   * Starts a builder.
   *
   * @param subject the subject distinguished name, e.g. {@code "CN=spp.example.com,O=Example"}
   * @return a new builder
   * @throws IllegalArgumentException if the subject is not a distinguished name
   */
  public static Builder builder(String subject) {
    return new Builder(subject);
  }

  /**
   * Returns the request as PEM ({@code CERTIFICATE REQUEST}).
   *
   * @return the PEM text
   */
  public String pem() {
    return Certificates.pem("CERTIFICATE REQUEST", encoded);
  }

  /**
   * Returns the request's DER encoding.
   *
   * @return a copy of the bytes
   */
  public byte[] encoded() {
    return encoded.clone();
  }

  /**
   * Returns the subject as given.
   *
   * @return the distinguished name
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns the DNS subject alternative names.
   *
   * @return the names in A-label form, in the order added
   */
  public List<String> dnsNames() {
    return dnsNames;
  }

  /**
   * Returns the IP subject alternative names.
   *
   * @return the addresses as text, in the order added
   */
  public List<String> ipAddresses() {
    return ipAddresses;
  }

  /**
   * Returns the key type.
   *
   * @return the key type
   */
  public KeyType keyType() {
    return keyType;
  }

  /**
   * Returns the public key the request carries.
   *
   * @return the public key
   */
  public PublicKey publicKey() {
    return keyPair.getPublic();
  }

  /**
   * Returns the private key generated for the request. Keep it secret.
   *
   * @return the private key
   */
  public PrivateKey privateKey() {
    return keyPair.getPrivate();
  }

  /**
   * Joins the certificate the authority issued for this request with the request's key.
   *
   * @param issuedChain the issued certificate first, then its issuers
   * @return the key material
   * @throws CertificateLoadException {@code KeyMismatch} if the certificate was not issued for this
   *     request's key
   */
  public KeyMaterial withCertificate(List<X509Certificate> issuedChain) {
    return KeyMaterial.of(keyPair.getPrivate(), issuedChain);
  }

  /** Returns the subject, names and key type; never the key. */
  @Override
  public String toString() {
    return "CertificateSigningRequest{subject="
        + subject
        + ", dnsNames="
        + dnsNames
        + ", ipAddresses="
        + ipAddresses
        + ", keyType="
        + keyType
        + "}";
  }

  /** Builds {@link CertificateSigningRequest}s. Not thread-safe. */
  public static final class Builder {
    private final String subject;
    private final SubjectAltNames names = new SubjectAltNames();
    private KeyType keyType = KeyType.RSA_2048;

    private Builder(String subject) {
      requireNonNull(subject, "subject");
      Names.subject(subject);
      this.subject = subject;
    }

    /**
     * Adds a DNS subject alternative name. Default: none.
     *
     * @param name a host name, optionally with a {@code *.} wildcard; Unicode names are written in
     *     A-label form
     * @return this builder
     * @throws IllegalArgumentException if the name is not a valid DNS name
     */
    public Builder dnsName(String name) {
      names.dnsName(name);
      return this;
    }

    /**
     * Adds an IP subject alternative name. Default: none.
     *
     * @param address a canonical IPv4 address or an IPv6 address
     * @return this builder
     * @throws IllegalArgumentException if the text is not an IP address
     */
    public Builder ipAddress(String address) {
      names.ipAddress(address);
      return this;
    }

    /**
     * Sets the key type. Default: {@link KeyType#RSA_2048}.
     *
     * @param keyType the key type
     * @return this builder
     */
    public Builder keyType(KeyType keyType) {
      this.keyType = requireNonNull(keyType, "keyType");
      return this;
    }

    /**
     * Generates the key pair and signs the request with it.
     *
     * @return the request
     */
    public CertificateSigningRequest build() {
      KeyPair kp = keyType.generate();
      try {
        JcaPKCS10CertificationRequestBuilder rb =
            new JcaPKCS10CertificationRequestBuilder(Names.subject(subject), kp.getPublic());
        GeneralNames sans = names.generalNames();
        if (sans != null) {
          ExtensionsGenerator ext = new ExtensionsGenerator();
          ext.addExtension(Extension.subjectAlternativeName, false, sans);
          rb.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
        }
        PKCS10CertificationRequest csr =
            rb.build(
                new JcaContentSignerBuilder(keyType.signatureAlgorithm()).build(kp.getPrivate()));
        return new CertificateSigningRequest(this, kp, csr.getEncoded());
      } catch (IOException | OperatorCreationException e) {
        throw new IllegalStateException("cannot build the certificate signing request", e);
      }
    }
  }
}
