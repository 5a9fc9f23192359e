// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Appliance events: {@link io.pamkit.core.event.ApplianceEvent}, their levels and categories, and
 * the event catalog of every event name the appliance knows.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link ApplianceEvent}: the event users publish and transports deliver; every integration
 *       builds or receives one.
 *   <li>{@link EventCatalog}: the known event names, which users query to validate subscriptions
 *       and build events.
 *   <li>{@link EventCategory}: the appliance's category of an event, part of an event's definition
 *       that users filter and display.
 *   <li>{@link EventDefinition}: one catalog entry (name, category, level, properties), returned by
 *       EventCatalog to users.
 *   <li>{@link EventLevel}: the appliance's severity of an event, set on events users build and
 *       matched by transports.
 *   <li>{@link EventPublisher}: what users publish events to (the dispatcher implements it), so
 *       their code can depend on the interface.
 *   <li>{@link TargetedEventPublisher}: an EventPublisher that also delivers to one subscriber (the
 *       dispatcher implements it); what the subscriber registry's test event needs.
 *   <li>{@link UnknownEventException}: thrown to users who name an event the catalog does not know;
 *       they catch it to report the name.
 * </ul>
 */
@NullMarked
package io.pamkit.core.event;

import org.jspecify.annotations.NullMarked;
