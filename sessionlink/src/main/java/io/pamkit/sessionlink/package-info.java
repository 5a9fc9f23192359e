/**
 * Clients of the password appliance's and the session appliance's link API, on {@code
 * java.net.http}, and the link rules as code.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.sessionlink;

import org.jspecify.annotations.NullMarked;
