/**
 * Certificates: loading DER, PEM and PKCS#12 files, certificate signing requests, thumbprints, host-name checks and SSLContext construction.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.cert;

import org.jspecify.annotations.NullMarked;
