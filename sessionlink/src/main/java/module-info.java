// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * pamkit sessionlink: the link protocol between a session appliance cluster and a password
 * appliance cluster: clients of both appliances' link API, the rules that govern the link, and the
 * wire model. The appliance simulators are the separate module {@code io.pamkit.simulator}
 * (artifact {@code pamkit-simulator}).
 */
@SuppressWarnings("module") // the qualified export names a module built after this one
module io.pamkit.sessionlink {
  requires transitive io.pamkit.core;
  requires java.net.http;
  requires static transitive org.jspecify;

  exports io.pamkit.sessionlink;
  exports io.pamkit.sessionlink.model;
  // the wire JSON configuration, the OpenAPI schema validator and the ServicesConfig adapter are
  // shared with the simulator, which must read and write exactly what the clients do
  exports io.pamkit.sessionlink.internal to
      io.pamkit.simulator;
}
