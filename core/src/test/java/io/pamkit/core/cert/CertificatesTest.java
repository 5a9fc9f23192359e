// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CertificatesTest {
  private static final KeyMaterial CA = SelfSigned.certificateAuthority("CN=pamkit test CA");
  private static final KeyMaterial SERVER =
      SelfSigned.builder("CN=spp.example.com").issuer(CA).dnsName("spp.example.com").build();

  @TempDir Path dir;

  @Test
  void readChain_der_singleCertificate() throws Exception {
    X509Certificate c = SERVER.certificate();
    List<X509Certificate> read = Certificates.readChain(c.getEncoded());
    assertEquals(List.of(c), read);
  }

  @Test
  void readChain_pem_chainInOrder() throws Exception {
    String pem = SERVER.certificatePem();
    assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"), pem);
    List<X509Certificate> read = Certificates.readChain(pem.getBytes(StandardCharsets.US_ASCII));
    assertEquals(SERVER.chain(), read);
    assertEquals(2, read.size());
  }

  @Test
  void readChain_pemWithTextAroundAndCrLf() {
    String pem =
        "Bag Attributes\r\n subject=/CN=x\r\n"
            + Certificates.toPem(CA.certificate()).replace("\n", "\r\n")
            + "trailing text\r\n";
    assertEquals(CA.certificate(), Certificates.read(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void readChain_files_derCerCrtAndPem() throws Exception {
    Path cer = Files.write(dir.resolve("server.cer"), SERVER.certificate().getEncoded());
    Path crt = Files.write(dir.resolve("server.crt"), SERVER.certificate().getEncoded());
    Path pem = Files.writeString(dir.resolve("chain.pem"), SERVER.certificatePem());
    assertEquals(SERVER.certificate(), Certificates.read(cer));
    assertEquals(SERVER.certificate(), Certificates.read(crt));
    assertEquals(SERVER.chain(), Certificates.readChain(pem));
  }

  @Test
  void readChain_truncatedDer_typedTruncated() throws Exception {
    byte[] der = SERVER.certificate().getEncoded();
    CertificateLoadException e =
        assertThrows(
            CertificateLoadException.class,
            () -> Certificates.readChain(Arrays.copyOf(der, der.length - 10)));
    assertEquals(CertificateLoadException.Reason.TRUNCATED, e.reason());
    assertTrue(e.getMessage().contains("cut off"), e.getMessage());
  }

  @Test
  void readChain_truncatedPem_typedTruncated() {
    String pem = SERVER.certificatePem();
    String cut = pem.substring(0, pem.length() / 3);
    CertificateLoadException e =
        assertThrows(
            CertificateLoadException.class,
            () -> Certificates.readChain(cut.getBytes(StandardCharsets.US_ASCII)));
    assertEquals(CertificateLoadException.Reason.TRUNCATED, e.reason());
  }

  @Test
  void readChain_emptyFile_namedInMessage() throws Exception {
    Path empty = Files.write(dir.resolve("empty.der"), new byte[0]);
    CertificateLoadException e =
        assertThrows(CertificateLoadException.class, () -> Certificates.readChain(empty));
    assertEquals(CertificateLoadException.Reason.TRUNCATED, e.reason());
    assertEquals("empty.der", e.source());
    assertTrue(e.getMessage().startsWith("empty.der: "), e.getMessage());
  }

  @Test
  void readChain_missingFile_unreadable() {
    CertificateLoadException e =
        assertThrows(
            CertificateLoadException.class,
            () -> Certificates.readChain(dir.resolve("missing.pem")));
    assertEquals(CertificateLoadException.Reason.UNREADABLE, e.reason());
  }

  @Test
  void readChain_wrongFormat() {
    CertificateLoadException text =
        assertThrows(
            CertificateLoadException.class,
            () -> Certificates.readChain("hello world".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(CertificateLoadException.Reason.WRONG_FORMAT, text.reason());

    byte[] p12 = SERVER.toPkcs12(Secret.of("pw"));
    CertificateLoadException pkcs12 =
        assertThrows(CertificateLoadException.class, () -> Certificates.readChain(p12));
    assertEquals(CertificateLoadException.Reason.WRONG_FORMAT, pkcs12.reason());
    assertTrue(pkcs12.getMessage().contains("PKCS#12"), pkcs12.getMessage());

    String badBase64 = "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n";
    assertEquals(
        CertificateLoadException.Reason.WRONG_FORMAT,
        assertThrows(
                CertificateLoadException.class,
                () -> Certificates.readChain(badBase64.getBytes(StandardCharsets.US_ASCII)))
            .reason());
  }

  @Test
  void readChain_pemWithoutCertificate_noCertificate() {
    byte[] keyOnly = SERVER.unencryptedPrivateKeyPem().getBytes(StandardCharsets.US_ASCII);
    CertificateLoadException e =
        assertThrows(CertificateLoadException.class, () -> Certificates.readChain(keyOnly));
    assertEquals(CertificateLoadException.Reason.NO_CERTIFICATE, e.reason());
    assertFalse(e.getMessage().contains("PRIVATE KEY-----\n"), e.getMessage());
  }

  @Test
  void thumbprints_upperHexOfDerDigest() throws Exception {
    X509Certificate c = SERVER.certificate();
    String sha1 = Thumbprints.sha1(c);
    String sha256 = Thumbprints.sha256(c);
    assertTrue(sha1.matches("[0-9A-F]{40}"), sha1);
    assertTrue(sha256.matches("[0-9A-F]{64}"), sha256);
    assertEquals(
        HexFormat.of()
            .withUpperCase()
            .formatHex(MessageDigest.getInstance("SHA-1").digest(c.getEncoded())),
        sha1);
    assertFalse(sha1.equals(Thumbprints.sha1(CA.certificate())));
    String pasted = HexFormat.ofDelimiter(":").formatHex(HexFormat.of().parseHex(sha256));
    assertTrue(Thumbprints.matches(c, pasted));
    assertTrue(Thumbprints.matches(c, sha1.toLowerCase(java.util.Locale.ROOT)));
    assertFalse(Thumbprints.matches(CA.certificate(), sha1));
    assertFalse(Thumbprints.matches(c, "ABC"));
  }
}
