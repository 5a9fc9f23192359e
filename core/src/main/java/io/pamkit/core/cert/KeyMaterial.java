// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemWriter;
import org.jspecify.annotations.Nullable;

/**
 * A private key with its certificate chain (leaf first): a server certificate with its key, or a
 * client certificate for mutual TLS. Loaded from PKCS#12 ({@code .p12}, {@code .pfx}) or PEM
 * (PKCS#8 {@code PRIVATE KEY} or {@code ENCRYPTED PRIVATE KEY}, and the traditional OpenSSL {@code
 * RSA PRIVATE KEY} / {@code EC PRIVATE KEY} forms), and written back to both.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the subject and thumbprint, never the
 * key. Every constructor checks that the key belongs to the leaf certificate.
 */
public final class KeyMaterial {
  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;

  private KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {
    this.privateKey = privateKey;
    this.chain = List.copyOf(chain);
  }

  /**
   * Combines a private key with its certificate chain.
   *
   * @param privateKey the key of the leaf certificate
   * @param chain the chain, leaf first; not empty
   * @return the key material
   * @throws CertificateLoadException {@code KeyMismatch} if the key does not belong to the leaf
   */
  public static KeyMaterial of(PrivateKey privateKey, List<X509Certificate> chain) {
    return of(privateKey, chain, CertIo.BYTES);
  }

  static KeyMaterial of(PrivateKey privateKey, List<X509Certificate> chain, String source) {
    requireNonNull(privateKey, "privateKey");
    requireNonNull(chain, "chain");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("chain must hold at least the leaf certificate");
    }
    checkPair(privateKey, chain.get(0), source);
    return new KeyMaterial(privateKey, chain);
  }

  /**
   * Loads the first private-key entry of a PKCS#12 file.
   *
   * @param data the file content
   * @param password the file's password
   * @return the key and its chain
   * @throws CertificateLoadException {@code WrongPassword}, {@code Truncated}, {@code WrongFormat}
   *     or {@code NoPrivateKey}
   */
  public static KeyMaterial fromPkcs12(byte[] data, Secret password) {
    return fromPkcs12(requireNonNull(data, "data"), password, CertIo.BYTES);
  }

  /**
   * Loads the first private-key entry of a PKCS#12 file.
   *
   * @param file a {@code .p12} or {@code .pfx} file
   * @param password the file's password
   * @return the key and its chain
   * @throws CertificateLoadException as {@link #fromPkcs12(byte[], Secret)}, or {@code Unreadable}
   */
  public static KeyMaterial fromPkcs12(Path file, Secret password) {
    return fromPkcs12(CertIo.read(requireNonNull(file, "file")), password, CertIo.source(file));
  }

  private static KeyMaterial fromPkcs12(byte[] data, Secret password, String source) {
    requireNonNull(password, "password");
    if (CertIo.looksLikePem(data)) {
      throw new CertificateLoadException(
          CertificateLoadException.Reason.WRONG_FORMAT,
          source,
          "is PEM text, not PKCS#12: load it with KeyMaterial.fromPem",
          null);
    }
    CertIo.checkDer(data, source, "a PKCS#12 file");
    if (!CertIo.isPkcs12(data)) {
      throw new CertificateLoadException(
          CertificateLoadException.Reason.WRONG_FORMAT,
          source,
          "is DER but not PKCS#12 (no version 3 PFX structure); a certificate alone is read with"
              + " Certificates.readChain",
          null);
    }
    char[] pw = password.chars();
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try {
        ks.load(new ByteArrayInputStream(data), pw);
      } catch (IOException e) {
        if (hasCause(e, UnrecoverableKeyException.class)
            || String.valueOf(e.getMessage()).contains("password")) {
          throw new CertificateLoadException(
              CertificateLoadException.Reason.WRONG_PASSWORD,
              source,
              "the password does not open the PKCS#12 file",
              e);
        }
        throw new CertificateLoadException(
            CertificateLoadException.Reason.WRONG_FORMAT,
            source,
            "is not a readable PKCS#12 file",
            e);
      }
      for (String alias : Collections.list(ks.aliases())) {
        if (!ks.isKeyEntry(alias)) {
          continue;
        }
        Key key;
        try {
          key = ks.getKey(alias, pw);
        } catch (UnrecoverableKeyException e) {
          throw new CertificateLoadException(
              CertificateLoadException.Reason.WRONG_PASSWORD,
              source,
              "the password does not decrypt the private key of entry \"" + alias + "\"",
              e);
        }
        if (!(key instanceof PrivateKey)) {
          continue;
        }
        Certificate[] certs = ks.getCertificateChain(alias);
        if (certs == null || certs.length == 0) {
          throw new CertificateLoadException(
              CertificateLoadException.Reason.NO_CERTIFICATE,
              source,
              "the private key of entry \"" + alias + "\" has no certificate",
              null);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : certs) {
          chain.add((X509Certificate) c);
        }
        return of((PrivateKey) key, chain, source);
      }
      throw new CertificateLoadException(
          CertificateLoadException.Reason.NO_PRIVATE_KEY,
          source,
          "holds no private key entry",
          null);
    } catch (GeneralSecurityException e) {
      throw new CertificateLoadException(
          CertificateLoadException.Reason.WRONG_FORMAT,
          source,
          "is not a readable PKCS#12 file",
          e);
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  /**
   * Loads a private key and its certificates from one PEM text (key and certificates in any order,
   * leaf certificate first among the certificates).
   *
   * @param pem the PEM content
   * @param password the key's password, or null for an unencrypted key
   * @return the key and its chain
   * @throws CertificateLoadException {@code PasswordRequired}, {@code WrongPassword}, {@code
   *     Truncated}, {@code WrongFormat}, {@code NoPrivateKey}, {@code NoCertificate} or {@code
   *     KeyMismatch}
   */
  public static KeyMaterial fromPem(byte[] pem, @Nullable Secret password) {
    requireNonNull(pem, "pem");
    return fromPem(pem, pem, password, CertIo.BYTES, CertIo.BYTES);
  }

  /**
   * Loads a private key and its certificates from separate PEM texts.
   *
   * @param certificatePem the certificate chain, leaf first
   * @param keyPem the private key
   * @param password the key's password, or null for an unencrypted key
   * @return the key and its chain
   * @throws CertificateLoadException as {@link #fromPem(byte[], Secret)}
   */
  public static KeyMaterial fromPem(
      byte[] certificatePem, byte[] keyPem, @Nullable Secret password) {
    requireNonNull(certificatePem, "certificatePem");
    requireNonNull(keyPem, "keyPem");
    return fromPem(certificatePem, keyPem, password, CertIo.BYTES, CertIo.BYTES);
  }

  /**
   * Loads a private key and its certificates from separate PEM files (they may be the same file).
   *
   * @param certificateFile the certificate chain, leaf first
   * @param keyFile the private key
   * @param password the key's password, or null for an unencrypted key
   * @return the key and its chain
   * @throws CertificateLoadException as {@link #fromPem(byte[], Secret)}, or {@code Unreadable}
   */
  public static KeyMaterial fromPem(Path certificateFile, Path keyFile, @Nullable Secret password) {
    return fromPem(
        CertIo.read(certificateFile),
        CertIo.read(keyFile),
        password,
        CertIo.source(certificateFile),
        CertIo.source(keyFile));
  }

  private static KeyMaterial fromPem(
      byte[] certPem,
      byte[] keyPem,
      @Nullable Secret password,
      String certSource,
      String keySource) {
    if (!CertIo.looksLikePem(keyPem)) {
      throw new CertificateLoadException(
          CertificateLoadException.Reason.WRONG_FORMAT,
          keySource,
          "is not PEM text (no -----BEGIN line)"
              + (keyPem.length > 0 && CertIo.isPkcs12(keyPem)
                  ? "; it looks like PKCS#12: load it with KeyMaterial.fromPkcs12"
                  : ""),
          null);
    }
    PrivateKey key = null;
    for (CertIo.PemBlock b : CertIo.pemBlocks(keyPem, keySource)) {
      if (b.label().endsWith("PRIVATE KEY")) {
        key = parseKey(b, password, keySource);
        break;
      }
    }
    if (key == null) {
      throw new CertificateLoadException(
          CertificateLoadException.Reason.NO_PRIVATE_KEY,
          keySource,
          "holds no PEM private key",
          null);
    }
    List<X509Certificate> chain = Certificates.readChain(certPem, certSource);
    return of(key, chain, keySource);
  }

  private static PrivateKey parseKey(
      CertIo.PemBlock block, @Nullable Secret password, String source) {
    Object o;
    try (PEMParser parser = new PEMParser(new StringReader(block.text()))) {
      o = parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw new CertificateLoadException(
          CertificateLoadException.Reason.WRONG_FORMAT,
          source,
          "the PEM block \"" + block.label() + "\" is not a readable private key",
          e);
    }
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      if (o instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (o instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      if (o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
        if (password == null) {
          throw new CertificateLoadException(
              CertificateLoadException.Reason.PASSWORD_REQUIRED,
              source,
              "the private key is encrypted and no password was given",
              null);
        }
        char[] pw = password.chars();
        try {
          if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            PrivateKeyInfo info =
                encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(CertIo.BC).build(pw));
            return converter.getPrivateKey(info);
          }
          return converter
              .getKeyPair(
                  ((PEMEncryptedKeyPair) o)
                      .decryptKeyPair(
                          new JcePEMDecryptorProviderBuilder().setProvider(CertIo.BC).build(pw)))
              .getPrivate();
        } catch (CertificateLoadException e) {
          throw e;
        } catch (Exception e) {
          throw new CertificateLoadException(
              CertificateLoadException.Reason.WRONG_PASSWORD,
              source,
              "the password does not decrypt the private key",
              e);
        } finally {
          Arrays.fill(pw, '\0');
        }
      }
    } catch (IOException e) {
      throw new CertificateLoadException(
          CertificateLoadException.Reason.WRONG_FORMAT,
          source,
          "the private key cannot be converted",
          e);
    }
    throw new CertificateLoadException(
        CertificateLoadException.Reason.WRONG_FORMAT,
        source,
        "the PEM block \"" + block.label() + "\" is not a supported private key",
        null);
  }

  private static void checkPair(PrivateKey key, X509Certificate leaf, String source) {
    String alg = KeyType.signatureAlgorithmFor(leaf.getPublicKey());
    boolean ok;
    try {
      byte[] probe = new byte[32];
      new SecureRandom().nextBytes(probe);
      Signature s = Signature.getInstance(alg);
      s.initSign(key);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(leaf.getPublicKey());
      v.update(probe);
      ok = v.verify(sig);
    } catch (GeneralSecurityException | RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      throw new CertificateLoadException(
          CertificateLoadException.Reason.KEY_MISMATCH,
          source,
          "the private key does not belong to the certificate "
              + leaf.getSubjectX500Principal().getName(),
          null);
    }
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the private key.
   *
   * @return the key
   */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /**
   * Returns the leaf certificate.
   *
   * @return the first certificate of the chain
   */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /**
   * Returns the certificate chain, leaf first.
   *
   * @return an immutable, non-empty list
   */
  public List<X509Certificate> chain() {
    return chain;
  }

  /**
   * Writes the chain as PEM.
   *
   * @return PEM {@code CERTIFICATE} blocks, leaf first
   */
  public String certificatePem() {
    return Certificates.toPem(chain);
  }

  /**
   * Writes the private key as an encrypted PKCS#8 PEM block ({@code ENCRYPTED PRIVATE KEY}, PBES2
   * with AES-256-CBC and HMAC-SHA256).
   *
   * @param password the password to encrypt with; not empty
   * @return the PEM text
   */
  public String privateKeyPem(Secret password) {
    requireNonNull(password, "password");
    if (password.isEmpty()) {
      throw new IllegalArgumentException("password must not be empty");
    }
    char[] pw = password.chars();
    try {
      OutputEncryptor enc =
          new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
              .setProvider(CertIo.BC)
              .setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
              .setIterationCount(10_000)
              .setPassword(pw)
              .build();
      return writePem(privateKey, enc);
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException("cannot encrypt the private key", e);
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  /**
   * Writes the private key as an unencrypted PKCS#8 PEM block ({@code PRIVATE KEY}). Store the
   * result only where the file system protects it.
   *
   * @return the PEM text
   */
  public String unencryptedPrivateKeyPem() {
    return writePem(privateKey, null);
  }

  private static String writePem(PrivateKey key, @Nullable OutputEncryptor encryptor) {
    StringWriter out = new StringWriter();
    try (PemWriter w = new PemWriter(out)) {
      w.writeObject(new JcaPKCS8Generator(key, encryptor).generate());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write PEM", e);
    }
    return out.toString();
  }

  /**
   * Writes the key and chain as a PKCS#12 file (the JDK's default PKCS#12 algorithms).
   *
   * @param password the password of the file and the key entry
   * @return the file content
   */
  public byte[] toPkcs12(Secret password) {
    requireNonNull(password, "password");
    char[] pw = password.chars();
    try {
      KeyStore ks = toKeyStore(pw);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ks.store(out, pw);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write PKCS#12", e);
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  KeyStore toKeyStore(char[] password) throws GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try {
      ks.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create an empty key store", e);
    }
    ks.setKeyEntry("key", privateKey, password, chain.toArray(new X509Certificate[0]));
    return ks;
  }

  /** Returns the leaf's subject and SHA-1 thumbprint; never the key. */
  @Override
  public String toString() {
    return "KeyMaterial{subject="
        + certificate().getSubjectX500Principal().getName()
        + ", thumbprint="
        + Thumbprints.sha1(certificate())
        + ", chain="
        + chain.size()
        + "}";
  }

  static X509Certificate fromHolder(X509CertificateHolder holder) throws IOException {
    return CertIo.toJdk(holder.getEncoded());
  }
}
