// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Event subscribers as the appliance's Email Events, Syslog Events and SNMP pages show them and its
 * {@code EventSubscriber} schema stores them ({@link io.pamkit.core.subscription.Subscriber}), and
 * the {@link io.pamkit.core.subscription.SubscriberRegistry} that manages them: add, remove, edit,
 * copy, list with or without system-owned subscribers, send a test event, and copy-on-write
 * snapshots with change listeners for the dispatch engine.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link NoSuchSubscriberException}: thrown to users of SubscriberRegistry who name a
 *       subscriber id it does not hold.
 *   <li>{@link PropertyFilter}: a subscriber's filter on event properties, set by users when they
 *       build a Subscriber.
 *   <li>{@link SnmpAuthenticationType}: the SNMPv3 authentication protocol users choose in
 *       SnmpSubscriberProperties.
 *   <li>{@link SnmpEncryptionType}: the SNMPv3 privacy protocol users choose in
 *       SnmpSubscriberProperties.
 *   <li>{@link SnmpSubscriberProperties}: the SNMP part of a subscriber, which users build for SNMP
 *       subscribers.
 *   <li>{@link Subscriber}: an event subscriber, the value users create, list and pass to the
 *       dispatcher.
 *   <li>{@link SubscriberIdentity}: derives the stable subscriber ids that idempotency keys use;
 *       users who build subscribers in code call it to get the ids a document would give them.
 *   <li>{@link SubscriberRegistry}: the managed set of subscribers (add, update, remove, listen)
 *       that users keep in their application.
 *   <li>{@link SubscriberSnapshot}: the registry's content at one moment, handed to users' registry
 *       listeners.
 *   <li>{@link SyslogFacility}: the syslog facility users choose in SyslogSubscriberProperties.
 *   <li>{@link SyslogFormat}: the syslog message format users choose in SyslogSubscriberProperties.
 *   <li>{@link SyslogProtocol}: the syslog transport protocol users choose in
 *       SyslogSubscriberProperties.
 *   <li>{@link SyslogSubscriberProperties}: the syslog part of a subscriber, which users build for
 *       syslog subscribers.
 *   <li>{@link SyslogTcpFraming}: the TCP framing of syslog messages, set in subscriber properties
 *       and in syslog server settings.
 *   <li>{@link SystemOwnedSubscriberException}: thrown to users who try to remove a system-owned
 *       subscriber.
 * </ul>
 */
@NullMarked
package io.pamkit.core.subscription;

import org.jspecify.annotations.NullMarked;
