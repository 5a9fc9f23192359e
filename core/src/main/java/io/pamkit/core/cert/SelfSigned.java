// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Generates certificates for tests, demos and the appliance simulator: a self-signed certificate
 * authority, and server or client certificates it issues, with DNS and IP subject alternative
 * names. Nothing is written to disk; no private key needs to be committed anywhere.
 *
 * <pre>{@code
 * KeyMaterial ca = SelfSigned.certificateAuthority("CN=pamkit test CA");
 * KeyMaterial server = SelfSigned.builder("CN=localhost")
 *     .issuer(ca)
 *     .dnsName("localhost")
 *     .ipAddress("127.0.0.1")
 *     .build();
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 *
 * <p>Not meant for production certificates: use a {@link CertificateSigningRequest} and a real
 * authority.
 */
public final class SelfSigned {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SelfSigned() {}

  /**
   * Starts a builder for a certificate with the given subject.
   *
   * @param subject the subject distinguished name, e.g. {@code "CN=localhost"}
   * @return a new builder
   * @throws IllegalArgumentException if the subject is not a distinguished name
   */
  public static Builder builder(String subject) {
    return new Builder(subject);
  }

  /**
   * Generates a self-signed certificate authority with the defaults of {@link Builder}.
   *
   * @param subject the authority's distinguished name
   * @return the authority's key and certificate
   */
  public static KeyMaterial certificateAuthority(String subject) {
    return builder(subject).certificateAuthority(true).build();
  }

  /**
   * Issues a certificate for a certificate signing request, as a test authority would: the
   * request's subject, DNS and IP names and public key, valid for one day, for server and client
   * authentication. Join it with the request's key using {@link
   * CertificateSigningRequest#withCertificate(List)}.
   *
   * @param request the request
   * @param issuer an authority made with {@link #certificateAuthority(String)}
   * @return the issued certificate followed by the issuer's chain
   * @throws IllegalStateException if the issuer is not a certificate authority
   */
  public static List<X509Certificate> issue(CertificateSigningRequest request, KeyMaterial issuer) {
    requireNonNull(request, "request");
    Builder b = builder(request.subject()).issuer(issuer);
    request.dnsNames().forEach(b::dnsName);
    request.ipAddresses().forEach(b::ipAddress);
    b.keyType = request.keyType();
    b.publicKey = request.publicKey();
    return b.issue();
  }

  /** Builds generated certificates. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private final String subject;
    private @Nullable KeyMaterial issuer;
    private boolean ca;
    private final SubjectAltNames names = new SubjectAltNames();
    private KeyType keyType = KeyType.EC_P256;
    private Clock clock = Clock.systemUTC();
    private Duration validity = Duration.ofDays(1);
    private @Nullable Instant notBefore;
    private boolean serverAuth = true;
    private boolean clientAuth = true;
    private java.security.@Nullable PublicKey publicKey;

    private Builder(String subject) {
      requireNonNull(subject, "subject");
      Names.subject(subject);
      this.subject = subject;
    }

    /**
     * Sets the authority that signs the certificate. Default: none, the certificate signs itself.
     *
     * @param issuer an authority made with {@link #certificateAuthority(boolean)}
     * @return this builder
     */
    public Builder issuer(KeyMaterial issuer) {
      this.issuer = requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * Makes the certificate a certificate authority (basic constraints CA, key usage keyCertSign
     * and cRLSign, no extended key usage). Default: false, an end-entity certificate.
     *
     * @param ca true for an authority
     * @return this builder
     */
    public Builder certificateAuthority(boolean ca) {
      this.ca = ca;
      return this;
    }

    /**
     * Adds a DNS subject alternative name. Default: none.
     *
     * @param name the host name, optionally {@code *.}-wildcarded
     * @return this builder
     */
    public Builder dnsName(String name) {
      names.dnsName(name);
      return this;
    }

    /**
     * Adds an IP subject alternative name. Default: none.
     *
     * @param address a canonical IPv4 or an IPv6 address
     * @return this builder
     */
    public Builder ipAddress(String address) {
      names.ipAddress(address);
      return this;
    }

    /**
     * Sets the key type. Default: {@link KeyType#EC_P256} (fast to generate).
     *
     * @param keyType the key type
     * @return this builder
     */
    public Builder keyType(KeyType keyType) {
      this.keyType = requireNonNull(keyType, "keyType");
      return this;
    }

    /**
     * Sets the clock that decides the validity start. Default: {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the start of validity. Default: one minute before the clock's now.
     *
     * @param notBefore the start
     * @return this builder
     */
    public Builder notBefore(Instant notBefore) {
      this.notBefore = requireNonNull(notBefore, "notBefore");
      return this;
    }

    /**
     * Sets how long the certificate is valid from its start. Default: one day.
     *
     * @param validity a positive duration
     * @return this builder
     */
    public Builder validity(Duration validity) {
      requireNonNull(validity, "validity");
      if (validity.isNegative() || validity.isZero()) {
        throw new IllegalArgumentException("validity must be positive, was " + validity);
      }
      this.validity = validity;
      return this;
    }

    /**
     * Sets whether an end-entity certificate may authenticate a TLS server (extended key usage
     * serverAuth). Default: true.
     *
     * @param serverAuth the flag
     * @return this builder
     */
    public Builder serverAuth(boolean serverAuth) {
      this.serverAuth = serverAuth;
      return this;
    }

    /**
     * Sets whether an end-entity certificate may authenticate a TLS client (extended key usage
     * clientAuth). Default: true.
     *
     * @param clientAuth the flag
     * @return this builder
     */
    public Builder clientAuth(boolean clientAuth) {
      this.clientAuth = clientAuth;
      return this;
    }

    /**
     * Generates the key and the certificate.
     *
     * @return the key with its chain (the certificate, then the issuer's chain)
     * @throws IllegalStateException if the issuer is not a certificate authority
     */
    public KeyMaterial build() {
      KeyPair kp = keyType.generate();
      List<X509Certificate> chain = certify(kp.getPublic(), kp.getPrivate());
      return KeyMaterial.of(kp.getPrivate(), chain);
    }

    private List<X509Certificate> issue() {
      java.security.PublicKey key = requireNonNull(publicKey, "publicKey");
      return certify(key, null);
    }

    private List<X509Certificate> certify(
        java.security.PublicKey subjectKey, java.security.@Nullable PrivateKey ownKey) {
      Instant start = notBefore != null ? notBefore : clock.instant().minusSeconds(60);
      Instant end = start.plus(validity);
      X500Name subjectName = Names.subject(subject);
      KeyMaterial signer = issuer;
      if (signer != null && signer.certificate().getBasicConstraints() < 0) {
        throw new IllegalStateException(
            "issuer "
                + signer.certificate().getSubjectX500Principal().getName()
                + " is not a certificate authority");
      }
      X500Name issuerName =
          signer == null
              ? subjectName
              : X500Name.getInstance(signer.certificate().getSubjectX500Principal().getEncoded());
      try {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b =
            new JcaX509v3CertificateBuilder(
                issuerName,
                new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(start),
                Date.from(end),
                subjectName,
                subjectKey);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(
            Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
        if (signer != null) {
          b.addExtension(
              Extension.authorityKeyIdentifier,
              false,
              utils.createAuthorityKeyIdentifier(signer.certificate()));
        }
        if (ca) {
          b.addExtension(
              Extension.keyUsage,
              true,
              new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        } else {
          int usage = KeyUsage.digitalSignature;
          if (keyType.algorithm().equals("RSA")) {
            usage |= KeyUsage.keyEncipherment;
          }
          b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
          List<KeyPurposeId> purposes = new ArrayList<>();
          if (serverAuth) {
            purposes.add(KeyPurposeId.id_kp_serverAuth);
          }
          if (clientAuth) {
            purposes.add(KeyPurposeId.id_kp_clientAuth);
          }
          if (!purposes.isEmpty()) {
            b.addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0])));
          }
        }
        GeneralNames sans = names.generalNames();
        if (sans != null) {
          b.addExtension(Extension.subjectAlternativeName, false, sans);
        }
        java.security.PrivateKey signingKey =
            signer != null ? signer.privateKey() : requireNonNull(ownKey, "ownKey");
        String alg =
            KeyType.signatureAlgorithmFor(
                signer != null ? signer.certificate().getPublicKey() : subjectKey);
        X509Certificate cert =
            CertIo.toJdk(b.build(new JcaContentSignerBuilder(alg).build(signingKey)).getEncoded());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        if (signer != null) {
          chain.addAll(signer.chain());
        }
        return List.copyOf(chain);
      } catch (IOException
          | OperatorCreationException
          | CertificateEncodingException
          | java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("cannot generate the certificate", e);
      }
    }
  }
}
