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
 * BouncyCastle is used as a private provider instance; pamkit never registers a JVM-wide
 * security provider.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.cert;

import org.jspecify.annotations.NullMarked;
