// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.InetAddress;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class CertificateSigningRequestTest {

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void build_pemIsSignedPkcs10WithSubjectAndSans(KeyType type) throws Exception {
    CertificateSigningRequest csr =
        CertificateSigningRequest.builder("CN=spp.example.com,O=Example,C=US")
            .dnsName("spp.example.com")
            .dnsName("*.spp.example.com")
            .ipAddress("192.0.2.123")
            .ipAddress("2001:db8::7")
            .keyType(type)
            .build();
    String pem = csr.pem();
    assertTrue(pem.startsWith("-----BEGIN CERTIFICATE REQUEST-----\n"), pem);
    assertTrue(pem.endsWith("-----END CERTIFICATE REQUEST-----\n"), pem);

    PKCS10CertificationRequest parsed;
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      parsed = (PKCS10CertificationRequest) p.readObject();
    }
    assertTrue(
        parsed.isSignatureValid(
            new JcaContentVerifierProviderBuilder()
                .setProvider(CertIo.BC)
                .build(parsed.getSubjectPublicKeyInfo())));
    assertEquals(
        new javax.security.auth.x500.X500Principal("CN=spp.example.com,O=Example,C=US"),
        new javax.security.auth.x500.X500Principal(parsed.getSubject().getEncoded()));

    var attr = parsed.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
    assertEquals(1, attr.length);
    Extensions ext = Extensions.getInstance(attr[0].getAttrValues().getObjectAt(0));
    GeneralNames sans = GeneralNames.fromExtensions(ext, Extension.subjectAlternativeName);
    List<String> dns = new ArrayList<>();
    List<InetAddress> ips = new ArrayList<>();
    for (GeneralName n : sans.getNames()) {
      if (n.getTagNo() == GeneralName.dNSName) {
        dns.add(n.getName().toString());
      } else if (n.getTagNo() == GeneralName.iPAddress) {
        ips.add(InetAddress.getByAddress(ASN1OctetString.getInstance(n.getName()).getOctets()));
      }
    }
    assertEquals(List.of("spp.example.com", "*.spp.example.com"), dns);
    assertEquals(
        List.of(InetAddress.getByName("192.0.2.123"), InetAddress.getByName("2001:db8::7")), ips);

    var key = new JcaPKCS10CertificationRequest(parsed).setProvider(CertIo.BC).getPublicKey();
    assertEquals(
        java.util.Arrays.toString(csr.publicKey().getEncoded()),
        java.util.Arrays.toString(key.getEncoded()));
    if (type.algorithm().equals("RSA")) {
      assertEquals(type.size(), ((RSAPublicKey) key).getModulus().bitLength());
    } else {
      assertEquals(
          type.size(), ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize());
    }
    assertFalse(csr.toString().contains("PRIVATE"));
  }

  @Test
  void build_withoutSans_hasNoExtensionRequest() throws Exception {
    CertificateSigningRequest csr =
        CertificateSigningRequest.builder("CN=plain").keyType(KeyType.EC_P256).build();
    PKCS10CertificationRequest parsed = new PKCS10CertificationRequest(csr.encoded());
    assertEquals(0, parsed.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest).length);
  }

  @Test
  void builder_badInput_rejectedWithValue() {
    IllegalArgumentException dn =
        assertThrows(
            IllegalArgumentException.class,
            () -> CertificateSigningRequest.builder("spp.example.com"));
    assertTrue(dn.getMessage().contains("spp.example.com"), dn.getMessage());
    CertificateSigningRequest.Builder b = CertificateSigningRequest.builder("CN=x");
    for (String bad : List.of("192.0.2.300", "0x7f.0.0.1", "host.example", "1::2::3")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> b.ipAddress(bad), bad);
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> b.dnsName("a..b"));
    assertThrows(IllegalArgumentException.class, () -> b.dnsName("bad_host"));
  }

  @Test
  void withCertificate_otherKey_keyMismatch() {
    CertificateSigningRequest csr =
        CertificateSigningRequest.builder("CN=x").keyType(KeyType.EC_P256).build();
    KeyMaterial other = SelfSigned.builder("CN=x").build();
    assertEquals(
        CertificateLoadException.Reason.KEY_MISMATCH,
        assertThrows(CertificateLoadException.class, () -> csr.withCertificate(other.chain()))
            .reason());
  }

  @Test
  void withCertificate_issuedByTestCa_joinsKeyAndChain() throws Exception {
    KeyMaterial ca = SelfSigned.certificateAuthority("CN=test CA");
    CertificateSigningRequest csr =
        CertificateSigningRequest.builder("CN=spp.example.com")
            .dnsName("spp.example.com")
            .ipAddress("192.0.2.123")
            .keyType(KeyType.EC_P384)
            .build();
    java.util.List<java.security.cert.X509Certificate> issued = SelfSigned.issue(csr, ca);
    issued.get(0).verify(ca.certificate().getPublicKey());
    KeyMaterial km = csr.withCertificate(issued);
    assertEquals(ca.certificate(), km.chain().get(1));
    assertTrue(HostnameMatch.check(km.certificate(), "192.0.2.123").matches());
    assertTrue(HostnameMatch.check(km.certificate(), "spp.example.com").matches());
    assertEquals(
        new javax.security.auth.x500.X500Principal("CN=spp.example.com"),
        km.certificate().getSubjectX500Principal());
  }
}
