// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.PamkitException;
import io.pamkit.core.ValidationException;
import io.pamkit.core.dispatch.FakeClock;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ServiceTogglesTest {
  private static final String SEED_MESSAGE =
      "This feature is temporarily disabled. See your appliance administrator for details.";

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));

  private ServiceToggles.Builder builder() {
    return ServiceToggles.builder("SPP-1").publisher(publisher).clock(clock);
  }

  @Test
  void services_matchApiNamesAndGroups() {
    Set<String> config =
        EnumSet.allOf(Service.class).stream()
            .filter(Service::inServicesConfig)
            .map(Service::apiName)
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "PasswordChangeEnabled",
            "PasswordCheckEnabled",
            "PasswordRequestsEnabled",
            "SessionRequestsEnabled",
            "SshKeyRequestsEnabled",
            "ApiKeyRequestsEnabled",
            "FileRequestsEnabled",
            "AssetDiscoveryEnabled",
            "DirectorySyncEnabled",
            "SshKeyCheckEnabled",
            "SshKeyChangeEnabled",
            "SshKeyDiscoveryEnabled",
            "DiscoverAccountsEnabled",
            "DiscoverServicesEnabled",
            "ApiKeyCheckEnabled",
            "ApiKeyChangeEnabled",
            "FileCheckEnabled",
            "FileChangeEnabled",
            "ScimProvisioningEnabled"),
        config);
    assertEquals(ServiceGroup.Requests, Service.SessionRequestsEnabled.group());
    assertEquals(ServiceGroup.PasswordManagement, Service.PasswordCheckEnabled.group());
    assertEquals(ServiceGroup.SshKeyManagement, Service.SshKeyChangeEnabled.group());
    assertEquals(ServiceGroup.Discovery, Service.SshKeyDiscoveryEnabled.group());
    assertEquals(ServiceGroup.Directory, Service.DirectorySyncEnabled.group());
    assertEquals(ServiceGroup.Audit, Service.AuditLogStreamService.group());
    assertEquals(
        ServiceGroup.ApplicationToApplication, Service.ApplicationToApplicationEnabled.group());
    assertEquals(Optional.of(Service.FileCheckEnabled), Service.fromApiName("FileCheckEnabled"));
    assertEquals(Optional.empty(), Service.fromApiName("fileCheckEnabled"));
  }

  @Test
  void build_defaults_allOnExceptAuditLogStream() {
    ServiceToggles t = builder().build();
    for (Service s : Service.values()) {
      assertEquals(s != Service.AuditLogStreamService, t.isEnabled(s), s.apiName());
      assertEquals(s != Service.AuditLogStreamService, s.enabledByDefault(), s.apiName());
    }
    assertTrue(t.isApplicationToApplicationEnabled("SPP-2"));
  }

  @Test
  void build_withoutPublisher_fails() {
    assertThrows(IllegalStateException.class, () -> ServiceToggles.builder("SPP-1").build());
  }

  @Test
  void setEnabled_emitsServicesConfigUpdatedWithWhoWhatOldNew() {
    ServiceToggles t = builder().build();
    assertTrue(t.setEnabled(Service.PasswordChangeEnabled, false, "admin"));
    assertFalse(t.isEnabled(Service.PasswordChangeEnabled));
    assertEquals(1, publisher.events.size());
    ApplianceEvent e = publisher.events.get(0);
    assertEquals("ServicesConfigUpdated", e.name());
    assertTrue(EventCatalog.defaults().contains(e.name()));
    assertEquals("SPP-1", e.applianceId());
    assertEquals(clock.instant(), e.time());
    assertEquals("PasswordChangeEnabled", e.property("ServiceName"));
    assertEquals("true", e.property("OldValue"));
    assertEquals("false", e.property("NewValue"));
    assertEquals("admin", e.property("UserName"));
    assertEquals(1, t.version());
  }

  @Test
  void setEnabled_sameValue_noEventNoVersion() {
    ServiceToggles t = builder().build();
    assertFalse(t.setEnabled(Service.PasswordChangeEnabled, true, "admin"));
    assertTrue(publisher.events.isEmpty());
    assertEquals(0, t.version());
  }

  @Test
  void setEnabled_actorWithNewline_rejected() {
    ServiceToggles t = builder().build();
    assertThrows(
        IllegalArgumentException.class,
        () -> t.setEnabled(Service.PasswordChangeEnabled, false, "admin\nForged: line"));
    assertTrue(t.isEnabled(Service.PasswordChangeEnabled));
  }

  @Test
  void setEnabled_publisherRefuses_stateUnchanged() {
    ServiceToggles t =
        ServiceToggles.builder("SPP-1")
            .publisher(
                e -> {
                  throw new PamkitException("lane full") {
                    private static final long serialVersionUID = 1L;
                  };
                })
            .build();
    assertThrows(
        PamkitException.class, () -> t.setEnabled(Service.PasswordCheckEnabled, false, "admin"));
    assertTrue(t.isEnabled(Service.PasswordCheckEnabled));
    assertEquals(0, t.version());
  }

  @Test
  void requireSessionRequest_off_refusedWithSeedMessage() {
    ServiceToggles t = builder().build();
    t.requireSessionRequest(1);
    t.setEnabled(Service.SessionRequestsEnabled, false, "admin");
    ServiceDisabledException e =
        assertThrows(ServiceDisabledException.class, () -> t.requireSessionRequest(1));
    assertEquals(SEED_MESSAGE, e.getMessage());
    assertEquals(Service.SessionRequestsEnabled, e.service());
    ServiceDisabledException launch =
        assertThrows(ServiceDisabledException.class, t::requireSessionLaunch);
    assertEquals(SEED_MESSAGE, launch.getMessage());
    t.setEnabled(Service.SessionRequestsEnabled, true, "admin");
    t.requireSessionLaunch();
  }

  @Test
  void requireSessionRequest_limitOf1000Sessions() {
    ServiceToggles t = builder().build();
    t.requireSessionRequest(1000);
    ValidationException e =
        assertThrows(ValidationException.class, () -> t.requireSessionRequest(1001));
    assertEquals("SessionCount", e.violations().get(0).path());
    assertTrue(e.getMessage().contains("1001"), e.getMessage());
    assertTrue(e.getMessage().contains("1,000"), e.getMessage());
    assertThrows(ValidationException.class, () -> t.requireSessionRequest(0));
  }

  @Test
  void openRequest_off_newRefused() {
    ServiceToggles t = builder().build();
    t.setEnabled(Service.SshKeyRequestsEnabled, false, "admin");
    ServiceDisabledException e =
        assertThrows(
            ServiceDisabledException.class,
            () -> t.openRequest(Service.SshKeyRequestsEnabled, "r1"));
    assertEquals(Service.SshKeyRequestsEnabled, e.service());
    assertTrue(e.getMessage().contains("SshKeyRequestsEnabled"));
    assertEquals(Optional.empty(), t.requestStatus("r1"));
    t.openRequest(Service.PasswordRequestsEnabled, "r2");
  }

  @Test
  void openRequest_notARequestService_rejected() {
    ServiceToggles t = builder().build();
    assertThrows(
        IllegalArgumentException.class, () -> t.openRequest(Service.PasswordCheckEnabled, "r1"));
    assertThrows(
        IllegalArgumentException.class, () -> t.openRequest(Service.SessionRequestsEnabled, "r1"));
  }

  @Test
  void switchOff_putsOpenRequestsOnHold_switchOn_releasesThem() {
    List<String> moves = new ArrayList<>();
    RequestHoldListener listener =
        new RequestHoldListener() {
          @Override
          public void onHold(Service service, String requestId) {
            moves.add("hold " + service.apiName() + " " + requestId);
          }

          @Override
          public void onReleased(Service service, String requestId) {
            moves.add("release " + service.apiName() + " " + requestId);
          }
        };
    ServiceToggles t = builder().listener(listener).build();
    for (Service s :
        List.of(
            Service.PasswordRequestsEnabled,
            Service.SshKeyRequestsEnabled,
            Service.ApiKeyRequestsEnabled,
            Service.FileRequestsEnabled)) {
      moves.clear();
      t.openRequest(s, s.apiName() + "-a");
      t.openRequest(s, s.apiName() + "-b");
      t.openRequest(
          Service.PasswordRequestsEnabled.equals(s)
              ? Service.FileRequestsEnabled
              : Service.PasswordRequestsEnabled,
          s.apiName() + "-other");
      assertEquals(Optional.of(RequestStatus.Open), t.requestStatus(s.apiName() + "-a"));

      t.setEnabled(s, false, "admin");
      assertEquals(Optional.of(RequestStatus.OnHold), t.requestStatus(s.apiName() + "-a"));
      assertEquals(Optional.of(RequestStatus.Open), t.requestStatus(s.apiName() + "-other"));
      assertEquals(
          List.of(
              "hold " + s.apiName() + " " + s.apiName() + "-a",
              "hold " + s.apiName() + " " + s.apiName() + "-b"),
          moves);

      t.setEnabled(s, true, "admin");
      assertEquals(Optional.of(RequestStatus.Open), t.requestStatus(s.apiName() + "-b"));
      assertEquals(4, moves.size());
      assertEquals("release " + s.apiName() + " " + s.apiName() + "-a", moves.get(2));
      assertTrue(t.closeRequest(s.apiName() + "-a"));
      assertTrue(t.closeRequest(s.apiName() + "-b"));
      assertTrue(t.closeRequest(s.apiName() + "-other"));
    }
  }

  @Test
  void listenerFailure_doesNotUndoChange() {
    ServiceToggles t =
        builder()
            .listener(
                new RequestHoldListener() {
                  @Override
                  public void onHold(Service service, String requestId) {
                    throw new IllegalStateException("boom");
                  }
                })
            .build();
    t.openRequest(Service.PasswordRequestsEnabled, "r1");
    t.setEnabled(Service.PasswordRequestsEnabled, false, "admin");
    assertFalse(t.isEnabled(Service.PasswordRequestsEnabled));
    assertEquals(Optional.of(RequestStatus.OnHold), t.requestStatus("r1"));
  }

  @Test
  void auditLogStream_notLinked_refusedWithReason() {
    ServiceToggles t =
        builder().linkStatus(() -> LinkStatus.notLinked("no session appliance is linked")).build();
    ToggleRefusedException e =
        assertThrows(
            ToggleRefusedException.class,
            () -> t.setEnabled(Service.AuditLogStreamService, true, "admin"));
    assertEquals(Service.AuditLogStreamService, e.service());
    assertTrue(e.getMessage().contains("no session appliance is linked"), e.getMessage());
    assertTrue(e.getMessage().contains("must be linked"), e.getMessage());
    assertFalse(t.isEnabled(Service.AuditLogStreamService));
    assertTrue(publisher.events.isEmpty());
  }

  @Test
  void auditLogStream_defaultSource_refuses() {
    ServiceToggles t = builder().build();
    assertThrows(
        ToggleRefusedException.class,
        () -> t.setEnabled(Service.AuditLogStreamService, true, "admin"));
  }

  @Test
  void auditLogStream_sourceThrows_refusedWithCause() {
    IllegalStateException boom = new IllegalStateException("link service down");
    ServiceToggles t =
        builder()
            .linkStatus(
                () -> {
                  throw boom;
                })
            .build();
    ToggleRefusedException e =
        assertThrows(
            ToggleRefusedException.class,
            () -> t.setEnabled(Service.AuditLogStreamService, true, "admin"));
    assertEquals(boom, e.getCause());
  }

  @Test
  void auditLogStream_linked_switchesOnAndEmitsItsEvent() {
    AtomicReference<LinkStatus> link = new AtomicReference<>(LinkStatus.linked("sps.example"));
    ServiceToggles t = builder().linkStatus(link::get).build();
    assertTrue(t.setEnabled(Service.AuditLogStreamService, true, "admin"));
    assertTrue(t.isEnabled(Service.AuditLogStreamService));
    ApplianceEvent e = publisher.events.get(0);
    assertEquals("AuditLogStreamServiceUpdated", e.name());
    assertTrue(EventCatalog.defaults().contains(e.name()));
    assertEquals("AuditLogStreamService", e.property("ServiceName"));
    // switching off never needs the link
    link.set(LinkStatus.notLinked("unlinked"));
    assertTrue(t.setEnabled(Service.AuditLogStreamService, false, "admin"));
  }

  @Test
  void applicationToApplication_isPerAppliance() {
    ServiceToggles spp1 = builder().build();
    assertTrue(spp1.setApplicationToApplicationEnabled("SPP-2", false, "admin"));
    assertFalse(spp1.isApplicationToApplicationEnabled("SPP-2"));
    assertTrue(spp1.isApplicationToApplicationEnabled("SPP-1"));
    assertTrue(spp1.isEnabled(Service.ApplicationToApplicationEnabled));
    ApplianceEvent e = publisher.events.get(0);
    assertEquals("A2AServiceDisabled", e.name());
    assertTrue(EventCatalog.defaults().contains(e.name()));
    assertEquals("A2AService", e.objectType());
    assertEquals("SPP-2", e.objectId());
    assertEquals(EventLevel.Warn, e.level());

    assertTrue(spp1.setEnabled(Service.ApplicationToApplicationEnabled, false, "admin"));
    assertFalse(spp1.isEnabled(Service.ApplicationToApplicationEnabled));
    assertFalse(spp1.isApplicationToApplicationEnabled("SPP-1"));
    assertEquals("SPP-1", publisher.events.get(1).objectId());

    // the same state seen from SPP-2's engine
    ServiceToggles spp2 =
        ServiceToggles.builder("SPP-2").publisher(publisher).state(spp1.snapshot()).build();
    assertFalse(spp2.isEnabled(Service.ApplicationToApplicationEnabled));
    spp2.setEnabled(Service.ApplicationToApplicationEnabled, true, "admin");
    assertEquals("A2AServiceEnabled", publisher.events.get(2).name());
    assertTrue(spp2.isEnabled(Service.ApplicationToApplicationEnabled));
    assertFalse(spp2.isApplicationToApplicationEnabled("SPP-1"));
  }

  @Test
  void requestDisableAll_noneEnabled_refused() {
    ServiceState allOff = ServiceState.builder().build();
    ServiceState.Builder b = allOff.toBuilder();
    for (Service s : Service.values()) {
      if (s != Service.ApplicationToApplicationEnabled) {
        b.enabled(s, false);
      }
    }
    b.applicationToApplication("SPP-1", false);
    ServiceToggles t = builder().state(b.build()).build();
    ToggleRefusedException e = assertThrows(ToggleRefusedException.class, t::requestDisableAll);
    assertNull(e.service());
    assertTrue(e.getMessage().contains("at least one"), e.getMessage());
  }

  @Test
  void disableAll_withToken_switchesEveryEnabledServiceOff() {
    ServiceToggles t = builder().build();
    t.setEnabled(Service.FileChangeEnabled, false, "admin");
    DisableAllConfirmation c = t.requestDisableAll();
    Set<Service> expected = EnumSet.allOf(Service.class);
    expected.remove(Service.FileChangeEnabled);
    expected.remove(Service.AuditLogStreamService);
    assertEquals(expected, c.services());
    assertFalse(c.toString().contains(c.token()));
    publisher.events.clear();

    Set<Service> off = t.disableAll(c.token(), "admin");
    assertEquals(expected, off);
    for (Service s : Service.values()) {
      assertFalse(t.isEnabled(s), s.apiName());
    }
    assertEquals(expected.size(), publisher.events.size());
    // re-enabling is one by one
    t.setEnabled(Service.PasswordRequestsEnabled, true, "admin");
    assertTrue(t.isEnabled(Service.PasswordRequestsEnabled));
    assertFalse(t.isEnabled(Service.PasswordCheckEnabled));
  }

  @Test
  void disableAll_tokenIsSingleUse() {
    ServiceToggles t = builder().build();
    DisableAllConfirmation c = t.requestDisableAll();
    t.disableAll(c.token(), "admin");
    t.setEnabled(Service.PasswordRequestsEnabled, true, "admin");
    assertThrows(ToggleRefusedException.class, () -> t.disableAll(c.token(), "admin"));
    assertTrue(t.isEnabled(Service.PasswordRequestsEnabled));
  }

  @Test
  void disableAll_unknownOrExpiredToken_refused() {
    ServiceToggles t = builder().confirmationTimeout(Duration.ofMinutes(1)).build();
    assertThrows(ToggleRefusedException.class, () -> t.disableAll("guess", "admin"));
    DisableAllConfirmation c = t.requestDisableAll();
    clock.advance(Duration.ofMinutes(2));
    ToggleRefusedException e =
        assertThrows(ToggleRefusedException.class, () -> t.disableAll(c.token(), "admin"));
    assertTrue(e.getMessage().contains("expired"), e.getMessage());
    assertTrue(t.isEnabled(Service.PasswordRequestsEnabled));
  }

  @Test
  void objectServices_serviceAccountsAndDiscoveredObjects_startDisabled() {
    ServiceToggles t = builder().build();
    ObjectServices added = ObjectServices.forNew("acc-1", ObjectOrigin.Added);
    ObjectServices svc = ObjectServices.forNew("acc-2", ObjectOrigin.ServiceAccount);
    ObjectServices acct = ObjectServices.forNew("acc-3", ObjectOrigin.DiscoveredAccount);
    ObjectServices asset = ObjectServices.forNew("asset-1", ObjectOrigin.DiscoveredAsset);
    assertTrue(t.mayRun(Service.PasswordChangeEnabled, added));
    for (ObjectServices o : List.of(svc, acct, asset)) {
      assertFalse(t.mayRun(Service.PasswordChangeEnabled, o), o.toString());
      ServiceDisabledException e =
          assertThrows(
              ServiceDisabledException.class,
              () -> t.gate(Service.PasswordChangeEnabled).acquire(o));
      assertTrue(e.getMessage().contains(o.objectId()), e.getMessage());
      o.activate();
      assertTrue(t.mayRun(Service.PasswordChangeEnabled, o));
      t.gate(Service.PasswordChangeEnabled).acquire(o).close();
    }
    t.setEnabled(Service.PasswordChangeEnabled, false, "admin");
    assertFalse(t.mayRun(Service.PasswordChangeEnabled, added));
  }

  @Test
  void snapshot_restoresAfterRestart() {
    ServiceToggles t = builder().linkStatus(() -> LinkStatus.linked("sps")).build();
    t.setEnabled(Service.DirectorySyncEnabled, false, "admin");
    t.setEnabled(Service.AuditLogStreamService, true, "admin");
    t.setApplicationToApplicationEnabled("SPP-3", false, "admin");
    ServiceState saved = ServiceState.fromMap(t.snapshot().toMap());
    assertEquals(t.snapshot(), saved);

    ServiceToggles restarted =
        ServiceToggles.builder("SPP-1").publisher(publisher).state(saved).build();
    assertFalse(restarted.isEnabled(Service.DirectorySyncEnabled));
    assertTrue(restarted.isEnabled(Service.AuditLogStreamService));
    assertFalse(restarted.isApplicationToApplicationEnabled("SPP-3"));
    assertTrue(restarted.isEnabled(Service.PasswordChangeEnabled));
  }

  @Test
  void gate_onlyForTaskServices() {
    ServiceToggles t = builder().build();
    for (Service s : Service.values()) {
      if (s.kind() == ServiceKind.Task) {
        assertEquals(s, t.gate(s).service());
      } else {
        assertThrows(IllegalArgumentException.class, () -> t.gate(s), s.apiName());
      }
    }
    assertEquals(
        EnumSet.of(
            Service.PasswordCheckEnabled, Service.PasswordChangeEnabled,
            Service.SshKeyCheckEnabled, Service.SshKeyChangeEnabled,
            Service.ApiKeyCheckEnabled, Service.ApiKeyChangeEnabled,
            Service.FileCheckEnabled, Service.FileChangeEnabled,
            Service.AssetDiscoveryEnabled, Service.DiscoverAccountsEnabled,
            Service.DiscoverServicesEnabled, Service.SshKeyDiscoveryEnabled,
            Service.DirectorySyncEnabled, Service.ScimProvisioningEnabled),
        EnumSet.allOf(Service.class).stream()
            .filter(s -> s.kind() == ServiceKind.Task)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Service.class))));
  }
}
