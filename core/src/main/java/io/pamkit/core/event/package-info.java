/**
 * Appliance events: {@link io.pamkit.core.event.ApplianceEvent}, their levels and categories, and the event catalog of every event name the appliance knows.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.event;

import org.jspecify.annotations.NullMarked;
