/**
 * The dispatch engine: routing of appliance events to subscribers, one lane per transport, retries, circuit breakers and dead letters. {@link io.pamkit.core.dispatch.Transport} is the delivery contract that notify's transports implement.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.dispatch;

import org.jspecify.annotations.NullMarked;
