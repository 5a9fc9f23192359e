/**
 * Implementation details of pamkit core. Not exported; no compatibility promise.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.internal;

import org.jspecify.annotations.NullMarked;
