package io.pamkit.notify.smtp;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates generated for the tests with BouncyCastle: a CA, and leaves it issues. */
final class TestTls {
  static final char[] PASSWORD = "changeit".toCharArray();
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /** A key pair with its certificate chain (leaf first). */
  record Identity(PrivateKey key, List<X509Certificate> chain) {
    X509Certificate certificate() {
      return chain.get(0);
    }

    /** A PKCS#12 key store holding this identity under alias "key" (password "changeit"). */
    KeyStore keyStore() throws Exception {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("key", key, PASSWORD, chain.toArray(new Certificate[0]));
      return ks;
    }

    /** Writes the PKCS#12 key store to a file. */
    Path writeKeyStore(Path dir) throws Exception {
      Path p = Files.createTempFile(dir, "server", ".p12");
      try (OutputStream out = Files.newOutputStream(p)) {
        keyStore().store(out, PASSWORD);
      }
      return p;
    }
  }

  private TestTls() {}

  static KeyPair keyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    return g.generateKeyPair();
  }

  /** A self-signed CA. */
  static Identity ca(String cn) throws Exception {
    KeyPair kp = keyPair();
    X500Name name = new X500Name("CN=" + cn);
    X509v3CertificateBuilder b = builder(name, name, kp);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    b.addExtension(Extension.keyUsage, true,
        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return new Identity(kp.getPrivate(), List.of(sign(b, kp.getPrivate())));
  }

  /** A leaf issued by {@code issuer} with the given DNS and IP subject alternative names. */
  static Identity leaf(Identity issuer, String cn, List<String> dnsNames, List<String> ips)
      throws Exception {
    KeyPair kp = keyPair();
    X509v3CertificateBuilder b = builder(
        new X500Name(issuer.certificate().getSubjectX500Principal().getName()),
        new X500Name("CN=" + cn), kp);
    List<GeneralName> sans = new ArrayList<>();
    dnsNames.forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
    ips.forEach(i -> sans.add(new GeneralName(GeneralName.iPAddress, i)));
    if (!sans.isEmpty()) {
      b.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(sans.toArray(new GeneralName[0])));
    }
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(sign(b, issuer.key()));
    chain.addAll(issuer.chain());
    return new Identity(kp.getPrivate(), chain);
  }

  /** A self-signed leaf (no CA), as a test server's certificate often is. */
  static Identity selfSigned(String cn, List<String> dnsNames, List<String> ips) throws Exception {
    KeyPair kp = keyPair();
    X500Name name = new X500Name("CN=" + cn);
    X509v3CertificateBuilder b = builder(name, name, kp);
    List<GeneralName> sans = new ArrayList<>();
    dnsNames.forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
    ips.forEach(i -> sans.add(new GeneralName(GeneralName.iPAddress, i)));
    b.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(sans.toArray(new GeneralName[0])));
    return new Identity(kp.getPrivate(), List.of(sign(b, kp.getPrivate())));
  }

  /** A key store trusting the given certificates. */
  static KeyStore trustStore(X509Certificate... anchors) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    for (int i = 0; i < anchors.length; i++) {
      ks.setCertificateEntry("anchor" + i, anchors[i]);
    }
    return ks;
  }

  /** A server SSL context presenting {@code identity}, trusting {@code clientAnchors} if given. */
  static SSLContext serverContext(Identity identity, X509Certificate... clientAnchors)
      throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(identity.keyStore(), PASSWORD);
    TrustManagerFactory tmf = null;
    if (clientAnchors.length > 0) {
      tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustStore(clientAnchors));
    }
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
    return ctx;
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair kp) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
        subject, kp.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
      throws Exception {
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    byte[] der = b.build(signer).getEncoded();
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
  }
}
