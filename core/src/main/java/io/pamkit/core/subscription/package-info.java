/**
 * Event subscribers as the appliance's Email Events, Syslog Events and SNMP pages show them and its EventSubscriber schema stores them, and the registry that manages them.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.subscription;

import org.jspecify.annotations.NullMarked;
