// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.cert.HostnameMatch;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.net.InvalidValueException;
import io.pamkit.core.net.Port;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP plumbing both appliance clients share: the checked address (core's host-address and port
 * rules), the SSL context, one {@code java.net.http} client on HTTP/1.1 without redirects, URIs
 * with the authority bracketed for IPv6, and the diagnosis of a failed TLS handshake. The builders'
 * {@code host/port/sslContext/trustedCertificates} setters delegate to the static helpers here.
 *
 * <p>Thread-safe.
 */
public final class ApplianceHttp {
  private final String host;
  private final int port;
  private final SSLContext sslContext;
  private final Duration connectTimeout;
  private final HttpClient http;

  /**
   * Creates the plumbing for one appliance.
   *
   * @param host the checked host (from {@link #host(String)})
   * @param port the checked port (from {@link #port(int)})
   * @param sslContext the context that verifies the appliance
   * @param connectTimeout the TCP connect timeout
   * @param cookies a cookie handler for a session cookie, or null for none
   */
  public ApplianceHttp(
      String host,
      int port,
      SSLContext sslContext,
      Duration connectTimeout,
      @Nullable CookieHandler cookies) {
    this.host = requireNonNull(host, "host");
    this.port = port;
    this.sslContext = requireNonNull(sslContext, "sslContext");
    this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout");
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .sslContext(sslContext)
            .connectTimeout(connectTimeout)
            // HTTP/2 broke certificate authentication on appliances (60094); stay on HTTP/1.1.
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (cookies != null) {
      b.cookieHandler(cookies);
    }
    this.http = b.build();
  }

  /**
   * Checks a builder's host: an IPv4 address, a DNS name or a bracketed IPv6 address.
   *
   * @param host the host, without scheme or port
   * @return the host as the clients keep it
   * @throws IllegalArgumentException if empty or not such an address, naming the rule
   */
  public static String host(String host) {
    return Sanitize.bareHost(requireNonNull(host, "host"));
  }

  /**
   * Checks a builder's port with core's {@link Port} rule.
   *
   * @param port the port
   * @return the port
   * @throws IllegalArgumentException if outside 1..65535
   */
  public static int port(int port) {
    try {
      return Port.of("port", port).value();
    } catch (InvalidValueException e) {
      throw new IllegalArgumentException("port " + port + " is outside 1..65535", e);
    }
  }

  /**
   * Returns an SSL context that trusts exactly the given certificates.
   *
   * @param anchors the trust anchors
   * @return the context
   * @throws IllegalArgumentException if empty
   */
  public static SSLContext trusting(Collection<X509Certificate> anchors) {
    if (requireNonNull(anchors, "anchors").isEmpty()) {
      throw new IllegalArgumentException("anchors is empty; trust at least one certificate");
    }
    return TlsContexts.builder().trustAnchors(anchors).build();
  }

  /**
   * Returns the JDK's default SSL context (the JDK's trust store), the builders' default.
   *
   * @return the context
   */
  public static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no default SSLContext", e);
    }
  }

  /**
   * Encodes one path segment.
   *
   * @param name the parameter's name, for the error
   * @param value the value
   * @return the percent-encoded segment
   * @throws IllegalArgumentException if empty
   */
  public static String segment(String name, String value) {
    requireNonNull(value, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    return encode(value);
  }

  /**
   * Percent-encodes a query value or path segment ({@code %20} for a space).
   *
   * @param value the value
   * @return the encoded text
   */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Returns the host.
   *
   * @return the host
   */
  public String host() {
    return host;
  }

  /**
   * Returns the port.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Returns the SSL context.
   *
   * @return the context
   */
  public SSLContext sslContext() {
    return sslContext;
  }

  /**
   * Returns the shared HTTP client.
   *
   * @return the client
   */
  public HttpClient http() {
    return http;
  }

  /**
   * Returns {@code host[:port]}, IPv6 in brackets, the port left out when it is 443.
   *
   * @return the authority
   */
  public String authority() {
    return Sanitize.httpsAuthority(host, port);
  }

  /**
   * Returns {@code https://authority} followed by an already encoded path and query.
   *
   * @param pathAndQuery starting with {@code /}
   * @return the URI
   */
  public URI uri(String pathAndQuery) {
    return URI.create("https://" + authority() + pathAndQuery);
  }

  /**
   * After a failed handshake, checks whether the chain is trusted but names another host.
   *
   * @param timeout the probe's connect and read timeout, or null for the connect timeout
   * @return core's failed host-name check, or null when the chain is not trusted either, the
   *     appliance cannot be reached or the certificate matches
   */
  public @Nullable HostnameMatch hostnameMismatch(@Nullable Duration timeout) {
    Duration t = timeout != null ? timeout : connectTimeout;
    return TlsProbe.hostnameMismatch(sslContext, host, port, (int) t.toMillis());
  }
}
