/**
 * Secrets (passwords, API keys, SNMP keys, tokens) that never print themselves ({@link
 * io.pamkit.core.secret.Secret}), and the {@link io.pamkit.core.secret.CredentialResolver} SPI that
 * resolves a reference to a directory or asset account to its secret, with an in-memory ({@link
 * io.pamkit.core.secret.InMemoryCredentialResolver}) and an environment-variable ({@link
 * io.pamkit.core.secret.EnvironmentCredentialResolver}) implementation.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.secret;

import org.jspecify.annotations.NullMarked;
