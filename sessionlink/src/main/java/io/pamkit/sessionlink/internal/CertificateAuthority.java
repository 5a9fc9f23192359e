package io.pamkit.sessionlink.internal;

import io.pamkit.core.cert.CertificateLoadException;
import io.pamkit.core.cert.Certificates;
import io.pamkit.core.cert.Thumbprints;
import io.pamkit.core.cert.TlsContexts;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A throw-away certificate authority generated in memory (EC P-256, SHA-256), used by the
 * simulators: it issues the server certificates (with subject alternative names), client
 * certificates for certificate login, and signs the certificate signing requests a session
 * appliance sends when it links. No key ever leaves the process or touches the disk.
 *
 * <p>Thread-safe.
 */
public final class CertificateAuthority {
  private static final char[] STORE_PASSWORD = "in-memory".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair keyPair;
  private final X509Certificate certificate;

  private CertificateAuthority(KeyPair keyPair, X509Certificate certificate) {
    this.keyPair = keyPair;
    this.certificate = certificate;
  }

  /**
   * Generates a new self-signed CA.
   *
   * @param commonName the CA's common name
   * @return the CA
   */
  public static CertificateAuthority generate(String commonName) {
    try {
      KeyPair kp = newKeyPair();
      X500Name name = new X500Name("CN=" + commonName);
      Instant now = Instant.now();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              name, serial(), Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(3650))), name, kp.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      b.addExtension(
          Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
      return new CertificateAuthority(kp, convert(b, signer(kp.getPrivate())));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate the simulator's CA", e);
    }
  }

  /**
   * Returns the CA certificate (the trust anchor of everything it issues).
   *
   * @return the certificate
   */
  public X509Certificate certificate() {
    return certificate;
  }

  /** A key pair and its certificate chain (leaf first, then the CA). */
  public static final class Issued {
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    Issued(PrivateKey key, List<X509Certificate> chain) {
      this.key = key;
      this.chain = List.copyOf(chain);
    }

    /**
     * Returns the certificate chain, leaf first.
     *
     * @return the chain
     */
    public List<X509Certificate> chain() {
      return chain;
    }

    /**
     * Returns a key store holding the key and chain under alias {@code key}.
     *
     * @return an in-memory PKCS#12 key store
     */
    public KeyStore keyStore() {
      try {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("key", key, STORE_PASSWORD, chain.toArray(new Certificate[0]));
        return ks;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException("cannot build an in-memory key store", e);
      }
    }

    /**
     * Returns an SSL context presenting this certificate and trusting the given anchors.
     *
     * @param trusted trust anchors for the peer
     * @return the context
     */
    public SSLContext sslContext(Collection<X509Certificate> trusted) {
      try {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore(), STORE_PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), trustManagers(trusted), RANDOM);
        return ctx;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot build an SSL context", e);
      }
    }
  }

  /**
   * Issues a TLS server certificate naming the given DNS names and IP addresses.
   *
   * @param names DNS names and IP address literals for the subjectAltName; the first is the CN
   * @return the key and chain
   */
  public Issued issueServer(List<String> names) {
    return issue(names.get(0), names, KeyPurposeId.id_kp_serverAuth);
  }

  /**
   * Issues a TLS client certificate.
   *
   * @param commonName the subject's common name
   * @return the key and chain
   */
  public Issued issueClient(String commonName) {
    return issue(commonName, List.of(), KeyPurposeId.id_kp_clientAuth);
  }

  private Issued issue(String cn, List<String> names, KeyPurposeId purpose) {
    try {
      KeyPair kp = newKeyPair();
      X509v3CertificateBuilder b = leafBuilder(new X500Name("CN=" + cn), kp.getPublic());
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      if (!names.isEmpty()) {
        List<GeneralName> gns = new ArrayList<>();
        for (String n : names) {
          gns.add(
              isIpLiteral(n)
                  ? new GeneralName(GeneralName.iPAddress, n)
                  : new GeneralName(GeneralName.dNSName, n));
        }
        b.addExtension(
            Extension.subjectAlternativeName, false, new GeneralNames(gns.toArray(new GeneralName[0])));
      }
      X509Certificate leaf = convert(b, signer(keyPair.getPrivate()));
      return new Issued(kp.getPrivate(), List.of(leaf, certificate));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot issue a certificate", e);
    }
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
    try (PEMParser parser = new PEMParser(new StringReader(pemCsr))) {
      Object o = parser.readObject();
      if (!(o instanceof PKCS10CertificationRequest)) {
        throw new IllegalArgumentException("not a PEM CERTIFICATE REQUEST");
      }
      PKCS10CertificationRequest csr = (PKCS10CertificationRequest) o;
      java.security.PublicKey pub = publicKey(csr.getSubjectPublicKeyInfo().getEncoded());
      if (!csr.isSignatureValid(
          new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder().build(pub))) {
        throw new IllegalArgumentException("the CSR's signature does not verify");
      }
      X509v3CertificateBuilder b = leafBuilder(new X500Name("CN=" + commonName), pub);
      b.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      return convert(b, signer(keyPair.getPrivate()));
    } catch (IOException
        | GeneralSecurityException
        | OperatorCreationException
        | org.bouncycastle.pkcs.PKCSException
        | RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) e;
      }
      throw new IllegalArgumentException("not a valid certificate signing request: " + e.getMessage(), e);
    }
  }

  /**
   * Creates a PEM certificate signing request for a new EC key.
   *
   * @param commonName the subject's common name
   * @return the PEM text of the CSR
   */
  public static String newCsr(String commonName) {
    try {
      KeyPair kp = newKeyPair();
      PKCS10CertificationRequest csr =
          new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName), kp.getPublic())
              .build(signer(kp.getPrivate()));
      StringWriter sw = new StringWriter();
      try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
        w.writeObject(csr);
      }
      return sw.toString();
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create a CSR", e);
    }
  }

  private static java.security.PublicKey publicKey(byte[] spki) throws GeneralSecurityException {
    java.security.spec.X509EncodedKeySpec spec = new java.security.spec.X509EncodedKeySpec(spki);
    GeneralSecurityException last = null;
    for (String alg : new String[] {"EC", "RSA", "Ed25519"}) {
      try {
        return java.security.KeyFactory.getInstance(alg).generatePublic(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw requireNonNullElse(last);
  }

  private static GeneralSecurityException requireNonNullElse(@org.jspecify.annotations.Nullable GeneralSecurityException e) {
    return e != null ? e : new GeneralSecurityException("unsupported key");
  }

  private X509v3CertificateBuilder leafBuilder(X500Name subject, java.security.PublicKey pub)
      throws GeneralSecurityException, IOException {
    Instant now = Instant.now();
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            certificate, serial(), Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(825))), subject, pub);
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    b.addExtension(
        Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
    return b;
  }

  /**
   * Returns trust managers that trust exactly the given anchors.
   *
   * @param trusted the anchors
   * @return the trust managers
   */
  public static javax.net.ssl.TrustManager[] trustManagers(Collection<X509Certificate> trusted) {
    try {
      KeyStore ts = KeyStore.getInstance("PKCS12");
      ts.load(null, null);
      int i = 0;
      for (X509Certificate c : trusted) {
        ts.setCertificateEntry("anchor-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ts);
      return tmf.getTrustManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build trust managers", e);
    }
  }


  /**
   * Returns an SSL context without own certificate that trusts exactly the given anchors.
   *
   * @param trusted the anchors
   * @return the context
   */
  public static SSLContext trustingContext(Collection<X509Certificate> trusted) {
    return TlsContexts.builder().trustAnchors(trusted).build();
  }


  /**
   * Encodes certificates as PEM, one after the other.
   *
   * @param certificates the certificates
   * @return the PEM text
   */
  public static String toPem(List<X509Certificate> certificates) {
    return Certificates.toPem(certificates);
  }


  /**
   * Decodes every certificate of a PEM text.
   *
   * @param pem the PEM text
   * @return the certificates, in order
   * @throws IllegalArgumentException if the text holds no certificate
   */
  public static List<X509Certificate> fromPem(String pem) {
    try {
      return Certificates.readChain(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (CertificateLoadException e) {
      throw new IllegalArgumentException("not a PEM certificate chain: " + e.getMessage(), e);
    }
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


  private static boolean isIpLiteral(String n) {
    return n.matches("\\d{1,3}(\\.\\d{1,3}){3}") || n.contains(":");
  }

  /**
   * Returns whether a string is an IP address literal (IPv4 dotted quad, or IPv6 with colons).
   *
   * @param n the text
   * @return true for an IP literal
   */
  public static boolean isIpAddress(String n) {
    if (!isIpLiteral(n)) {
      return false;
    }
    try {
      InetAddress.getByName(n);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return g.generateKeyPair();
  }

  private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
    return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
  }

  private static X509Certificate convert(X509v3CertificateBuilder b, ContentSigner s)
      throws GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate(b.build(s));
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).abs().add(BigInteger.ONE);
  }
}
