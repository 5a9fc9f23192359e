/**
 * Secrets (passwords, API keys, SNMP keys, tokens) that never print themselves, and the CredentialResolver SPI that resolves account references to secrets.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.secret;

import org.jspecify.annotations.NullMarked;
