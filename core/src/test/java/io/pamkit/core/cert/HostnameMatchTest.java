// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class HostnameMatchTest {
  private static final KeyMaterial CA = SelfSigned.certificateAuthority("CN=test CA");

  @Test
  void ipOnlyCertificate_joinByHostName_explainsToUseTheIp() {
    // The seed's join error: hostname 'examplespp.company' doesn't match '192.0.2.123'
    KeyMaterial spp =
        SelfSigned.builder("CN=192.0.2.123").issuer(CA).ipAddress("192.0.2.123").build();
    HostnameMatch m = HostnameMatch.check(spp.certificate(), "examplespp.company");
    assertFalse(m.matches());
    assertNull(m.matchedBy());
    String why = m.explanation();
    assertTrue(why.contains("does not match examplespp.company"), why);
    assertTrue(why.contains("use that address"), why);
    assertTrue(why.contains("192.0.2.123"), why);

    HostnameMatch ok = HostnameMatch.check(spp.certificate(), "192.0.2.123");
    assertTrue(ok.matches());
    assertEquals("subjectAltName IP:192.0.2.123", ok.matchedBy());
  }

  @Test
  void dnsOnlyCertificate_joinByIp_explainsToUseTheHostName() {
    KeyMaterial spp =
        SelfSigned.builder("CN=examplespp.company")
            .issuer(CA)
            .dnsName("examplespp.company")
            .build();
    HostnameMatch m = HostnameMatch.check(spp.certificate(), "192.0.2.123");
    assertFalse(m.matches());
    assertTrue(m.explanation().contains("only the DNS name examplespp.company"), m.explanation());
    assertTrue(m.explanation().contains("use that host name"), m.explanation());
    assertTrue(HostnameMatch.check(spp.certificate(), "EXAMPLESPP.company.").matches());
  }

  @Test
  void certificateWithoutUsableNames_explainsToInstallACertificate() {
    KeyMaterial spp = SelfSigned.builder("O=Example").issuer(CA).build();
    HostnameMatch m = HostnameMatch.check(spp.certificate(), "192.0.2.123");
    assertFalse(m.matches());
    assertTrue(m.explanation().contains("Set up an SSL server certificate"), m.explanation());
    assertTrue(m.explanation().contains("no name at all"), m.explanation());
  }

  @Test
  void commonName_usedOnlyWithoutSubjectAltNames() {
    KeyMaterial cnOnly = SelfSigned.builder("CN=192.0.2.123").issuer(CA).build();
    HostnameMatch m = HostnameMatch.check(cnOnly.certificate(), "192.0.2.123");
    assertTrue(m.matches());
    assertEquals("Common Name 192.0.2.123", m.matchedBy());
    assertTrue(
        HostnameMatch.check(
                SelfSigned.builder("CN=spp.example").issuer(CA).build().certificate(),
                "spp.example")
            .matches());

    KeyMaterial cnIgnored =
        SelfSigned.builder("CN=192.0.2.123").issuer(CA).dnsName("spp.example").build();
    HostnameMatch ignored = HostnameMatch.check(cnIgnored.certificate(), "192.0.2.123");
    assertFalse(ignored.matches());
    assertTrue(ignored.explanation().contains("ignored"), ignored.explanation());
  }

  @Test
  void wildcard_matchesExactlyOneLeftMostLabel() {
    KeyMaterial w = SelfSigned.builder("CN=wild").issuer(CA).dnsName("*.example.com").build();
    assertTrue(HostnameMatch.check(w.certificate(), "spp.example.com").matches());
    assertFalse(HostnameMatch.check(w.certificate(), "a.spp.example.com").matches());
    assertFalse(HostnameMatch.check(w.certificate(), "example.com").matches());
    assertFalse(HostnameMatch.check(w.certificate(), "spp.example.com.evil").matches());
    HostnameMatch m = HostnameMatch.check(w.certificate(), "example.com");
    assertTrue(m.explanation().contains("wildcard *.example.com"), m.explanation());
  }

  @Test
  void ipv6_matchesInAnyNotation() {
    KeyMaterial v6 = SelfSigned.builder("CN=v6").issuer(CA).ipAddress("2001:db8::1").build();
    assertTrue(HostnameMatch.check(v6.certificate(), "[2001:DB8:0:0:0:0:0:1]").matches());
    assertFalse(HostnameMatch.check(v6.certificate(), "2001:db8::2").matches());
  }
}
