// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.Optional;

/**
 * The organizational domain of a DNS name (RFC 7489 §3.2): the public suffix from the Public Suffix
 * List that Guava's {@link InternetDomainName} ships, plus one label. Used for DMARC's relaxed
 * alignment, where {@code mail.example.co.uk} and {@code example.co.uk} align but {@code co.uk}
 * aligns with nothing.
 */
public final class OrganizationalDomains {
  private OrganizationalDomains() {}

  /**
   * Returns the organizational domain of {@code name} in lower case, or empty when the name is not
   * a valid domain name, is itself a public suffix, or is under no known public suffix.
   *
   * @param name an ASCII (A-label) domain name, a trailing dot allowed
   * @return the organizational domain, or empty
   */
  public static Optional<String> of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    if (!InternetDomainName.isValid(n)) {
      return Optional.empty();
    }
    InternetDomainName d = InternetDomainName.from(n);
    if (!d.isUnderPublicSuffix()) {
      return Optional.empty();
    }
    return Optional.of(d.topPrivateDomain().toString());
  }

  /**
   * Returns whether two domain names are aligned under DMARC's relaxed rule: both have an
   * organizational domain and it is the same.
   *
   * @param a a domain name
   * @param b another domain name
   * @return whether they share an organizational domain
   */
  public static boolean relaxedAligned(String a, String b) {
    Optional<String> oa = of(a);
    return oa.isPresent() && oa.equals(of(b));
  }
}
