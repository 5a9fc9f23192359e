// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.secret.Secret;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KeyMaterialTest {
  private static final KeyMaterial CA = SelfSigned.certificateAuthority("CN=pamkit test CA");
  private static final KeyMaterial EC =
      SelfSigned.builder("CN=ec.example").issuer(CA).dnsName("ec.example").build();
  private static final KeyMaterial RSA =
      SelfSigned.builder("CN=rsa.example").issuer(CA).keyType(KeyType.RSA_2048).build();

  @TempDir Path dir;

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void pkcs12_roundTrip_rsaAndEc() throws Exception {
    for (KeyMaterial km : List.of(EC, RSA)) {
      Path p12 = Files.write(dir.resolve("server.p12"), km.toPkcs12(Secret.of("s3cret")));
      KeyMaterial read = KeyMaterial.fromPkcs12(p12, Secret.of("s3cret"));
      assertEquals(km.chain(), read.chain());
      assertArrayEquals(km.privateKey().getEncoded(), read.privateKey().getEncoded());
      Path pfx = Files.write(dir.resolve("server.pfx"), km.toPkcs12(Secret.of("s3cret")));
      assertEquals(
          km.certificate(), KeyMaterial.fromPkcs12(pfx, Secret.of("s3cret")).certificate());
    }
  }

  @Test
  void pkcs12_wrongPassword_typed() {
    byte[] p12 = EC.toPkcs12(Secret.of("right"));
    CertificateLoadException e =
        assertThrows(
            CertificateLoadException.class, () -> KeyMaterial.fromPkcs12(p12, Secret.of("wrong")));
    assertEquals(CertificateLoadException.Reason.WRONG_PASSWORD, e.reason());
    assertFalse(e.getMessage().contains("wrong"), e.getMessage());
    assertFalse(e.getMessage().contains("right"), e.getMessage());
  }

  @Test
  void pkcs12_truncated_typed() {
    byte[] p12 = EC.toPkcs12(Secret.of("pw"));
    for (int len : new int[] {1, 3, p12.length / 2, p12.length - 1}) {
      CertificateLoadException e =
          assertThrows(
              CertificateLoadException.class,
              () -> KeyMaterial.fromPkcs12(Arrays.copyOf(p12, len), Secret.of("pw")),
              "length " + len);
      assertEquals(CertificateLoadException.Reason.TRUNCATED, e.reason(), "length " + len);
    }
  }

  @Test
  void pkcs12_wrongFormat_typed() throws Exception {
    assertEquals(
        CertificateLoadException.Reason.WRONG_FORMAT,
        assertThrows(
                CertificateLoadException.class,
                () -> KeyMaterial.fromPkcs12(ascii(EC.certificatePem()), Secret.of("pw")))
            .reason());
    assertEquals(
        CertificateLoadException.Reason.WRONG_FORMAT,
        assertThrows(
                CertificateLoadException.class,
                () -> KeyMaterial.fromPkcs12(EC.certificate().getEncoded(), Secret.of("pw")))
            .reason());
  }

  @Test
  void pem_unencryptedPkcs8_roundTrip() {
    String keyPem = RSA.unencryptedPrivateKeyPem();
    assertTrue(keyPem.startsWith("-----BEGIN PRIVATE KEY-----"), keyPem.substring(0, 30));
    KeyMaterial read = KeyMaterial.fromPem(ascii(RSA.certificatePem()), ascii(keyPem), null);
    assertEquals(RSA.chain(), read.chain());
    assertArrayEquals(RSA.privateKey().getEncoded(), read.privateKey().getEncoded());
  }

  @Test
  void pem_encryptedPkcs8_roundTripInOneFile() throws Exception {
    String keyPem = EC.privateKeyPem(Secret.of("pem-pass"));
    assertTrue(keyPem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    Path both = Files.writeString(dir.resolve("both.pem"), keyPem + EC.certificatePem());
    KeyMaterial read = KeyMaterial.fromPem(both, both, Secret.of("pem-pass"));
    assertArrayEquals(EC.privateKey().getEncoded(), read.privateKey().getEncoded());
    assertEquals(EC.chain(), read.chain());
    assertEquals(
        EC.certificate(),
        KeyMaterial.fromPem(ascii(keyPem + EC.certificatePem()), Secret.of("pem-pass"))
            .certificate());
  }

  @Test
  void pem_encryptedWrongPassword_typed() {
    byte[] key = ascii(EC.privateKeyPem(Secret.of("pem-pass")));
    for (String wrong : List.of("pem-pas", "PEM-PASS", "x")) {
      CertificateLoadException e =
          assertThrows(
              CertificateLoadException.class,
              () -> KeyMaterial.fromPem(ascii(EC.certificatePem()), key, Secret.of(wrong)));
      assertEquals(CertificateLoadException.Reason.WRONG_PASSWORD, e.reason());
    }
  }

  @Test
  void pem_encryptedWithoutPassword_passwordRequired() {
    byte[] key = ascii(EC.privateKeyPem(Secret.of("pem-pass")));
    CertificateLoadException e =
        assertThrows(
            CertificateLoadException.class,
            () -> KeyMaterial.fromPem(ascii(EC.certificatePem()), key, null));
    assertEquals(CertificateLoadException.Reason.PASSWORD_REQUIRED, e.reason());
  }

  @Test
  void pem_truncatedKey_typed() {
    String key = RSA.unencryptedPrivateKeyPem();
    byte[] cut = ascii(key.substring(0, key.length() - 40));
    CertificateLoadException e =
        assertThrows(
            CertificateLoadException.class,
            () -> KeyMaterial.fromPem(ascii(RSA.certificatePem()), cut, null));
    assertEquals(CertificateLoadException.Reason.TRUNCATED, e.reason());
  }

  @Test
  void pem_traditionalOpenSslKey_read() throws Exception {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(new KeyPair(RSA.certificate().getPublicKey(), RSA.privateKey()));
    }
    assertTrue(w.toString().startsWith("-----BEGIN RSA PRIVATE KEY-----"), w.toString());
    KeyMaterial read = KeyMaterial.fromPem(ascii(RSA.certificatePem()), ascii(w.toString()), null);
    assertEquals(RSA.certificate(), read.certificate());
  }

  @Test
  void pem_wrongFormatAndMissingKey_typed() {
    assertEquals(
        CertificateLoadException.Reason.WRONG_FORMAT,
        assertThrows(
                CertificateLoadException.class,
                () ->
                    KeyMaterial.fromPem(
                        ascii(EC.certificatePem()), EC.toPkcs12(Secret.of("pw")), null))
            .reason());
    assertEquals(
        CertificateLoadException.Reason.NO_PRIVATE_KEY,
        assertThrows(
                CertificateLoadException.class,
                () -> KeyMaterial.fromPem(ascii(EC.certificatePem()), null))
            .reason());
  }

  @Test
  void of_keyOfAnotherCertificate_keyMismatch() {
    CertificateLoadException e =
        assertThrows(
            CertificateLoadException.class, () -> KeyMaterial.of(RSA.privateKey(), EC.chain()));
    assertEquals(CertificateLoadException.Reason.KEY_MISMATCH, e.reason());
    CertificateLoadException pem =
        assertThrows(
            CertificateLoadException.class,
            () ->
                KeyMaterial.fromPem(
                    ascii(EC.certificatePem()), ascii(CA.unencryptedPrivateKeyPem()), null));
    assertEquals(CertificateLoadException.Reason.KEY_MISMATCH, pem.reason());
  }

  @Test
  void toString_neverShowsKey() {
    String s = EC.toString();
    assertTrue(s.contains("CN=ec.example"), s);
    assertTrue(s.contains(Thumbprints.sha1(EC.certificate())), s);
    assertFalse(s.contains("PRIVATE"), s);
  }

  @Test
  void selfSigned_chainAndExtensions() throws Exception {
    assertEquals(2, EC.chain().size());
    assertEquals(CA.certificate(), EC.chain().get(1));
    EC.certificate().verify(CA.certificate().getPublicKey());
    assertTrue(CA.certificate().getBasicConstraints() >= 0);
    assertEquals(-1, EC.certificate().getBasicConstraints());
    assertTrue(EC.certificate().getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"));
    assertTrue(EC.certificate().getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"));
    assertThrows(IllegalStateException.class, () -> SelfSigned.builder("CN=x").issuer(EC).build());
    assertThrows(IllegalArgumentException.class, () -> SelfSigned.builder("not a dn"));
    assertThrows(
        IllegalArgumentException.class, () -> SelfSigned.builder("CN=x").ipAddress("1.2.3"));
  }
}
