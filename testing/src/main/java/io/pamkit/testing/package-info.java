// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * Test fixtures for pamkit integrations. Every type is public because users need it to test their
 * own code against pamkit without copying ours.
 *
 * <p>Receivers bind to the loopback address only. Parameters and return values are never null
 * unless marked; every type says whether it is thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link Await}: waits for a condition nothing signals, for users' tests of asynchronous
 *       delivery.
 *   <li>{@link FakeClock}: a Clock that moves only when told, for users' tests of retries and
 *       timeouts.
 *   <li>{@link FreePorts}: finds loopback ports that fit the appliance's schema, for users'
 *       receivers.
 *   <li>{@link InMemoryTransport}: a transport that records what it is given and fails on request,
 *       for users' dispatch tests.
 *   <li>{@link ManualScheduler}: a dispatcher Scheduler driven by the FakeClock, for users' retry
 *       tests.
 *   <li>{@link ModuleDescriptorAssert}: asserts a module's exact exports and its package-info
 *       lists, for users' and pamkit's module tests.
 *   <li>{@link SyslogReceiver}: a real syslog collector on loopback (UDP, TCP, TLS) for users'
 *       syslog tests.
 *   <li>{@link TestCertificates}: a test CA with server and client certificates and SSLContexts,
 *       for users' TLS tests.
 *   <li>{@link TrapReceiver}: a real SNMP trap and inform receiver on loopback, for users' SNMP
 *       tests.
 * </ul>
 */
@NullMarked
package io.pamkit.testing;

import org.jspecify.annotations.NullMarked;
