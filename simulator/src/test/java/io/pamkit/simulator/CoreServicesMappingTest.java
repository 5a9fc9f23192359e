// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.policy.LinkStatus;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.core.policy.ServiceToggles;
import io.pamkit.core.policy.ToggleRefusedException;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link's switches mapped onto the core service-toggle engine, against the simulator. */
final class CoreServicesMappingTest {
  private SppSimulator sim;
  private SppClient client;
  private final List<ApplianceEvent> events = new ArrayList<>();

  @BeforeEach
  void start() {
    sim = SppSimulator.builder().build();
    sim.addUser("admin", Secret.of("Adm1n!pw"), AdminRole.APPLIANCE_ADMIN);
    client =
        SimulatorClients.spp(sim, SppAuthentication.password("admin", Secret.of("Adm1n!pw")))
            .retryBackoff(Duration.ZERO)
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  private ServiceToggles engine() {
    return ServiceToggles.builder("SPP-1")
        .publisher(events::add)
        .linkStatus(client::linkStatus)
        .build();
  }

  @Test
  void servicesConfig_everyCoreServicesConfigSwitch_readFromTheAppliance() {
    ServiceState read = client.servicesConfig();
    for (Service s : Service.values()) {
      if (s.inServicesConfig()) {
        assertTrue(read.isEnabled(s), s.wireName());
      }
    }
    assertEquals(ServiceState.defaults(), read);
  }

  @Test
  void servicesConfig_appliancesSwitches_enforcedByTheEngineWithEvents() {
    client.setServiceEnabled(Service.PASSWORD_CHANGE_ENABLED, false);
    client.setServiceEnabled(Service.SESSION_REQUESTS_ENABLED, false);
    ServiceToggles engine = engine();

    ServiceState appliance = client.servicesConfig();
    Set<Service> changed = EnumSet.noneOf(Service.class);
    for (Service s : Service.values()) {
      if (s.inServicesConfig() && engine.setEnabled(s, appliance.isEnabled(s), "link-sync")) {
        changed.add(s);
      }
    }

    assertEquals(
        Set.of(Service.PASSWORD_CHANGE_ENABLED, Service.SESSION_REQUESTS_ENABLED), changed);
    assertFalse(engine.isEnabled(Service.PASSWORD_CHANGE_ENABLED));
    assertThrows(RuntimeException.class, engine::requireSessionLaunch);
    assertEquals(2, events.size());
    assertEquals("link-sync", events.get(0).property("UserName"));
  }

  @Test
  void updateServicesConfig_engineState_writtenToTheAppliance() {
    ServiceToggles engine = engine();
    engine.setEnabled(Service.SSH_KEY_CHANGE_ENABLED, false, "admin");

    ServiceState stored = client.updateServicesConfig(engine.snapshot());

    assertFalse(stored.isEnabled(Service.SSH_KEY_CHANGE_ENABLED));
    assertFalse(client.serviceEnabled(Service.SSH_KEY_CHANGE_ENABLED));
    assertTrue(client.serviceEnabled(Service.PASSWORD_CHANGE_ENABLED));
  }

  @Test
  void serviceEnabled_serviceWithoutOneByOneEndpoint_illegalArgument() {
    assertThrows(
        IllegalArgumentException.class, () -> client.serviceEnabled(Service.FILE_CHECK_ENABLED));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.setServiceEnabled(Service.AUDIT_LOG_STREAM_SERVICE, true));
  }

  @Test
  void linkStatus_noSessionConnection_auditLogStreamRefusedWithReason() {
    LinkStatus status = client.linkStatus();
    assertFalse(status.linked());
    assertTrue(status.detail().contains("no session appliance is linked"), status.detail());
    ToggleRefusedException e =
        assertThrows(
            ToggleRefusedException.class,
            () -> engine().setEnabled(Service.AUDIT_LOG_STREAM_SERVICE, true, "admin"));
    assertTrue(e.getMessage().contains("no session appliance is linked"), e.getMessage());
  }

  @Test
  void linkStatus_linkedSessionAppliance_auditLogStreamAllowed() {
    client.link(
        SessionModuleConnection.builder()
            .nodeId("sps-a")
            .spsHostName("sps-a.example")
            .spsNetworkAddress("192.0.2.10")
            .firmwareVersion("7.5.0")
            .build());
    LinkStatus status = client.linkStatus();
    assertTrue(status.linked(), status.detail());
    assertTrue(status.detail().contains("sps-a.example"), status.detail());
    ServiceToggles engine = engine();
    assertTrue(engine.setEnabled(Service.AUDIT_LOG_STREAM_SERVICE, true, "admin"));
    assertTrue(engine.isEnabled(Service.AUDIT_LOG_STREAM_SERVICE));
  }
}
