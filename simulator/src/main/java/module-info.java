// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * pamkit simulator: embeddable HTTPS simulators of the password appliance (SPP) and the session
 * appliance (SPS) link API, for tests and demos. Kept out of {@code io.pamkit.sessionlink} so that
 * the client library does not require {@code jdk.httpserver}.
 */
module io.pamkit.simulator {
  requires transitive io.pamkit.sessionlink;
  requires java.net.http;
  requires jdk.httpserver;
  requires org.bouncycastle.pkix;
  requires static transitive org.jspecify;

  exports io.pamkit.simulator;
}
