// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.model.SessionModuleConnection;

/** The client and the session appliance that the simulator tests link, built one way. */
final class SimulatorClients {
  private SimulatorClients() {}

  /** A client builder aimed at the simulator, trusting its CA, logging in with {@code auth}. */
  static SppClient.Builder spp(SppSimulator sim, SppAuthentication auth) {
    return SppClient.builder()
        .host(sim.host())
        .port(sim.port())
        .sslContext(sim.clientSslContext())
        .authentication(auth);
  }

  /** A session appliance node to link: {@code nodeId.example} at 192.0.2.10, firmware 7.5.0. */
  static SessionModuleConnection sps(String nodeId) {
    return SessionModuleConnection.builder()
        .nodeId(nodeId)
        .spsHostName(nodeId + ".example")
        .spsNetworkAddress("192.0.2.10")
        .firmwareVersion("7.5.0")
        .build();
  }
}
