// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * pamkit-testing: fixtures for testing an integration of pamkit, and for pamkit's own tests. A fake
 * clock and a manual scheduler, an in-memory transport, real syslog and SNMP trap receivers on
 * loopback, generated test certificates and a module-descriptor assertion. Use it in test scope
 * (the demo in pamkit-examples is the one exception: it shows the receivers).
 */
module io.pamkit.testing {
  requires transitive io.pamkit.core;
  requires transitive org.snmp4j;
  requires static transitive org.jspecify;

  exports io.pamkit.testing;
}
