// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.CheckStatus;
import io.pamkit.sessionlink.JoinFacts;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.SpsClient;
import io.pamkit.simulator.AdminRole;
import io.pamkit.simulator.SppSimulator;
import io.pamkit.simulator.SpsSimulator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

final class LinkClusterRecipeTest {

  private static SppClient spp(SppSimulator sim) {
    return SppClient.builder()
        .host(sim.host())
        .port(sim.port())
        .trustedCertificates(List.of(sim.caCertificate()))
        .authentication(SppAuthentication.password("admin", Secret.of("Adm1n!pw")))
        .build();
  }

  private static SpsClient sps(SpsSimulator sim) {
    return SpsClient.builder()
        .host(sim.host())
        .port(sim.port())
        .trustedCertificates(List.of(sim.caCertificate()))
        .credentials("admin", Secret.of("sps-pw"))
        .build();
  }

  /** What linking did, read before the simulators stop. */
  private record Linked(LinkClusterRecipe.Outcome outcome, int storedConnections) {}

  /**
   * Links a session appliance (central management or not) to a password appliance, both simulated.
   */
  private static Linked link(boolean centralManagement, UnaryOperator<JoinFacts.Builder> facts) {
    try (SppSimulator sppSim = SppSimulator.builder().build();
        SpsSimulator spsSim =
            SpsSimulator.builder()
                .credentials("admin", Secret.of("sps-pw"))
                .centralManagement(centralManagement)
                .build()) {
      sppSim.addUser(
          "admin", Secret.of("Adm1n!pw"), AdminRole.APPLIANCE_ADMIN, AdminRole.OPERATIONS_ADMIN);
      try (SppClient spp = spp(sppSim);
          SpsClient sps = sps(spsSim)) {
        LinkClusterRecipe.Outcome o =
            LinkClusterRecipe.link(spp, sps, sppSim.host() + ":" + sppSim.port(), facts);
        return new Linked(o, sppSim.storedConnections().size());
      }
    }
  }

  @Test
  void link_centralManagementNode_preflightPassesAndTheClusterIsLinked() {
    Linked linked = link(true, b -> b.port443Reachable(true));
    LinkClusterRecipe.Outcome o = linked.outcome();
    assertFalse(o.preflight().anyFailed(), o.preflight().checks().toString());
    assertEquals(CheckStatus.PASS, o.preflight().check("PORT_443").orElseThrow().status());
    assertTrue(o.linked().isPresent());
    assertEquals("sps-sim-node", o.linked().get().nodeId());
    assertEquals(1, linked.storedConnections());
  }

  @Test
  void link_notCentralManagement_preflightFailsAndNothingIsJoined() {
    Linked linked = link(false, b -> b);
    LinkClusterRecipe.Outcome o = linked.outcome();
    assertEquals(
        CheckStatus.FAIL, o.preflight().check("CENTRAL_MANAGEMENT").orElseThrow().status());
    assertTrue(
        o.preflight()
            .check("CENTRAL_MANAGEMENT")
            .orElseThrow()
            .remedy()
            .contains("Central Management"));
    assertTrue(o.linked().isEmpty());
    assertEquals(0, linked.storedConnections());
  }
}
