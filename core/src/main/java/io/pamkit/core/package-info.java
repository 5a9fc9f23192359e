// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * The root of pamkit's core module: the exception hierarchy shared by every module ({@link
 * io.pamkit.core.PamkitException}, {@link io.pamkit.core.ValidationException}) and the contract of
 * enums named on the wire ({@link io.pamkit.core.WireNamed}).
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link PamkitException}: the root of every exception pamkit throws on purpose; callers
 *       catch it to handle any pamkit failure in one place.
 *   <li>{@link ValidationException}: thrown for invalid document and wire input; callers read its
 *       violations to report every broken rule with its JSON path.
 *   <li>{@link Violation}: one broken rule (path and message) of a ValidationException, which
 *       callers show to whoever wrote the input.
 *   <li>{@link WireNamed}: a constant with the appliance's spelling as its wire name, which
 *       documents, journals and pamkit's output use; callers read it to write or match that text.
 * </ul>
 */
@NullMarked
package io.pamkit.core;

import org.jspecify.annotations.NullMarked;
