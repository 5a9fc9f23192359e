/**
 * Test fixtures for pamkit integrations. Every type is public because users need it to test
 * their own code against pamkit without copying ours:
 *
 * <ul>
 *   <li>{@link io.pamkit.testing.FakeClock} — a {@link java.time.Clock} that moves only when told;
 *   <li>{@link io.pamkit.testing.ManualScheduler} — a dispatcher {@link
 *       io.pamkit.core.dispatch.Scheduler} that runs retries when the fake clock advances;
 *   <li>{@link io.pamkit.testing.InMemoryTransport} — a transport that records what it is given
 *       and fails on request;
 *   <li>{@link io.pamkit.testing.SyslogReceiver} — a syslog collector over UDP, TCP (RFC 6587
 *       octet counting or a delimiter) and TLS;
 *   <li>{@link io.pamkit.testing.TrapReceiver} — an SNMP v1/v2c/v3 trap and inform receiver;
 *   <li>{@link io.pamkit.testing.TestCertificates} — a test CA with server and client
 *       certificates and the {@link javax.net.ssl.SSLContext}s for each side;
 *   <li>{@link io.pamkit.testing.ModuleDescriptorAssert} — asserts a module's exact exports;
 *   <li>{@link io.pamkit.testing.FreePorts} and {@link io.pamkit.testing.Await} — small helpers
 *       the receivers and tests share.
 * </ul>
 *
 * <p>Receivers bind to the loopback address only. Parameters and return values are never null
 * unless marked; every type says whether it is thread-safe.
 */
@NullMarked
package io.pamkit.testing;

import org.jspecify.annotations.NullMarked;
