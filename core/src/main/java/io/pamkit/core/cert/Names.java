// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import java.net.IDN;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** Subject and subject-alternative-name helpers for CSRs and generated certificates. */
final class Names {
  private Names() {}

  static X500Name subject(String dn) {
    try {
      return X500Name.getInstance(new X500Principal(dn).getEncoded());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "subject \""
              + dn
              + "\" is not a distinguished name such as \"CN=spp.example.com,"
              + "O=Example\" ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  static String dnsName(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    String ascii;
    try {
      ascii =
          IDN.toASCII(n.startsWith("*.") ? n.substring(2) : n, IDN.USE_STD3_ASCII_RULES)
              .toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + name + "\" is not a valid DNS name", e);
    }
    if (ascii.isEmpty() || ascii.contains("..")) {
      throw new IllegalArgumentException("\"" + name + "\" is not a valid DNS name");
    }
    return n.startsWith("*.") ? "*." + ascii : ascii;
  }

  static GeneralNames sans(List<String> dnsNames, List<InetAddress> ips) {
    List<GeneralName> names = new ArrayList<>();
    for (String d : dnsNames) {
      names.add(new GeneralName(GeneralName.dNSName, d));
    }
    for (InetAddress ip : ips) {
      ASN1Encodable octets = new DEROctetString(ip.getAddress());
      names.add(new GeneralName(GeneralName.iPAddress, octets));
    }
    return new GeneralNames(names.toArray(new GeneralName[0]));
  }
}
