// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.CheckStatus;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.SpsClient;
import io.pamkit.simulator.AdminRole;
import io.pamkit.simulator.SppSimulator;
import io.pamkit.simulator.SpsSimulator;
import java.util.List;
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

  @Test
  void link_centralManagementNode_preflightPassesAndTheClusterIsLinked() {
    try (SppSimulator sppSim = SppSimulator.builder().build();
        SpsSimulator spsSim =
            SpsSimulator.builder()
                .credentials("admin", Secret.of("sps-pw"))
                .centralManagement(true)
                .build()) {
      sppSim.addUser(
          "admin", Secret.of("Adm1n!pw"), AdminRole.APPLIANCE_ADMIN, AdminRole.OPERATIONS_ADMIN);
      try (SppClient spp = spp(sppSim);
          SpsClient sps = sps(spsSim)) {
        LinkClusterRecipe.Outcome o =
            LinkClusterRecipe.link(
                spp, sps, sppSim.host() + ":" + sppSim.port(), b -> b.port443Reachable(true));
        assertFalse(o.preflight().anyFailed(), o.preflight().checks().toString());
        assertEquals(CheckStatus.PASS, o.preflight().check("PORT_443").orElseThrow().status());
        assertTrue(o.linked().isPresent());
        assertEquals("sps-sim-node", o.linked().get().nodeId());
        assertEquals(1, sppSim.storedConnections().size());
      }
    }
  }

  @Test
  void link_notCentralManagement_preflightFailsAndNothingIsJoined() {
    try (SppSimulator sppSim = SppSimulator.builder().build();
        SpsSimulator spsSim =
            SpsSimulator.builder()
                .credentials("admin", Secret.of("sps-pw"))
                .centralManagement(false)
                .build()) {
      sppSim.addUser(
          "admin", Secret.of("Adm1n!pw"), AdminRole.APPLIANCE_ADMIN, AdminRole.OPERATIONS_ADMIN);
      try (SppClient spp = spp(sppSim);
          SpsClient sps = sps(spsSim)) {
        LinkClusterRecipe.Outcome o =
            LinkClusterRecipe.link(spp, sps, sppSim.host() + ":" + sppSim.port(), b -> b);
        assertEquals(
            CheckStatus.FAIL, o.preflight().check("CENTRAL_MANAGEMENT").orElseThrow().status());
        assertTrue(
            o.preflight()
                .check("CENTRAL_MANAGEMENT")
                .orElseThrow()
                .remedy()
                .contains("Central Management"));
        assertTrue(o.linked().isEmpty());
        assertEquals(0, sppSim.storedConnections().size());
      }
    }
  }
}
