// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.internal.IpLiterals;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.jspecify.annotations.Nullable;

/**
 * The subject-alternative-name part shared by {@link CertificateSigningRequest.Builder} and {@link
 * SelfSigned.Builder}: DNS names (A-label form, optional {@code *.} wildcard) and IP addresses
 * (strict literals, never resolved), in the order added. Not thread-safe.
 */
final class SubjectAltNames {
  private final List<String> dnsNames = new ArrayList<>();
  private final List<InetAddress> ips = new ArrayList<>();

  void dnsName(String name) {
    dnsNames.add(Names.dnsName(requireNonNull(name, "name")));
  }

  void ipAddress(String address) {
    ips.add(IpLiterals.requireInetAddress(requireNonNull(address, "address")));
  }

  List<String> dnsNames() {
    return List.copyOf(dnsNames);
  }

  List<String> ipTexts() {
    List<String> out = new ArrayList<>(ips.size());
    for (InetAddress ip : ips) {
      out.add(ip.getHostAddress());
    }
    return List.copyOf(out);
  }

  /** Returns the extension value, or null when no name was added. */
  @Nullable GeneralNames generalNames() {
    return dnsNames.isEmpty() && ips.isEmpty() ? null : Names.sans(dnsNames, ips);
  }
}
