// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import io.pamkit.core.cert.HostnameMatch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * Reads a server's certificate chain over a handshake of its own, sending no request: {@link
 * #verifiedChain} checks chain and host name as the real connection does (the chain to export or
 * pin); {@link #trustedChain} and {@link #hostnameMismatch} check the chain only, after a failed
 * handshake, to find out whether the certificate is trusted but names another host, and which names
 * it carries. Every probe uses the caller's own SSL context (so its trust anchors).
 */
public final class TlsProbe {
  private TlsProbe() {}

  /**
   * Handshakes without host-name verification and checks the trusted server certificate against the
   * host with core's {@link HostnameMatch}.
   *
   * @param context the caller's SSL context
   * @param host the host
   * @param port the port
   * @param timeoutMillis connect and read timeout
   * @return the failed check (its explanation says which address to use), or null when the chain is
   *     not trusted either, the server cannot be reached, or the certificate does match
   */
  public static @Nullable HostnameMatch hostnameMismatch(
      SSLContext context, String host, int port, int timeoutMillis) {
    List<X509Certificate> chain = trustedChain(context, host, port, timeoutMillis);
    if (chain == null) {
      return null;
    }
    HostnameMatch m = HostnameMatch.check(chain.get(0), host);
    return m.matches() ? null : m;
  }

  /**
   * Handshakes as the appliance clients' own connections do, chain <em>and</em> host name verified
   * (endpoint identification {@code HTTPS}, RFC 2818 / RFC 6125, with SNI for a DNS name), and
   * returns the peer chain. This is the chain to export or pin: a certificate that chains to a
   * trusted CA but names another host is refused (security review M8).
   *
   * @param context the caller's SSL context
   * @param host the host, a DNS name or an IP address (an IPv6 address may be in brackets)
   * @param port the port
   * @param timeoutMillis connect and read timeout
   * @return the chain, leaf first, or null when not trusted, not for this host, or unreachable
   */
  public static @Nullable List<X509Certificate> verifiedChain(
      SSLContext context, String host, int port, int timeoutMillis) {
    return chain(context, host, port, timeoutMillis, true);
  }

  /**
   * Handshakes without host-name verification and returns the trusted peer chain. Only for
   * diagnosing a host-name mismatch; never export or pin what it returns.
   *
   * @param context the caller's SSL context
   * @param host the host
   * @param port the port
   * @param timeoutMillis connect and read timeout
   * @return the chain, leaf first, or null when not trusted or unreachable
   */
  public static @Nullable List<X509Certificate> trustedChain(
      SSLContext context, String host, int port, int timeoutMillis) {
    return chain(context, host, port, timeoutMillis, false);
  }

  private static @Nullable List<X509Certificate> chain(
      SSLContext context, String host, int port, int timeoutMillis, boolean verifyHost) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(bare, port), timeoutMillis);
      plain.setSoTimeout(timeoutMillis);
      // Layered over the connected socket with the host name, so that JSSE sends SNI and can
      // check the name, as the HttpClient connection does.
      try (SSLSocket socket =
          (SSLSocket) context.getSocketFactory().createSocket(plain, bare, port, true)) {
        if (verifyHost) {
          SSLParameters parameters = socket.getSSLParameters();
          parameters.setEndpointIdentificationAlgorithm("HTTPS");
          socket.setSSLParameters(parameters);
        }
        socket.startHandshake();
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : socket.getSession().getPeerCertificates()) {
          if (c instanceof X509Certificate x) {
            out.add(x);
          }
        }
        return out.isEmpty() ? null : out;
      }
    } catch (IOException e) {
      try {
        plain.close();
      } catch (IOException ignored) {
        // already failed; nothing to report
      }
      return null;
    }
  }

  /**
   * Returns the DNS and IP subject alternative names of a certificate, or its CN when it has none.
   *
   * @param c the certificate
   * @return the names
   */
  public static List<String> names(X509Certificate c) {
    List<String> out = new ArrayList<>();
    try {
      Collection<List<?>> sans = c.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          int type = (Integer) san.get(0);
          if (type == 2 || type == 7) {
            out.add(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // fall back to the CN below
    }
    if (out.isEmpty()) {
      String dn = c.getSubjectX500Principal().getName();
      for (String part : dn.split(",")) {
        if (part.startsWith("CN=")) {
          out.add(part.substring(3));
        }
      }
    }
    return out;
  }
}
