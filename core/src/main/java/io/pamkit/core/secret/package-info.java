// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Secrets (passwords, API keys, SNMP keys, tokens) that never print themselves ({@link
 * io.pamkit.core.secret.Secret}), and the {@link io.pamkit.core.secret.CredentialResolver} SPI that
 * resolves a reference to a directory or asset account to its secret, with an in-memory ({@link
 * io.pamkit.core.secret.InMemoryCredentialResolver}) and an environment-variable ({@link
 * io.pamkit.core.secret.EnvironmentCredentialResolver}) implementation.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link AccountReference}: names an account whose password a CredentialResolver supplies;
 *       users put it in transport settings.
 *   <li>{@link CredentialResolver}: extension point: users connect pamkit to their vault to resolve
 *       account references.
 *   <li>{@link EnvironmentCredentialResolver}: a CredentialResolver users choose to read secrets
 *       from environment variables.
 *   <li>{@link InMemoryCredentialResolver}: a CredentialResolver users fill from their own vault or
 *       in tests, and rotate at run time.
 *   <li>{@link Secret}: the password, key or token type users hand to pamkit; it never shows its
 *       value in logs.
 * </ul>
 */
@NullMarked
package io.pamkit.core.secret;

import org.jspecify.annotations.NullMarked;
