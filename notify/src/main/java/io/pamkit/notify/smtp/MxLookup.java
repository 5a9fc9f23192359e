// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * Resolves a mail domain to its mail exchangers through DNS MX records (JNDI's DNS provider), the
 * lowest preference first. {@code providerUrl} is {@code "dns:"} for the system's resolvers or
 * {@code "dns://host:port"} for a given server.
 */
final class MxLookup {
  /** One MX record. */
  record Exchange(int preference, String host) {}

  private final String providerUrl;
  private final int timeoutMillis;

  MxLookup(String providerUrl, int timeoutMillis) {
    this.providerUrl = providerUrl;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Returns the domain's exchanges, lowest preference first.
   *
   * @throws NamingException if DNS fails or the domain has no MX record
   */
  List<Exchange> exchanges(String domain) throws NamingException {
    Hashtable<String, String> env = new Hashtable<>();
    env.put(javax.naming.Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
    env.put(javax.naming.Context.PROVIDER_URL, providerUrl);
    env.put("com.sun.jndi.dns.timeout.initial", Integer.toString(Math.max(100, timeoutMillis / 4)));
    env.put("com.sun.jndi.dns.timeout.retries", "2");
    DirContext ctx = new InitialDirContext(env);
    try {
      // BanJNDI guards against JNDI lookups that deserialize remote objects (LDAP, RMI). This
      // context is pinned to JNDI's DNS provider above and only reads MX resource records, which
      // are plain text.
      @SuppressWarnings("BanJNDI")
      Attributes attrs = ctx.getAttributes(domain, new String[] {"MX"});
      Attribute mx = attrs.get("MX");
      if (mx == null || mx.size() == 0) {
        throw new NamingException("the domain " + domain + " has no MX record");
      }
      List<String> records = new ArrayList<>();
      NamingEnumeration<?> values = mx.getAll();
      while (values.hasMore()) {
        records.add(String.valueOf(values.next()));
      }
      return parse(domain, records);
    } finally {
      ctx.close();
    }
  }

  /** Parses {@code "10 mx1.example.com."} records, lowest preference first. */
  static List<Exchange> parse(String domain, List<String> records) throws NamingException {
    List<Exchange> out = new ArrayList<>();
    for (String r : records) {
      String[] f = r.trim().split("\\s+");
      if (f.length != 2) {
        throw new NamingException("malformed MX record for " + domain + ": " + r);
      }
      int pref;
      try {
        pref = Integer.parseInt(f[0]);
      } catch (NumberFormatException e) {
        throw new NamingException("malformed MX record for " + domain + ": " + r);
      }
      String host = f[1].endsWith(".") ? f[1].substring(0, f[1].length() - 1) : f[1];
      if (host.isEmpty()) {
        // RFC 7505 null MX: the domain accepts no mail
        throw new NamingException("the domain " + domain + " accepts no mail (null MX record)");
      }
      out.add(new Exchange(pref, host.toLowerCase(Locale.ROOT)));
    }
    out.sort(Comparator.comparingInt(Exchange::preference).thenComparing(Exchange::host));
    return out;
  }
}
