// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.internal.IpLiterals;
import io.pamkit.core.net.Port;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The appliance's Trusted Servers, CORS and Redirects list: which origins may make Cross Origin
 * Resource Sharing requests and which URLs a login may redirect to. Entries are described in {@link
 * TrustedServer}.
 *
 * <h2>What is allowed</h2>
 *
 * A login redirect is allowed when it is either
 *
 * <ul>
 *   <li>an absolute {@code https} URL, {@code https://host[:port][/path][?query][#fragment]}, whose
 *       host matches an entry, or an {@code http} URL whose host matches an entry written with the
 *       {@code http://} prefix; or
 *   <li>a path on this appliance: it starts with a single {@code /} (not {@code //}).
 * </ul>
 *
 * A CORS origin is allowed when it is exactly {@code scheme://host[:port]} (no path, not even
 * {@code /}) with scheme {@code https}, or {@code http} for an entry that allows it, and a host
 * matching an entry; the origin {@code null} never is.
 *
 * <p>The URL is parsed strictly and refused whenever a browser could read it differently:
 * backslashes, spaces and control characters anywhere; user information ({@code
 * https://trusted@evil}); a scheme other than http(s) or not followed by {@code //}; an empty host
 * ({@code https:///evil}); a port that is not 1..65535; an IPv6 zone id; a host whose last label is
 * a number but that is not a canonical dotted-quad IPv4 address (decimal {@code 3221225985}, octal
 * {@code 0300.0.2.1}, hex {@code 0xc0.0.2.1} and short {@code 192.1} forms are refused); a Unicode
 * host name that IDNA would change (full-width letters, {@code ß}, joiners). Host names are
 * compared in lower-case A-label (punycode) form with one trailing dot removed; an IPv4-mapped IPv6
 * address ({@code [::ffff:192.0.2.1]}) is compared as the IPv4 address. The fragment and query are
 * never searched for a host.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrustedServers {
  private static final TrustedServers NONE = new TrustedServers(List.of());
  private static final int MAX_URL_LENGTH = 8192;

  private final List<TrustedServer> entries;

  private TrustedServers(List<TrustedServer> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Returns an empty list: no origin and no absolute redirect is trusted.
   *
   * @return the empty list
   */
  public static TrustedServers none() {
    return NONE;
  }

  /**
   * Parses a list of entries. Duplicates (by canonical form) are kept once.
   *
   * @param entries the entries, e.g. {@code ["192.0.2.10", "10.0.0.0/8", "*.example.com"]}
   * @return the list
   * @throws ValidationException naming every bad entry (path {@code TrustedServers[i]}), the entry
   *     and the rule it breaks
   */
  public static TrustedServers of(Collection<String> entries) {
    requireNonNull(entries, "entries");
    List<Violation> violations = new ArrayList<>();
    Set<TrustedServer> parsed = new LinkedHashSet<>();
    int i = 0;
    for (String e : entries) {
      String path = "TrustedServers[" + i++ + "]";
      if (e == null) {
        violations.add(new Violation(path, "must not be null"));
        continue;
      }
      try {
        parsed.add(TrustedServer.parse(e, path));
      } catch (ValidationException ex) {
        violations.addAll(ex.violations());
      }
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return new TrustedServers(new ArrayList<>(parsed));
  }

  /**
   * Parses entries given as arguments.
   *
   * @param entries the entries
   * @return the list
   * @throws ValidationException naming every bad entry and the rule it breaks
   */
  public static TrustedServers of(String... entries) {
    return of(List.of(entries));
  }

  /**
   * Returns the entries in the order given, without duplicates.
   *
   * @return an immutable list
   */
  public List<TrustedServer> entries() {
    return entries;
  }

  /**
   * Returns whether a login may redirect to a URL (see the class description).
   *
   * @param url the redirect target, as received
   * @return true when allowed
   */
  public boolean isRedirectAllowed(String url) {
    requireNonNull(url, "url");
    if (url.isEmpty() || url.length() > MAX_URL_LENGTH || hasForbiddenChar(url)) {
      return false;
    }
    if (url.charAt(0) == '/') {
      return url.length() == 1 || url.charAt(1) != '/';
    }
    Authority a = parseAbsolute(url, false);
    return a != null && matches(a);
  }

  /**
   * Returns whether a browser origin may make CORS requests (see the class description).
   *
   * @param origin the value of the {@code Origin} request header
   * @return true when allowed
   */
  public boolean isCorsOriginAllowed(String origin) {
    requireNonNull(origin, "origin");
    if (origin.isEmpty() || origin.length() > MAX_URL_LENGTH || hasForbiddenChar(origin)) {
      return false;
    }
    Authority a = parseAbsolute(origin, true);
    return a != null && matches(a);
  }

  /**
   * Returns whether a host (a name, an IPv4 address or a bracketed or bare IPv6 address, without
   * port) matches an entry.
   *
   * @param host the host
   * @return true when trusted
   */
  public boolean isHostTrusted(String host) {
    requireNonNull(host, "host");
    if (host.isEmpty() || hasForbiddenChar(host)) {
      return false;
    }
    Authority a =
        host.startsWith("[")
            ? parseAuthority(host)
            : parseAuthority(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
    return a != null && a.port < 0 && matches(a);
  }

  private boolean matches(Authority a) {
    for (TrustedServer e : entries) {
      if (a.http && !e.allowsHttp()) {
        continue;
      }
      if (a.v6 != null
          ? e.matchesIpv6(a.v6)
          : a.hostName != null ? e.matchesHostName(a.hostName) : e.matchesIpv4(a.v4)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasForbiddenChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // Browsers strip tabs and newlines and treat '\' as '/': refuse rather than guess.
      if (c <= 0x20 || c == 0x7F || c == '\\' || (c >= 0x80 && c <= 0x9F)) {
        return true;
      }
    }
    return false;
  }

  /** A parsed host: exactly one of hostName, v6 or v4 applies. */
  private static final class Authority {
    @Nullable String hostName;
    byte @Nullable [] v6;
    int v4;
    int port = -1;
    boolean http;
  }

  private static @Nullable Authority parseAbsolute(String url, boolean originOnly) {
    int colon = url.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return null;
    }
    if (!url.startsWith("//", colon + 1)) {
      return null;
    }
    int start = colon + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    if (originOnly && end != url.length()) {
      return null;
    }
    Authority a = parseAuthority(url.substring(start, end));
    if (a != null) {
      a.http = scheme.equals("http");
    }
    return a;
  }

  private static @Nullable Authority parseAuthority(String authority) {
    if (authority.isEmpty() || authority.indexOf('@') >= 0 || authority.indexOf('%') >= 0) {
      return null;
    }
    Authority a = new Authority();
    String host;
    String port = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = authority.substring(1, close);
      String rest = authority.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          return null;
        }
        port = rest.substring(1);
      }
      byte[] v6 = IpLiterals.ipv6(host.toLowerCase(Locale.ROOT));
      if (v6 == null) {
        return null;
      }
      Integer mapped = Hosts.mappedIpv4(v6);
      if (mapped != null) {
        a.v4 = mapped;
      } else {
        a.v6 = v6;
      }
    } else {
      int c = authority.indexOf(':');
      if (c >= 0) {
        if (authority.indexOf(':', c + 1) >= 0) {
          return null;
        }
        host = authority.substring(0, c);
        port = authority.substring(c + 1);
      } else {
        host = authority;
      }
      String lower = host.toLowerCase(Locale.ROOT);
      if (Hosts.looksNumeric(lower)) {
        Integer v4 = IpLiterals.ipv4(lower);
        if (v4 == null) {
          return null;
        }
        a.v4 = v4;
      } else {
        String name;
        try {
          name = Hosts.normaliseHostName(host);
        } catch (IllegalArgumentException e) {
          return null;
        }
        if (Hosts.looksNumeric(name)) {
          // e.g. full-width digits that IDNA maps to an IPv4 address
          return null;
        }
        a.hostName = name;
      }
    }
    if (port != null) {
      if (port.isEmpty()
          || port.length() > 5
          || !port.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        return null;
      }
      int p = Integer.parseInt(port);
      if (!Port.isValid(p)) {
        return null;
      }
      a.port = p;
    }
    return a;
  }

  /** Returns the canonical forms of the entries. */
  @Override
  public String toString() {
    return "TrustedServers" + entries;
  }
}
