package io.pamkit.sessionlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.policy.LinkStatus;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceToggles;
import io.pamkit.core.policy.ToggleRefusedException;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.simulator.AdminRole;
import io.pamkit.sessionlink.simulator.SppSimulator;
import java.time.Duration;
import java.util.ArrayList;
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
    client = SppClient.builder().host(sim.host()).port(sim.port())
        .sslContext(sim.clientSslContext())
        .authentication(SppAuthentication.password("admin", Secret.of("Adm1n!pw")))
        .retryBackoff(Duration.ZERO).build();
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  private ServiceToggles engine() {
    return ServiceToggles.builder("SPP-1").publisher(events::add).linkStatus(client::linkStatus)
        .build();
  }

  @Test
  void everyServiceToggle_hasACoreService() {
    for (ServiceToggle t : ServiceToggle.values()) {
      assertEquals(t.apiName(), t.service().apiName());
    }
  }

  @Test
  void applyTo_appliancesSwitches_enforcedByTheEngineWithEvents() {
    client.setServiceEnabled(ServiceToggle.PASSWORD_CHANGE_ENABLED, false);
    client.setServiceEnabled(ServiceToggle.SESSION_REQUESTS_ENABLED, false);
    ServiceToggles engine = engine();

    Set<ServiceToggle> changed = client.servicesConfig().applyTo(engine, "link-sync");

    assertEquals(Set.of(ServiceToggle.PASSWORD_CHANGE_ENABLED,
        ServiceToggle.SESSION_REQUESTS_ENABLED), changed);
    assertFalse(engine.isEnabled(Service.PasswordChangeEnabled));
    assertThrows(RuntimeException.class, engine::requireSessionLaunch);
    assertEquals(2, events.size());
    assertEquals("link-sync", events.get(0).property("UserName"));
  }

  @Test
  void from_engineState_writtenToTheAppliance() {
    ServiceToggles engine = engine();
    engine.setEnabled(Service.SshKeyChangeEnabled, false, "admin");

    client.updateServicesConfig(ServicesConfig.from(engine.snapshot()));

    assertFalse(client.serviceEnabled(ServiceToggle.SSH_KEY_CHANGE_ENABLED));
    assertTrue(client.serviceEnabled(ServiceToggle.PASSWORD_CHANGE_ENABLED));
  }

  @Test
  void linkStatus_noSessionConnection_auditLogStreamRefusedWithReason() {
    LinkStatus status = client.linkStatus();
    assertFalse(status.linked());
    assertTrue(status.detail().contains("no session appliance is linked"), status.detail());
    ToggleRefusedException e = assertThrows(ToggleRefusedException.class,
        () -> engine().setEnabled(Service.AuditLogStreamService, true, "admin"));
    assertTrue(e.getMessage().contains("no session appliance is linked"), e.getMessage());
  }

  @Test
  void linkStatus_linkedSessionAppliance_auditLogStreamAllowed() {
    client.link(SessionModuleConnection.builder().nodeId("sps-a").spsHostName("sps-a.example")
        .spsNetworkAddress("192.0.2.10").firmwareVersion("7.5.0").build());
    LinkStatus status = client.linkStatus();
    assertTrue(status.linked(), status.detail());
    assertTrue(status.detail().contains("sps-a.example"), status.detail());
    ServiceToggles engine = engine();
    assertTrue(engine.setEnabled(Service.AuditLogStreamService, true, "admin"));
    assertTrue(engine.isEnabled(Service.AuditLogStreamService));
  }
}
