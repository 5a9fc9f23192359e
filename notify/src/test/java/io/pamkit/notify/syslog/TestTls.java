package io.pamkit.notify.syslog;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/** Certificates for TLS tests, made with BouncyCastle: a CA and leaf certificates it signs. */
final class TestTls {
  private static final AtomicLong SERIAL = new AtomicLong(1);
  private static final char[] PASSWORD = "changeit".toCharArray();

  final KeyPair caKeys;
  final X509Certificate ca;

  TestTls(String caName) throws Exception {
    caKeys = keys();
    ca = sign(new X500Name("CN=" + caName), caKeys, null, caKeys.getPrivate(),
        new X500Name("CN=" + caName), true);
  }

  static KeyPair keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    return g.generateKeyPair();
  }

  private static X509Certificate sign(
      X500Name subject, KeyPair subjectKeys, @Nullable GeneralNames san, PrivateKey issuerKey,
      X500Name issuer, boolean isCa) throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(now.minus(1, ChronoUnit.DAYS)),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            subject,
            subjectKeys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (san != null) {
      b.addExtension(Extension.subjectAlternativeName, false, san);
    }
    return new JcaX509CertificateConverter()
        .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
  }

  /** A key store with a leaf certificate for the given DNS names and IP addresses. */
  KeyStore leaf(String cn, String... names) throws Exception {
    KeyPair k = keys();
    GeneralName[] gn = new GeneralName[names.length];
    for (int i = 0; i < names.length; i++) {
      boolean ip = Character.isDigit(names[i].charAt(0));
      gn[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
    }
    X509Certificate cert =
        sign(new X500Name("CN=" + cn), k, names.length == 0 ? null : new GeneralNames(gn),
            caKeys.getPrivate(), new X500Name(ca.getSubjectX500Principal().getName()), false);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("key", k.getPrivate(), PASSWORD, new Certificate[] {cert, ca});
    return ks;
  }

  /** Writes the CA certificate as PEM. */
  void writeCaPem(java.nio.file.Path file) throws Exception {
    writePem(file, ca);
  }

  /** Writes a key store's certificate and private key as PEM files. */
  static void writeLeafPem(KeyStore ks, java.nio.file.Path cert, java.nio.file.Path key)
      throws Exception {
    writePem(cert, ks.getCertificate("key"));
    // PKCS#8 "PRIVATE KEY", which OpenSSL reads for every key type
    String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .encodeToString(ks.getKey("key", PASSWORD).getEncoded());
    java.nio.file.Files.writeString(key,
        "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
  }

  private static void writePem(java.nio.file.Path file, Object o) throws Exception {
    try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file);
        org.bouncycastle.openssl.jcajce.JcaPEMWriter pem =
            new org.bouncycastle.openssl.jcajce.JcaPEMWriter(w)) {
      pem.writeObject(o);
    }
  }

  /** A context presenting the key store's certificate and trusting this CA. */
  SSLContext context(@Nullable KeyStore keys) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
    if (keys != null) {
      kmf.init(keys, PASSWORD);
    }
    SSLContext c = SSLContext.getInstance("TLSv1.3");
    c.init(keys == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return c;
  }
}
