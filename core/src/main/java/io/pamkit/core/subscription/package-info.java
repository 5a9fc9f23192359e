/**
 * Event subscribers as the appliance's Email Events, Syslog Events and SNMP pages show them and its
 * {@code EventSubscriber} schema stores them ({@link io.pamkit.core.subscription.Subscriber}), and
 * the {@link io.pamkit.core.subscription.SubscriberRegistry} that manages them: add, remove, edit,
 * copy, list with or without system-owned subscribers, send a test event, and copy-on-write
 * snapshots with change listeners for the dispatch engine.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.subscription;

import org.jspecify.annotations.NullMarked;
