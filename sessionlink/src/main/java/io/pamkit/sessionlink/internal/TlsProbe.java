// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import io.pamkit.core.cert.HostnameMatch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * After a failed handshake, finds out whether the certificate chain is trusted but names another
 * host, and which names it carries. The probe validates the chain with the caller's own SSL context
 * (so its trust anchors), only without the host-name check, and sends no request.
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
   * Handshakes without host-name verification and returns the trusted peer chain.
   *
   * @param context the caller's SSL context
   * @param host the host
   * @param port the port
   * @param timeoutMillis connect and read timeout
   * @return the chain, leaf first, or null when not trusted or unreachable
   */
  public static @Nullable List<X509Certificate> trustedChain(
      SSLContext context, String host, int port, int timeoutMillis) {
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      socket.startHandshake();
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : socket.getSession().getPeerCertificates()) {
        if (c instanceof X509Certificate x) {
          out.add(x);
        }
      }
      return out.isEmpty() ? null : out;
    } catch (IOException e) {
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
