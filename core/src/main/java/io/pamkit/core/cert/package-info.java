// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Certificates: loading DER, PEM and PKCS#12 files, certificate signing requests, thumbprints,
 * host-name checks and SSLContext construction.
 *
 * <p>Entry points: {@link io.pamkit.core.cert.Certificates} (read and write certificates and
 * chains), {@link io.pamkit.core.cert.KeyMaterial} (a private key with its chain, from PKCS#12 or
 * PEM), {@link io.pamkit.core.cert.CertificateSigningRequest} (PKCS#10), {@link
 * io.pamkit.core.cert.Thumbprints}, {@link io.pamkit.core.cert.HostnameMatch} (does a certificate
 * fit the address, and which address to use if not), {@link io.pamkit.core.cert.TlsContexts}
 * (SSLContexts for pamkit's TLS clients) and {@link io.pamkit.core.cert.SelfSigned} (generated
 * authorities and certificates for tests and the simulator).
 *
 * <p>Every loading failure is a {@link io.pamkit.core.cert.CertificateLoadException} whose
 * {@linkplain io.pamkit.core.cert.CertificateLoadException#reason() reason} says what to fix.
 * BouncyCastle is used as a private provider instance; pamkit never registers a JVM-wide security
 * provider.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link CertificateLoadException}: thrown to users whose certificate, chain or key cannot be
 *       loaded.
 *   <li>{@link CertificateSigningRequest}: creates a CSR and its key pair, as the appliance does,
 *       for users who get certificates signed.
 *   <li>{@link Certificates}: reads and writes certificates and chains (DER, PEM, PKCS#7) for
 *       users' trust stores.
 *   <li>{@link HostnameMatch}: tells users whether a certificate names the address they connect to,
 *       and which address to use instead.
 *   <li>{@link KeyMaterial}: a private key with its chain, which users load and hand to TLS clients
 *       and servers.
 *   <li>{@link KeyType}: the key algorithm and size users choose for a CSR or a generated
 *       certificate.
 *   <li>{@link SelfSigned}: generates certificates for users' tests and demos (and pamkit-testing's
 *       TestCertificates).
 *   <li>{@link Thumbprints}: certificate thumbprints as the appliance shows them, for users who pin
 *       or compare certificates.
 *   <li>{@link TlsContexts}: builds the SSLContexts users pass to pamkit's TLS clients.
 * </ul>
 */
@NullMarked
package io.pamkit.core.cert;

import org.jspecify.annotations.NullMarked;
