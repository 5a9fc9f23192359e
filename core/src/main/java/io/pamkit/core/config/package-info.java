// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * The JSON configuration document that describes a whole integration. Entry point: {@link
 * io.pamkit.core.config.PamkitConfig#read(java.nio.file.Path)} (or {@code parse}), which reports
 * every problem at once, by JSON path, in a {@link io.pamkit.core.config.ConfigurationException}.
 * The parts that are not a transport's are immutable classes with builders: {@link
 * io.pamkit.core.config.SnmpDestination}, {@link io.pamkit.core.config.EmailTemplateConfig} and
 * {@link io.pamkit.core.policy.ServiceState}; subscribers are {@link
 * io.pamkit.core.subscription.Subscriber}s. The transports' sections are kept as written and read
 * by their providers through {@link io.pamkit.core.config.ConfigSection}, the public, path-aware,
 * error-collecting view of a section. docs/configuration.md documents every field.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link ConfigSection}: a read-only view of a transport's part of the document, which
 *       third-party transport providers read.
 *   <li>{@link ConfigurationException}: thrown to users whose configuration document cannot be
 *       used, with every violation.
 *   <li>{@link EmailTemplateConfig}: the appliance's email template as the document stores it
 *       (notify's EmailTemplate is the rendering form), read by users from PamkitConfig.
 *   <li>{@link PamkitConfig}: the configuration document, the entry point users parse, edit and
 *       write.
 *   <li>{@link SecretOutput}: what users ask PamkitConfig.toJson to write in place of secrets.
 *   <li>{@link SnmpDestination}: a named SNMP destination of the document, read and set by users
 *       through PamkitConfig.
 * </ul>
 */
@NullMarked
package io.pamkit.core.config;

import org.jspecify.annotations.NullMarked;
