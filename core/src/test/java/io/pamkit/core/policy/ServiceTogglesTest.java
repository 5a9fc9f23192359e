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
  void services_matchWireNamesAndGroups() {
    Set<String> config =
        EnumSet.allOf(Service.class).stream()
            .filter(Service::inServicesConfig)
            .map(Service::wireName)
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
    assertEquals(ServiceGroup.REQUESTS, Service.SESSION_REQUESTS_ENABLED.group());
    assertEquals(ServiceGroup.PASSWORD_MANAGEMENT, Service.PASSWORD_CHECK_ENABLED.group());
    assertEquals(ServiceGroup.SSH_KEY_MANAGEMENT, Service.SSH_KEY_CHANGE_ENABLED.group());
    assertEquals(ServiceGroup.DISCOVERY, Service.SSH_KEY_DISCOVERY_ENABLED.group());
    assertEquals(ServiceGroup.DIRECTORY, Service.DIRECTORY_SYNC_ENABLED.group());
    assertEquals(ServiceGroup.AUDIT, Service.AUDIT_LOG_STREAM_SERVICE.group());
    assertEquals(
        ServiceGroup.APPLICATION_TO_APPLICATION,
        Service.APPLICATION_TO_APPLICATION_ENABLED.group());
    assertEquals(Optional.of(Service.FILE_CHECK_ENABLED), Service.fromWireName("FileCheckEnabled"));
    assertEquals(Optional.empty(), Service.fromWireName("fileCheckEnabled"));
  }

  @Test
  void build_defaults_allOnExceptAuditLogStream() {
    ServiceToggles t = builder().build();
    for (Service s : Service.values()) {
      assertEquals(s != Service.AUDIT_LOG_STREAM_SERVICE, t.isEnabled(s), s.wireName());
      assertEquals(s != Service.AUDIT_LOG_STREAM_SERVICE, s.enabledByDefault(), s.wireName());
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
    assertTrue(t.setEnabled(Service.PASSWORD_CHANGE_ENABLED, false, "admin"));
    assertFalse(t.isEnabled(Service.PASSWORD_CHANGE_ENABLED));
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
    assertFalse(t.setEnabled(Service.PASSWORD_CHANGE_ENABLED, true, "admin"));
    assertTrue(publisher.events.isEmpty());
    assertEquals(0, t.version());
  }

  @Test
  void setEnabled_actorWithNewline_rejected() {
    ServiceToggles t = builder().build();
    assertThrows(
        IllegalArgumentException.class,
        () -> t.setEnabled(Service.PASSWORD_CHANGE_ENABLED, false, "admin\nForged: line"));
    assertTrue(t.isEnabled(Service.PASSWORD_CHANGE_ENABLED));
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
        PamkitException.class, () -> t.setEnabled(Service.PASSWORD_CHECK_ENABLED, false, "admin"));
    assertTrue(t.isEnabled(Service.PASSWORD_CHECK_ENABLED));
    assertEquals(0, t.version());
  }

  @Test
  void requireSessionRequest_off_refusedWithSeedMessage() {
    ServiceToggles t = builder().build();
    t.requireSessionRequest(1);
    t.setEnabled(Service.SESSION_REQUESTS_ENABLED, false, "admin");
    ServiceDisabledException e =
        assertThrows(ServiceDisabledException.class, () -> t.requireSessionRequest(1));
    assertEquals(SEED_MESSAGE, e.getMessage());
    assertEquals(Service.SESSION_REQUESTS_ENABLED, e.service());
    ServiceDisabledException launch =
        assertThrows(ServiceDisabledException.class, t::requireSessionLaunch);
    assertEquals(SEED_MESSAGE, launch.getMessage());
    t.setEnabled(Service.SESSION_REQUESTS_ENABLED, true, "admin");
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
    t.setEnabled(Service.SSH_KEY_REQUESTS_ENABLED, false, "admin");
    ServiceDisabledException e =
        assertThrows(
            ServiceDisabledException.class,
            () -> t.openRequest(Service.SSH_KEY_REQUESTS_ENABLED, "r1"));
    assertEquals(Service.SSH_KEY_REQUESTS_ENABLED, e.service());
    assertTrue(e.getMessage().contains("SshKeyRequestsEnabled"));
    assertEquals(Optional.empty(), t.requestStatus("r1"));
    t.openRequest(Service.PASSWORD_REQUESTS_ENABLED, "r2");
  }

  @Test
  void openRequest_notARequestService_rejected() {
    ServiceToggles t = builder().build();
    assertThrows(
        IllegalArgumentException.class, () -> t.openRequest(Service.PASSWORD_CHECK_ENABLED, "r1"));
    assertThrows(
        IllegalArgumentException.class,
        () -> t.openRequest(Service.SESSION_REQUESTS_ENABLED, "r1"));
  }

  @Test
  void switchOff_putsOpenRequestsOnHold_switchOn_releasesThem() {
    List<String> moves = new ArrayList<>();
    RequestHoldListener listener =
        new RequestHoldListener() {
          @Override
          public void onHold(Service service, String requestId) {
            moves.add("hold " + service.wireName() + " " + requestId);
          }

          @Override
          public void onReleased(Service service, String requestId) {
            moves.add("release " + service.wireName() + " " + requestId);
          }
        };
    ServiceToggles t = builder().listener(listener).build();
    for (Service s :
        List.of(
            Service.PASSWORD_REQUESTS_ENABLED,
            Service.SSH_KEY_REQUESTS_ENABLED,
            Service.API_KEY_REQUESTS_ENABLED,
            Service.FILE_REQUESTS_ENABLED)) {
      moves.clear();
      t.openRequest(s, s.wireName() + "-a");
      t.openRequest(s, s.wireName() + "-b");
      t.openRequest(
          Service.PASSWORD_REQUESTS_ENABLED.equals(s)
              ? Service.FILE_REQUESTS_ENABLED
              : Service.PASSWORD_REQUESTS_ENABLED,
          s.wireName() + "-other");
      assertEquals(Optional.of(RequestStatus.OPEN), t.requestStatus(s.wireName() + "-a"));

      t.setEnabled(s, false, "admin");
      assertEquals(Optional.of(RequestStatus.ON_HOLD), t.requestStatus(s.wireName() + "-a"));
      assertEquals(Optional.of(RequestStatus.OPEN), t.requestStatus(s.wireName() + "-other"));
      assertEquals(
          List.of(
              "hold " + s.wireName() + " " + s.wireName() + "-a",
              "hold " + s.wireName() + " " + s.wireName() + "-b"),
          moves);

      t.setEnabled(s, true, "admin");
      assertEquals(Optional.of(RequestStatus.OPEN), t.requestStatus(s.wireName() + "-b"));
      assertEquals(4, moves.size());
      assertEquals("release " + s.wireName() + " " + s.wireName() + "-a", moves.get(2));
      assertTrue(t.closeRequest(s.wireName() + "-a"));
      assertTrue(t.closeRequest(s.wireName() + "-b"));
      assertTrue(t.closeRequest(s.wireName() + "-other"));
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
    t.openRequest(Service.PASSWORD_REQUESTS_ENABLED, "r1");
    t.setEnabled(Service.PASSWORD_REQUESTS_ENABLED, false, "admin");
    assertFalse(t.isEnabled(Service.PASSWORD_REQUESTS_ENABLED));
    assertEquals(Optional.of(RequestStatus.ON_HOLD), t.requestStatus("r1"));
  }

  @Test
  void auditLogStream_notLinked_refusedWithReason() {
    ServiceToggles t =
        builder().linkStatus(() -> LinkStatus.notLinked("no session appliance is linked")).build();
    ToggleRefusedException e =
        assertThrows(
            ToggleRefusedException.class,
            () -> t.setEnabled(Service.AUDIT_LOG_STREAM_SERVICE, true, "admin"));
    assertEquals(Service.AUDIT_LOG_STREAM_SERVICE, e.service());
    assertTrue(e.getMessage().contains("no session appliance is linked"), e.getMessage());
    assertTrue(e.getMessage().contains("must be linked"), e.getMessage());
    assertFalse(t.isEnabled(Service.AUDIT_LOG_STREAM_SERVICE));
    assertTrue(publisher.events.isEmpty());
  }

  @Test
  void auditLogStream_defaultSource_refuses() {
    ServiceToggles t = builder().build();
    assertThrows(
        ToggleRefusedException.class,
        () -> t.setEnabled(Service.AUDIT_LOG_STREAM_SERVICE, true, "admin"));
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
            () -> t.setEnabled(Service.AUDIT_LOG_STREAM_SERVICE, true, "admin"));
    assertEquals(boom, e.getCause());
  }

  @Test
  void auditLogStream_linked_switchesOnAndEmitsItsEvent() {
    AtomicReference<LinkStatus> link = new AtomicReference<>(LinkStatus.linked("sps.example"));
    ServiceToggles t = builder().linkStatus(link::get).build();
    assertTrue(t.setEnabled(Service.AUDIT_LOG_STREAM_SERVICE, true, "admin"));
    assertTrue(t.isEnabled(Service.AUDIT_LOG_STREAM_SERVICE));
    ApplianceEvent e = publisher.events.get(0);
    assertEquals("AuditLogStreamServiceUpdated", e.name());
    assertTrue(EventCatalog.defaults().contains(e.name()));
    assertEquals("AuditLogStreamService", e.property("ServiceName"));
    // switching off never needs the link
    link.set(LinkStatus.notLinked("unlinked"));
    assertTrue(t.setEnabled(Service.AUDIT_LOG_STREAM_SERVICE, false, "admin"));
  }

  @Test
  void applicationToApplication_isPerAppliance() {
    ServiceToggles spp1 = builder().build();
    assertTrue(spp1.setApplicationToApplicationEnabled("SPP-2", false, "admin"));
    assertFalse(spp1.isApplicationToApplicationEnabled("SPP-2"));
    assertTrue(spp1.isApplicationToApplicationEnabled("SPP-1"));
    assertTrue(spp1.isEnabled(Service.APPLICATION_TO_APPLICATION_ENABLED));
    ApplianceEvent e = publisher.events.get(0);
    assertEquals("A2AServiceDisabled", e.name());
    assertTrue(EventCatalog.defaults().contains(e.name()));
    assertEquals("A2AService", e.objectType());
    assertEquals("SPP-2", e.objectId());
    assertEquals(EventLevel.WARN, e.level());

    assertTrue(spp1.setEnabled(Service.APPLICATION_TO_APPLICATION_ENABLED, false, "admin"));
    assertFalse(spp1.isEnabled(Service.APPLICATION_TO_APPLICATION_ENABLED));
    assertFalse(spp1.isApplicationToApplicationEnabled("SPP-1"));
    assertEquals("SPP-1", publisher.events.get(1).objectId());

    // the same state seen from SPP-2's engine
    ServiceToggles spp2 =
        ServiceToggles.builder("SPP-2").publisher(publisher).state(spp1.snapshot()).build();
    assertFalse(spp2.isEnabled(Service.APPLICATION_TO_APPLICATION_ENABLED));
    spp2.setEnabled(Service.APPLICATION_TO_APPLICATION_ENABLED, true, "admin");
    assertEquals("A2AServiceEnabled", publisher.events.get(2).name());
    assertTrue(spp2.isEnabled(Service.APPLICATION_TO_APPLICATION_ENABLED));
    assertFalse(spp2.isApplicationToApplicationEnabled("SPP-1"));
  }

  @Test
  void requestDisableAll_noneEnabled_refused() {
    ServiceState allOff = ServiceState.builder().build();
    ServiceState.Builder b = allOff.toBuilder();
    for (Service s : Service.values()) {
      if (s != Service.APPLICATION_TO_APPLICATION_ENABLED) {
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
    t.setEnabled(Service.FILE_CHANGE_ENABLED, false, "admin");
    DisableAllConfirmation c = t.requestDisableAll();
    Set<Service> expected = EnumSet.allOf(Service.class);
    expected.remove(Service.FILE_CHANGE_ENABLED);
    expected.remove(Service.AUDIT_LOG_STREAM_SERVICE);
    assertEquals(expected, c.services());
    assertFalse(c.toString().contains(c.token()));
    publisher.events.clear();

    Set<Service> off = t.disableAll(c.token(), "admin");
    assertEquals(expected, off);
    for (Service s : Service.values()) {
      assertFalse(t.isEnabled(s), s.wireName());
    }
    assertEquals(expected.size(), publisher.events.size());
    // re-enabling is one by one
    t.setEnabled(Service.PASSWORD_REQUESTS_ENABLED, true, "admin");
    assertTrue(t.isEnabled(Service.PASSWORD_REQUESTS_ENABLED));
    assertFalse(t.isEnabled(Service.PASSWORD_CHECK_ENABLED));
  }

  @Test
  void disableAll_tokenIsSingleUse() {
    ServiceToggles t = builder().build();
    DisableAllConfirmation c = t.requestDisableAll();
    t.disableAll(c.token(), "admin");
    t.setEnabled(Service.PASSWORD_REQUESTS_ENABLED, true, "admin");
    assertThrows(ToggleRefusedException.class, () -> t.disableAll(c.token(), "admin"));
    assertTrue(t.isEnabled(Service.PASSWORD_REQUESTS_ENABLED));
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
    assertTrue(t.isEnabled(Service.PASSWORD_REQUESTS_ENABLED));
  }

  @Test
  void objectServices_serviceAccountsAndDiscoveredObjects_startDisabled() {
    ServiceToggles t = builder().build();
    ObjectServices added = ObjectServices.forNew("acc-1", ObjectOrigin.ADDED);
    ObjectServices svc = ObjectServices.forNew("acc-2", ObjectOrigin.SERVICE_ACCOUNT);
    ObjectServices acct = ObjectServices.forNew("acc-3", ObjectOrigin.DISCOVERED_ACCOUNT);
    ObjectServices asset = ObjectServices.forNew("asset-1", ObjectOrigin.DISCOVERED_ASSET);
    assertTrue(t.mayRun(Service.PASSWORD_CHANGE_ENABLED, added));
    for (ObjectServices o : List.of(svc, acct, asset)) {
      assertFalse(t.mayRun(Service.PASSWORD_CHANGE_ENABLED, o), o.toString());
      ServiceDisabledException e =
          assertThrows(
              ServiceDisabledException.class,
              () -> t.gate(Service.PASSWORD_CHANGE_ENABLED).acquire(o));
      assertTrue(e.getMessage().contains(o.objectId()), e.getMessage());
      o.activate();
      assertTrue(t.mayRun(Service.PASSWORD_CHANGE_ENABLED, o));
      t.gate(Service.PASSWORD_CHANGE_ENABLED).acquire(o).close();
    }
    t.setEnabled(Service.PASSWORD_CHANGE_ENABLED, false, "admin");
    assertFalse(t.mayRun(Service.PASSWORD_CHANGE_ENABLED, added));
  }

  @Test
  void snapshot_restoresAfterRestart() {
    ServiceToggles t = builder().linkStatus(() -> LinkStatus.linked("sps")).build();
    t.setEnabled(Service.DIRECTORY_SYNC_ENABLED, false, "admin");
    t.setEnabled(Service.AUDIT_LOG_STREAM_SERVICE, true, "admin");
    t.setApplicationToApplicationEnabled("SPP-3", false, "admin");
    ServiceState saved = ServiceState.fromMap(t.snapshot().toMap());
    assertEquals(t.snapshot(), saved);

    ServiceToggles restarted =
        ServiceToggles.builder("SPP-1").publisher(publisher).state(saved).build();
    assertFalse(restarted.isEnabled(Service.DIRECTORY_SYNC_ENABLED));
    assertTrue(restarted.isEnabled(Service.AUDIT_LOG_STREAM_SERVICE));
    assertFalse(restarted.isApplicationToApplicationEnabled("SPP-3"));
    assertTrue(restarted.isEnabled(Service.PASSWORD_CHANGE_ENABLED));
  }

  @Test
  void gate_onlyForTaskServices() {
    ServiceToggles t = builder().build();
    for (Service s : Service.values()) {
      if (s.kind() == ServiceKind.TASK) {
        assertEquals(s, t.gate(s).service());
      } else {
        assertThrows(IllegalArgumentException.class, () -> t.gate(s), s.wireName());
      }
    }
    assertEquals(
        EnumSet.of(
            Service.PASSWORD_CHECK_ENABLED, Service.PASSWORD_CHANGE_ENABLED,
            Service.SSH_KEY_CHECK_ENABLED, Service.SSH_KEY_CHANGE_ENABLED,
            Service.API_KEY_CHECK_ENABLED, Service.API_KEY_CHANGE_ENABLED,
            Service.FILE_CHECK_ENABLED, Service.FILE_CHANGE_ENABLED,
            Service.ASSET_DISCOVERY_ENABLED, Service.DISCOVER_ACCOUNTS_ENABLED,
            Service.DISCOVER_SERVICES_ENABLED, Service.SSH_KEY_DISCOVERY_ENABLED,
            Service.DIRECTORY_SYNC_ENABLED, Service.SCIM_PROVISIONING_ENABLED),
        EnumSet.allOf(Service.class).stream()
            .filter(s -> s.kind() == ServiceKind.TASK)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Service.class))));
  }
}
