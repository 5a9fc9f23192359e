/**
 * pamkit's notification side: the transports that deliver appliance events, and the helpers
 * shared by them.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.notify;

import org.jspecify.annotations.NullMarked;
