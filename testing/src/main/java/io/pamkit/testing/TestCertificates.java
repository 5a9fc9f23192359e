// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.cert.SelfSigned;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.secret.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;

/**
 * Certificates for TLS tests, generated in memory with {@link SelfSigned}: a certificate authority,
 * a server certificate it issued for {@code localhost}, {@code 127.0.0.1} and {@code ::1}, a client
 * certificate ({@code CN=pamkit-client}), and the {@link SSLContext}s for each side. Nothing is
 * written to disk and no key is committed anywhere.
 *
 * <pre>{@code
 * TestCertificates pki = TestCertificates.create();
 * try (SyslogReceiver rx = SyslogReceiver.builder().tls(pki.serverContext()).start()) {
 *   SSLContext client = pki.clientContext();   // trusts the test CA
 * }
 * }</pre>
 *
 * <p>This example is compiled and run by the testing module's {@code JavadocExamplesTest}.
 *
 * <p>Keys are EC P-256 (fast to generate); certificates are valid from one minute ago for one day.
 * Immutable and thread-safe; {@link #toString()} never shows a key.
 */
public final class TestCertificates {
  private final KeyMaterial authority;
  private final KeyMaterial server;
  private final KeyMaterial client;

  private TestCertificates(KeyMaterial authority, KeyMaterial server, KeyMaterial client) {
    this.authority = authority;
    this.server = server;
    this.client = client;
  }

  /**
   * Generates a CA named {@code CN=pamkit test CA} with its server and client certificates.
   *
   * @return new certificates
   */
  public static TestCertificates create() {
    return create("CN=pamkit test CA");
  }

  /**
   * Generates a CA with the given name, with its server and client certificates. Two sets with
   * different names do not trust each other, which tests of an unknown CA need.
   *
   * @param authoritySubject the CA's distinguished name, e.g. {@code "CN=Other CA"}
   * @return new certificates
   * @throws IllegalArgumentException if the subject is not a distinguished name
   */
  public static TestCertificates create(String authoritySubject) {
    KeyMaterial ca = SelfSigned.certificateAuthority(authoritySubject);
    KeyMaterial server = issue(ca, "CN=localhost", "localhost", "127.0.0.1", "::1");
    KeyMaterial client = issue(ca, "CN=pamkit-client");
    return new TestCertificates(ca, server, client);
  }

  /**
   * Issues another certificate from this CA, valid for TLS server and client authentication.
   *
   * @param subject the subject, e.g. {@code "CN=syslog"}
   * @param subjectAltNames DNS names and IP literals, e.g. {@code "other.example"}, {@code
   *     "192.0.2.1"}
   * @return the key with its chain (the certificate, then the CA's)
   * @throws IllegalArgumentException if the subject or a name is invalid
   */
  public KeyMaterial issue(String subject, String... subjectAltNames) {
    return issue(authority, subject, subjectAltNames);
  }

  /**
   * Generates a self-signed end-entity certificate (no CA), as a lab server often has.
   *
   * @param subject the subject, e.g. {@code "CN=localhost"}
   * @param subjectAltNames DNS names and IP literals
   * @return the key with its one-certificate chain
   * @throws IllegalArgumentException if the subject or a name is invalid
   */
  public static KeyMaterial selfSigned(String subject, String... subjectAltNames) {
    return names(SelfSigned.builder(subject), subjectAltNames).build();
  }

  private static KeyMaterial issue(KeyMaterial ca, String subject, String... subjectAltNames) {
    return names(SelfSigned.builder(subject).issuer(ca), subjectAltNames).build();
  }

  private static SelfSigned.Builder names(SelfSigned.Builder b, String... subjectAltNames) {
    for (String n : subjectAltNames) {
      requireNonNull(n, "subjectAltNames element");
      // An IPv6 literal has a colon and an IPv4 literal only digits and dots; SelfSigned checks
      // either strictly. (This module may run on the class path, where core's internal package
      // is not readable, so it does not use IpLiterals.)
      if (n.indexOf(':') >= 0 || n.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
        b.ipAddress(n);
      } else {
        b.dnsName(n);
      }
    }
    return b;
  }

  /**
   * Returns the certificate authority's key and certificate.
   *
   * @return the authority
   */
  public KeyMaterial authority() {
    return authority;
  }

  /**
   * Returns the CA certificate, the trust anchor for both sides.
   *
   * @return the certificate
   */
  public X509Certificate caCertificate() {
    return authority.certificate();
  }

  /**
   * Returns the server certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}.
   *
   * @return the key with its chain
   */
  public KeyMaterial server() {
    return server;
  }

  /**
   * Returns the client certificate, {@code CN=pamkit-client}.
   *
   * @return the key with its chain
   */
  public KeyMaterial client() {
    return client;
  }

  /**
   * Returns a context for a TLS server presenting {@link #server()} and trusting this CA for client
   * certificates.
   *
   * @return a new context
   */
  public SSLContext serverContext() {
    return serverContext(server);
  }

  /**
   * Returns a context for a TLS server presenting the given key and trusting this CA for client
   * certificates.
   *
   * @param key the server's key, e.g. from {@link #issue}
   * @return a new context
   */
  public SSLContext serverContext(KeyMaterial key) {
    return presenting(key, caCertificate());
  }

  /**
   * Returns a context for a TLS client that trusts this CA and presents no certificate.
   *
   * @return a new context
   */
  public SSLContext clientContext() {
    return TlsContexts.builder().trustAnchor(caCertificate()).build();
  }

  /**
   * Returns a context for a TLS client that trusts this CA and presents {@link #client()} when the
   * server asks (mutual TLS).
   *
   * @return a new context
   */
  public SSLContext mutualClientContext() {
    return TlsContexts.builder().trustAnchor(caCertificate()).clientKey(client).build();
  }

  /**
   * Returns a context that presents a key and trusts the given anchors: a server's context, or a
   * client's for mutual TLS.
   *
   * @param key the key to present
   * @param trustAnchors the certificates to trust; none means the JDK's default trust store
   * @return a new context
   */
  public static SSLContext presenting(KeyMaterial key, X509Certificate... trustAnchors) {
    TlsContexts.Builder b = TlsContexts.builder().clientKey(requireNonNull(key, "key"));
    for (X509Certificate c : trustAnchors) {
      b.trustAnchor(c);
    }
    return b.build();
  }

  /**
   * Returns a context for a TLS client that trusts only the given certificates.
   *
   * @param trustAnchors the certificates to trust, e.g. a self-signed server's
   * @return a new context
   */
  public static SSLContext trusting(X509Certificate... trustAnchors) {
    TlsContexts.Builder b = TlsContexts.builder();
    for (X509Certificate c : trustAnchors) {
      b.trustAnchor(c);
    }
    return b.build();
  }

  /**
   * Returns a PKCS#12 key store trusting the given certificates, for APIs that take a trust store.
   *
   * @param trustAnchors the certificates to trust
   * @return a new in-memory key store
   */
  public static KeyStore trustStore(X509Certificate... trustAnchors) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (int i = 0; i < trustAnchors.length; i++) {
        ks.setCertificateEntry("anchor-" + i, requireNonNull(trustAnchors[i], "trustAnchor"));
      }
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the trust store", e);
    }
  }

  /**
   * Returns a PKCS#12 key store holding a key and its chain under the alias {@code "key"}, for APIs
   * that take a key store and its password.
   *
   * @param key the key material
   * @param password the store's and the key's password
   * @return a new in-memory key store
   */
  public static KeyStore keyStore(KeyMaterial key, Secret password) {
    requireNonNull(key, "key");
    requireNonNull(password, "password");
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(new ByteArrayInputStream(key.toPkcs12(password)), password.chars());
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the key store", e);
    }
  }

  /** Returns the three subjects; never a key. */
  @Override
  public String toString() {
    return "TestCertificates{authority="
        + authority.certificate().getSubjectX500Principal()
        + ", server="
        + server.certificate().getSubjectX500Principal()
        + ", client="
        + client.certificate().getSubjectX500Principal()
        + "}";
  }
}
