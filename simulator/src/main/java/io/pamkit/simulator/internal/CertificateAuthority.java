// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.cert.CertificateSigningRequest;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.cert.SelfSigned;
import io.pamkit.core.cert.Thumbprints;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.sessionlink.internal.Addresses;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The simulators' throw-away certificate authority, a thin layer over {@code core.cert}: the CA,
 * the server and client certificates come from {@link SelfSigned}, SSL contexts from {@link
 * TlsContexts}, new requests from {@link CertificateSigningRequest}. Only signing a PEM request
 * that a session appliance sends (a public key pamkit did not generate) is done here, because
 * core's API issues certificates only for keys it holds. No key touches the disk.
 *
 * <p>Thread-safe.
 */
public final class CertificateAuthority {
  /** Longer than any simulator runs; core's default of one day would do, but demos may idle. */
  private static final Duration VALIDITY = Duration.ofDays(30);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The CA key is core's default, EC P-256. */
  private static final String SIGNATURE = "SHA256withECDSA";

  private final KeyMaterial authority;

  private CertificateAuthority(KeyMaterial authority) {
    this.authority = authority;
  }

  /**
   * Generates a new self-signed CA (EC P-256).
   *
   * @param commonName the CA's common name
   * @return the CA
   */
  public static CertificateAuthority generate(String commonName) {
    return new CertificateAuthority(
        SelfSigned.builder("CN=" + commonName)
            .certificateAuthority(true)
            .validity(VALIDITY)
            .build());
  }

  /**
   * Returns the CA certificate (the trust anchor of everything it issues).
   *
   * @return the certificate
   */
  public X509Certificate certificate() {
    return authority.certificate();
  }

  /**
   * Issues a TLS server certificate naming the given DNS names and IP addresses.
   *
   * @param names DNS names and IP address literals for the subjectAltName; the first is the CN
   * @return the key and chain (leaf first, then the CA)
   */
  public KeyMaterial issueServer(List<String> names) {
    SelfSigned.Builder b =
        SelfSigned.builder("CN=" + names.get(0))
            .issuer(authority)
            .validity(VALIDITY)
            .serverAuth(true)
            .clientAuth(false);
    for (String n : names) {
      if (Addresses.isIpLiteral(n)) {
        b.ipAddress(n);
      } else {
        b.dnsName(n);
      }
    }
    return b.build();
  }

  /**
   * Issues a TLS client certificate.
   *
   * @param commonName the subject's common name
   * @return the key and chain (leaf first, then the CA)
   */
  public KeyMaterial issueClient(String commonName) {
    return SelfSigned.builder("CN=" + commonName)
        .issuer(authority)
        .validity(VALIDITY)
        .serverAuth(false)
        .clientAuth(true)
        .build();
  }

  /**
   * Returns an SSL context presenting the given key and trusting this CA (for the simulator's
   * server side, or a certificate-login client).
   *
   * @param key the key and chain to present
   * @return the context
   */
  public SSLContext sslContext(KeyMaterial key) {
    return TlsContexts.builder().clientKey(key).trustAnchor(certificate()).build();
  }

  /**
   * Returns an SSL context without own certificate that trusts exactly this CA.
   *
   * @return the context
   */
  public SSLContext trustingContext() {
    return TlsContexts.builder().trustAnchor(certificate()).build();
  }

  /**
   * Signs a PEM certificate signing request as a client certificate.
   *
   * @param pemCsr the PEM {@code CERTIFICATE REQUEST}
   * @param commonName the subject to issue it to (the certificate user)
   * @return the signed certificate
   * @throws IllegalArgumentException if the text is not a valid, self-consistent CSR
   */
  public X509Certificate signCsr(String pemCsr, String commonName) {
    requireNonNull(pemCsr, "pemCsr");
    try (PEMParser parser = new PEMParser(new StringReader(pemCsr))) {
      if (!(parser.readObject() instanceof PKCS10CertificationRequest csr)) {
        throw new IllegalArgumentException("not a PEM CERTIFICATE REQUEST");
      }
      PublicKey key = publicKey(csr.getSubjectPublicKeyInfo().getEncoded());
      if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
        throw new IllegalArgumentException("the CSR's signature does not verify");
      }
      Instant now = Instant.now();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              certificate(),
              new BigInteger(127, RANDOM).add(BigInteger.ONE),
              Date.from(now.minusSeconds(60)),
              Date.from(now.plus(VALIDITY)),
              new X500Name("CN=" + commonName),
              key);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      byte[] der =
          b.build(new JcaContentSignerBuilder(SIGNATURE).build(authority.privateKey()))
              .getEncoded();
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (IOException | GeneralSecurityException | OperatorCreationException | PKCSException e) {
      throw new IllegalArgumentException(
          "not a valid certificate signing request: " + e.getMessage(), e);
    }
  }

  /**
   * Creates a PEM certificate signing request for a new EC key.
   *
   * @param commonName the subject's common name
   * @return the PEM text of the CSR
   */
  public static String newCsr(String commonName) {
    return CertificateSigningRequest.builder("CN=" + commonName).build().pem();
  }

  /**
   * Returns the SHA-1 thumbprint of a certificate, upper-case hex as the appliance shows it.
   *
   * @param c the certificate
   * @return the thumbprint
   */
  public static String thumbprint(X509Certificate c) {
    return Thumbprints.sha1(c);
  }

  private static PublicKey publicKey(byte[] spki) throws GeneralSecurityException {
    X509EncodedKeySpec spec = new X509EncodedKeySpec(spki);
    GeneralSecurityException last = new GeneralSecurityException("unsupported key");
    for (String alg : new String[] {"EC", "RSA", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(alg).generatePublic(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }
}
