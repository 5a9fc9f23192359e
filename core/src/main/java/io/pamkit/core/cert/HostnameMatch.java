// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.internal.IpLiterals;
import java.net.IDN;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.jspecify.annotations.Nullable;

/**
 * Whether a certificate is valid for the address a client connects to, and if not, which address to
 * use instead: the check behind the session appliance's join error {@code hostname
 * 'examplespp.company' doesn't match '192.0.2.123'}.
 *
 * <p>Rules (RFC 6125, as TLS clients apply them): an IP address matches an {@code iPAddress}
 * subject alternative name; a host name matches a {@code dNSName} case-insensitively, ignoring one
 * trailing dot, where {@code *} may stand for exactly one whole left-most label ({@code
 * *.example.com} matches {@code a.example.com}, not {@code a.b.example.com} nor {@code
 * example.com}). The Common Name is used only when the certificate has no subject alternative names
 * at all.
 *
 * <pre>{@code
 * HostnameMatch m = HostnameMatch.check(certificate, "examplespp.company");
 * if (!m.matches()) {
 *   System.out.println(m.explanation()); // "... use 192.0.2.123 ..."
 * }
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 *
 * <p>Immutable and thread-safe.
 */
public final class HostnameMatch {
  private final String host;
  private final boolean matches;
  private final @Nullable String matchedBy;
  private final List<String> dnsNames;
  private final List<String> ipAddresses;
  private final @Nullable String commonName;
  private final boolean hasSubjectAltNames;

  private HostnameMatch(
      String host,
      @Nullable String matchedBy,
      List<String> dnsNames,
      List<String> ipAddresses,
      @Nullable String commonName,
      boolean hasSubjectAltNames) {
    this.host = host;
    this.matches = matchedBy != null;
    this.matchedBy = matchedBy;
    this.dnsNames = List.copyOf(dnsNames);
    this.ipAddresses = List.copyOf(ipAddresses);
    this.commonName = commonName;
    this.hasSubjectAltNames = hasSubjectAltNames;
  }

  /**
   * Checks a certificate against a host name or IP address.
   *
   * @param certificate the server's certificate
   * @param host the host name or IP address the client connects to (IPv6 with or without brackets)
   * @return the result with its explanation
   */
  public static HostnameMatch check(X509Certificate certificate, String host) {
    requireNonNull(certificate, "certificate");
    requireNonNull(host, "host");
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    List<String> dns = new ArrayList<>();
    List<InetAddress> ips = new ArrayList<>();
    boolean hasSans = false;
    try {
      Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          int type = (Integer) san.get(0);
          if (type == 2) {
            hasSans = true;
            dns.add(String.valueOf(san.get(1)));
          } else if (type == 7) {
            hasSans = true;
            try {
              ips.add(IpLiterals.requireInetAddress(String.valueOf(san.get(1))));
            } catch (IllegalArgumentException e) {
              // an unparseable iPAddress entry can never match
            }
          }
        }
      }
    } catch (CertificateParsingException e) {
      hasSans = false;
    }
    String cn = commonName(certificate);
    List<String> ipTexts = new ArrayList<>();
    for (InetAddress ip : ips) {
      ipTexts.add(ip.getHostAddress());
    }

    String matchedBy = null;
    InetAddress hostIp = IpLiterals.inetAddress(h);
    if (hostIp != null) {
      for (InetAddress ip : ips) {
        if (ip.equals(hostIp)) {
          matchedBy = "subjectAltName IP:" + ip.getHostAddress();
          break;
        }
      }
      if (matchedBy == null && !hasSans && cn != null) {
        InetAddress cnIp = IpLiterals.inetAddress(cn);
        if (cnIp != null && cnIp.equals(hostIp)) {
          matchedBy = "Common Name " + cn;
        }
      }
    } else {
      String name = normalise(h);
      if (name != null) {
        for (String d : dns) {
          if (dnsMatches(d, name)) {
            matchedBy = "subjectAltName DNS:" + d;
            break;
          }
        }
        if (matchedBy == null && !hasSans && cn != null && dnsMatches(cn, name)) {
          matchedBy = "Common Name " + cn;
        }
      }
    }
    return new HostnameMatch(host, matchedBy, dns, ipTexts, cn, hasSans);
  }

  private static @Nullable String normalise(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    try {
      return IDN.toASCII(n, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean dnsMatches(String pattern, String host) {
    String p = normalise(pattern);
    if (p == null || p.isEmpty()) {
      return false;
    }
    if (p.startsWith("*.")) {
      String suffix = p.substring(1);
      if (suffix.indexOf('.', 1) < 0) {
        return false; // "*.com" is never valid
      }
      int dot = host.indexOf('.');
      return dot > 0 && host.substring(dot).equals(suffix);
    }
    return p.indexOf('*') < 0 && p.equals(host);
  }

  private static @Nullable String commonName(X509Certificate c) {
    try {
      RDN[] rdns =
          X500Name.getInstance(c.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
      if (rdns.length == 0 || rdns[rdns.length - 1].getFirst() == null) {
        return null;
      }
      return IETFUtils.valueToString(rdns[rdns.length - 1].getFirst().getValue());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Returns the host that was checked.
   *
   * @return the host as given
   */
  public String host() {
    return host;
  }

  /**
   * Returns whether the certificate is valid for the host.
   *
   * @return true on a match
   */
  public boolean matches() {
    return matches;
  }

  /**
   * Returns what matched, e.g. {@code "subjectAltName DNS:*.example.com"}.
   *
   * @return the matching name, or null when nothing matched
   */
  public @Nullable String matchedBy() {
    return matchedBy;
  }

  /**
   * Returns the certificate's DNS subject alternative names.
   *
   * @return the names
   */
  public List<String> dnsNames() {
    return dnsNames;
  }

  /**
   * Returns the certificate's IP subject alternative names.
   *
   * @return the addresses as text
   */
  public List<String> ipAddresses() {
    return ipAddresses;
  }

  /**
   * Returns the certificate's Common Name.
   *
   * @return the last CN of the subject, or null when it has none
   */
  public @Nullable String commonName() {
    return commonName;
  }

  /**
   * Explains the result. On a mismatch it says which address to use instead, in the order the
   * appliance's join guidance gives: an IPv4 address the certificate names (Common Name or
   * subjectAltName), else a DNS name it names, else that a server certificate matching the
   * appliance's IP address must be installed.
   *
   * @return one or two sentences
   */
  public String explanation() {
    if (matches) {
      return "The certificate matches " + host + " (" + matchedBy + ").";
    }
    List<String> v4 = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String ip : ipAddresses) {
      if (ip.indexOf(':') < 0) {
        v4.add(ip);
      }
    }
    names.addAll(dnsNames);
    if (!hasSubjectAltNames && commonName != null) {
      if (IpLiterals.inetAddress(commonName) != null && commonName.indexOf(':') < 0) {
        v4.add(commonName);
      } else if (IpLiterals.inetAddress(commonName) == null) {
        names.add(commonName);
      }
    }
    String head = "The certificate does not match " + host + ": it names " + describe() + ". ";
    if (!v4.isEmpty()) {
      return head
          + useInstead(
              "The certificate contains the IPv4 address ",
              v4,
              "that address",
              "one of these addresses");
    }
    List<String> usable = new ArrayList<>();
    for (String n : names) {
      if (!n.startsWith("*.")) {
        usable.add(n);
      }
    }
    if (!usable.isEmpty()) {
      return head
          + useInstead(
              "The certificate contains only the DNS name ",
              usable,
              "that host name",
              "one of these host names");
    }
    if (!names.isEmpty()) {
      return head
          + "Use a host name that the wildcard "
          + String.join(", ", names)
          + " covers, or install a server certificate that contains "
          + host
          + " in its Common Name or subjectAltName fields.";
    }
    return head
        + "Set up an SSL server certificate that contains the appliance's IP address in"
        + " its Common Name or subjectAltName fields, and retry.";
  }

  /** The advice to use one of the certificate's names in place of {@link #host}. */
  private String useInstead(String contains, List<String> names, String one, String many) {
    return contains
        + String.join(", ", names)
        + "; use "
        + (names.size() == 1 ? one : many)
        + " instead of "
        + host
        + " (e.g. when joining SPS to SPP).";
  }

  private String describe() {
    List<String> all = new ArrayList<>();
    for (String d : dnsNames) {
      all.add("DNS:" + d);
    }
    for (String ip : ipAddresses) {
      all.add("IP:" + ip);
    }
    if (commonName != null) {
      all.add(
          "CN="
              + commonName
              + (hasSubjectAltNames ? " (ignored: the certificate has" + " subjectAltNames)" : ""));
    }
    return all.isEmpty() ? "no name at all" : String.join(", ", all);
  }

  /** Returns the explanation. */
  @Override
  public String toString() {
    return explanation();
  }
}
