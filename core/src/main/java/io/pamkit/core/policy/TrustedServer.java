// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static java.util.Objects.requireNonNull;

import com.google.common.net.InternetDomainName;
import io.pamkit.core.ValidationException;
import io.pamkit.core.internal.IpLiterals;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the Trusted Servers, CORS and Redirects list: an IPv4 or IPv6 address, a CIDR
 * network of either family, a host name, or a host name with a DNS wildcard.
 *
 * <h2>Accepted forms</h2>
 *
 * <ul>
 *   <li>IPv4 address: canonical dotted quad, {@code 192.0.2.10} (no leading zeros, no octal, hex or
 *       single-number forms).
 *   <li>IPv6 address: {@code 2001:db8::10}, optionally in brackets; no zone id. An IPv4-mapped
 *       address ({@code ::ffff:192.0.2.10}) is stored as the IPv4 address.
 *   <li>CIDR network: {@code 192.0.2.0/24}, {@code 2001:db8::/32}; the prefix is 1..32 or 1..128
 *       and the address has no bits set beyond the prefix. An IPv4-mapped IPv6 network ({@code
 *       ::ffff:10.0.0.0/104}) is stored as the IPv4 network it maps ({@code 10.0.0.0/8}), so it
 *       matches URLs that use either form.
 *   <li>Host name: {@code spp.example.com}; compared case-insensitively, a single trailing dot
 *       ignored; Unicode names are stored in their IDNA A-label form ({@code bücher.example} is
 *       {@code xn--bcher-kva.example}).
 *   <li>Wildcard host name: {@code *.example.com}. The {@code *} must be the whole left-most label
 *       and be followed by at least two labels. It matches any host name that ends with {@code
 *       .example.com} and has one or more labels before it ({@code a.example.com}, {@code
 *       a.b.example.com}), as a DNS wildcard does; it does not match {@code example.com} itself,
 *       nor {@code badexample.com}, nor IP addresses.
 * </ul>
 *
 * An entry has no port, path or user information: it trusts the host on every port. It trusts
 * {@code https} only, unless it is written with the prefix {@code http://} ({@code
 * http://legacy.example.com}, {@code http://10.0.0.0/8}), which also allows plain {@code http} for
 * that entry alone: a plain-http origin or redirect can be altered by anyone on the network path,
 * so it is an explicit opt-in per entry. No other scheme is accepted.
 *
 * <h2>Refused</h2>
 *
 * <ul>
 *   <li>A wildcard over a public suffix, from the Public Suffix List that Guava's {@code
 *       InternetDomainName} ships ({@code *.co.uk}, {@code *.github.io}, {@code
 *       *.azurewebsites.net}): it would trust every customer of that registry or host.
 *   <li>Entries that would trust every address: a {@code /0} network ({@code 0.0.0.0/0}, {@code
 *       ::/0}, {@code ::ffff:0:0/96}) and the unspecified address ({@code 0.0.0.0}, {@code ::},
 *       {@code ::ffff:0.0.0.0}), which many read as "any address". Each is a {@link
 *       ValidationException} that says so.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class TrustedServer {

  /** The kind of an entry. */
  public enum Kind {
    /** One IPv4 address. */
    IPV4_ADDRESS,
    /** One IPv6 address. */
    IPV6_ADDRESS,
    /** An IPv4 CIDR network. */
    IPV4_NETWORK,
    /** An IPv6 CIDR network. */
    IPV6_NETWORK,
    /** One host name. */
    HOST_NAME,
    /** A host name with a DNS wildcard as its left-most label. */
    WILDCARD_HOST_NAME
  }

  private final String entry;
  private final Kind kind;
  private final String canonical;
  private final int v4;
  private final byte @Nullable [] v6;
  private final int prefix;
  private final boolean allowsHttp;

  private TrustedServer(
      String entry, Kind kind, String canonical, int v4, byte @Nullable [] v6, int prefix) {
    this.entry = entry;
    this.kind = kind;
    this.canonical = canonical;
    this.v4 = v4;
    this.v6 = v6;
    this.prefix = prefix;
    this.allowsHttp = false;
  }

  private TrustedServer(TrustedServer https, String entry) {
    this.entry = entry;
    this.kind = https.kind;
    this.canonical = https.canonical;
    this.v4 = https.v4;
    this.v6 = https.v6;
    this.prefix = https.prefix;
    this.allowsHttp = true;
  }

  private static final String HTTP_PREFIX = "http://";

  /**
   * Parses one entry.
   *
   * @param entry the entry as an administrator typed it
   * @return the entry
   * @throws ValidationException with path {@code "entry"}, naming the entry and the rule it breaks
   */
  public static TrustedServer parse(String entry) {
    return parse(entry, "entry");
  }

  static TrustedServer parse(String entry, String path) {
    requireNonNull(entry, "entry");
    try {
      return parseOrThrow(entry);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(path, "\"" + safe(entry) + "\" " + e.getMessage());
    }
  }

  private static TrustedServer parseOrThrow(String entry) {
    String e = entry.trim();
    if (e.regionMatches(true, 0, HTTP_PREFIX, 0, HTTP_PREFIX.length())) {
      TrustedServer https = parseOrThrow(e.substring(HTTP_PREFIX.length()));
      if (https.allowsHttp) {
        throw new IllegalArgumentException("has the http:// prefix twice");
      }
      return new TrustedServer(https, entry);
    }
    if (e.isEmpty()) {
      throw new IllegalArgumentException(
          "is empty; an entry is an IP address, a CIDR network or a host name");
    }
    for (int i = 0; i < e.length(); i++) {
      char c = e.charAt(i);
      if (c <= 0x20 || c == 0x7F || c == '\\' || c == '@' || c == '?' || c == '#') {
        throw new IllegalArgumentException(
            "contains '"
                + Hosts.printable(c)
                + "'; an entry is an IP address, a CIDR network or a"
                + " host name, without scheme, user, port, path or spaces");
      }
    }
    if (e.contains("://")) {
      throw new IllegalArgumentException(
          "has a scheme; an entry is an IP address, a CIDR network or a host name, without"
              + " scheme, port or path (https is implied; write http:// before the entry to also"
              + " allow plain http)");
    }
    int slash = e.indexOf('/');
    if (slash >= 0) {
      return parseNetwork(e, slash);
    }
    String bare = e;
    if (bare.startsWith("[") && bare.endsWith("]")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    if (bare.indexOf(':') >= 0) {
      byte[] v6 = IpLiterals.ipv6(bare.toLowerCase(Locale.ROOT));
      if (v6 == null) {
        throw new IllegalArgumentException(
            bare.indexOf('%') >= 0
                ? "has an IPv6 zone id; zone ids are not allowed"
                : "is not a valid IPv6 address and entries have no port (host:port is not"
                    + " allowed)");
      }
      Integer mapped = Hosts.mappedIpv4(v6);
      if (mapped != null) {
        refuseUnspecified(mapped == 0);
        return new TrustedServer(
            entry, Kind.IPV4_ADDRESS, Hosts.formatIpv4(mapped), mapped, null, 32);
      }
      refuseUnspecified(isZero(v6));
      return new TrustedServer(entry, Kind.IPV6_ADDRESS, Hosts.formatIpv6(v6), 0, v6, 128);
    }
    if (e.indexOf('*') >= 0) {
      if (!e.startsWith("*.") || e.indexOf('*', 1) >= 0) {
        throw new IllegalArgumentException(
            "has a misplaced wildcard; '*' must be the whole left-most label, as in"
                + " *.example.com");
      }
      String base = Hosts.normaliseHostName(e.substring(2));
      if (base.indexOf('.') < 0) {
        throw new IllegalArgumentException(
            "is too broad; a wildcard must be followed by at least two labels, as in"
                + " *.example.com");
      }
      if (Hosts.looksNumeric(base)) {
        throw new IllegalArgumentException(
            "has a wildcard on an IP address; wildcards are for host names only");
      }
      if (isPublicSuffix(base)) {
        throw new IllegalArgumentException(
            "has a wildcard on the public suffix \""
                + base
                + "\", which would trust every domain registered under it; name the domain, as in"
                + " *.example."
                + base);
      }
      return new TrustedServer(entry, Kind.WILDCARD_HOST_NAME, "*." + base, 0, null, 0);
    }
    String lower = e.toLowerCase(Locale.ROOT);
    if (Hosts.looksNumeric(lower)) {
      Integer v4 = IpLiterals.ipv4(lower);
      if (v4 == null) {
        throw new IllegalArgumentException(
            "is not a canonical IPv4 address; write four decimal numbers 0..255 without leading"
                + " zeros, as in 192.0.2.10");
      }
      refuseUnspecified(v4 == 0);
      return new TrustedServer(entry, Kind.IPV4_ADDRESS, Hosts.formatIpv4(v4), v4, null, 32);
    }
    String host = Hosts.normaliseHostName(e);
    if (Hosts.looksNumeric(host)) {
      throw new IllegalArgumentException("is not a canonical IPv4 address");
    }
    return new TrustedServer(entry, Kind.HOST_NAME, host, 0, null, 0);
  }

  /**
   * Returns whether a lower-case A-label host name is a public suffix (ICANN or private section of
   * the Public Suffix List), or a name the list's parser refuses.
   */
  private static boolean isPublicSuffix(String asciiHost) {
    try {
      return InternetDomainName.from(asciiHost).isPublicSuffix();
    } catch (IllegalArgumentException notADomainName) {
      return true;
    }
  }

  private static TrustedServer parseNetwork(String e, int slash) {
    String addr = e.substring(0, slash);
    String bits = e.substring(slash + 1);
    if (bits.isEmpty()
        || bits.length() > 3
        || !bits.chars().allMatch(c -> c >= '0' && c <= '9')
        || (bits.length() > 1 && bits.charAt(0) == '0')) {
      throw new IllegalArgumentException(
          "has an invalid prefix length \""
              + bits
              + "\"; a CIDR network is address/prefix, as in"
              + " 192.0.2.0/24 or 2001:db8::/32");
    }
    int p = Integer.parseInt(bits);
    if (p == 0) {
      throw new IllegalArgumentException(
          "is a /0 network, which would trust every address; list the networks to trust, as in"
              + " 10.0.0.0/8 or 2001:db8::/32");
    }
    if (addr.indexOf(':') >= 0) {
      byte[] v6 = IpLiterals.ipv6(addr.toLowerCase(java.util.Locale.ROOT));
      if (v6 == null) {
        throw new IllegalArgumentException(
            "is not a CIDR network: \"" + safe(addr) + "\" is not a valid IPv6 address");
      }
      if (p > 128) {
        throw new IllegalArgumentException("has prefix /" + p + "; IPv6 prefixes are 0..128");
      }
      byte[] masked = mask(v6, p);
      if (!Arrays.equals(masked, v6)) {
        throw new IllegalArgumentException(
            "has host bits set beyond /"
                + p
                + "; did you mean "
                + Hosts.formatIpv6(masked)
                + "/"
                + p
                + "?");
      }
      Integer mapped = p >= 96 ? Hosts.mappedIpv4(v6) : null;
      if (mapped != null) {
        // URLs with a mapped address are compared as IPv4, so the network must be IPv4 too.
        int v4p = p - 96;
        if (v4p == 0) {
          throw new IllegalArgumentException(
              "is ::ffff:0:0/96, every IPv4-mapped address, which would trust every IPv4 address;"
                  + " list the networks to trust, as in ::ffff:10.0.0.0/104 or 10.0.0.0/8");
        }
        return new TrustedServer(
            e, Kind.IPV4_NETWORK, Hosts.formatIpv4(mapped) + "/" + v4p, mapped, null, v4p);
      }
      return new TrustedServer(e, Kind.IPV6_NETWORK, Hosts.formatIpv6(v6) + "/" + p, 0, v6, p);
    }
    Integer v4 = IpLiterals.ipv4(addr);
    if (v4 == null) {
      throw new IllegalArgumentException(
          "is not a CIDR network: \""
              + safe(addr)
              + "\" is not a canonical IPv4 address (four decimal numbers 0..255)");
    }
    if (p > 32) {
      throw new IllegalArgumentException("has prefix /" + p + "; IPv4 prefixes are 0..32");
    }
    int m = p == 0 ? 0 : -1 << (32 - p);
    if ((v4 & m) != v4) {
      throw new IllegalArgumentException(
          "has host bits set beyond /"
              + p
              + "; did you mean "
              + Hosts.formatIpv4(v4 & m)
              + "/"
              + p
              + "?");
    }
    return new TrustedServer(e, Kind.IPV4_NETWORK, Hosts.formatIpv4(v4) + "/" + p, v4, null, p);
  }

  /**
   * Refuses the unspecified address ({@code 0.0.0.0}, {@code ::}): many read it as "any address",
   * which the list must never mean, and as a destination it reaches this very host.
   */
  private static void refuseUnspecified(boolean unspecified) {
    if (unspecified) {
      throw new IllegalArgumentException(
          "is the unspecified address, which is not a host and reads as \"any address\"; name"
              + " the hosts or networks to trust, as in 192.0.2.10 or 10.0.0.0/8");
    }
  }

  private static boolean isZero(byte[] v6) {
    for (byte b : v6) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] mask(byte[] v6, int p) {
    byte[] out = v6.clone();
    for (int i = 0; i < 16; i++) {
      int keep = Math.max(0, Math.min(8, p - 8 * i));
      out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
    }
    return out;
  }

  private static String safe(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && i < 200; i++) {
      char c = s.charAt(i);
      sb.append(c < 0x20 || c == 0x7F ? Hosts.printable(c) : String.valueOf(c));
    }
    return sb.toString();
  }

  /**
   * Returns the entry as given.
   *
   * @return the original text
   */
  public String entry() {
    return entry;
  }

  /**
   * Returns the kind of entry.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the normalised form: lower-case A-label host names, canonical IP addresses.
   *
   * @return e.g. {@code "*.example.com"}, {@code "2001:db8::/32"}, {@code
   *     "http://legacy.example.com"} for an entry that allows plain http
   */
  public String canonical() {
    return allowsHttp ? HTTP_PREFIX + canonical : canonical;
  }

  /**
   * Returns whether the entry also allows plain {@code http} (it was written with the {@code
   * http://} prefix); otherwise only {@code https} origins and redirects match it.
   *
   * @return true when plain http is allowed for this entry
   */
  public boolean allowsHttp() {
    return allowsHttp;
  }

  boolean matchesIpv4(int address) {
    return switch (kind) {
      case IPV4_ADDRESS -> address == v4;
      case IPV4_NETWORK -> (address & (prefix == 0 ? 0 : -1 << (32 - prefix))) == v4;
      case IPV6_ADDRESS, IPV6_NETWORK, HOST_NAME, WILDCARD_HOST_NAME -> false;
    };
  }

  boolean matchesIpv6(byte[] address) {
    byte[] mine = v6;
    if (mine == null) {
      return false;
    }
    if (kind == Kind.IPV6_ADDRESS) {
      return Arrays.equals(mine, address);
    }
    return kind == Kind.IPV6_NETWORK && Arrays.equals(mask(address, prefix), mine);
  }

  boolean matchesHostName(String asciiHost) {
    if (kind == Kind.HOST_NAME) {
      return canonical.equals(asciiHost);
    }
    if (kind == Kind.WILDCARD_HOST_NAME) {
      String suffix = canonical.substring(1); // ".example.com"
      return asciiHost.length() > suffix.length() && asciiHost.endsWith(suffix);
    }
    return false;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TrustedServer t && t.canonical().equals(canonical());
  }

  @Override
  public int hashCode() {
    return canonical().hashCode();
  }

  /** Returns the canonical form. */
  @Override
  public String toString() {
    return canonical();
  }
}
