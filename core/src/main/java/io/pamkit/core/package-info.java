/**
 * The root of pamkit's core module: the exception hierarchy shared by every module
 * ({@link io.pamkit.core.PamkitException}, {@link io.pamkit.core.ValidationException}).
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core;

import org.jspecify.annotations.NullMarked;
