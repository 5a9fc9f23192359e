/**
 * The JSON configuration document that describes a whole integration, read and validated with every problem reported by JSON path.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.config;

import org.jspecify.annotations.NullMarked;
