// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceToggles;
import io.pamkit.core.policy.TaskGate;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.notify.syslog.SyslogTransport;
import io.pamkit.testing.SyslogReceiver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class MaintenanceWindowRecipeTest {
  private SyslogReceiver receiver;
  private EventDispatcher dispatcher;
  private ServiceToggles toggles;

  @BeforeEach
  void start() throws Exception {
    receiver = SyslogReceiver.start();
    Subscriber admins =
        Subscriber.builder(Subscriber.SYSLOG)
            .id(1)
            .description("admins")
            .subscribe("ServicesConfigUpdated")
            .syslogProperties(
                SyslogSubscriberProperties.builder()
                    .networkAddress("127.0.0.1")
                    .port(receiver.udpPort())
                    .protocol(SyslogProtocol.UDP)
                    .build())
            .build();
    dispatcher =
        EventDispatcher.builder()
            .transport(SyslogTransport.builder().build())
            .subscribers(List.of(admins))
            .build();
    toggles = ServiceToggles.builder("SPP-1").publisher(dispatcher).build();
  }

  @AfterEach
  void stop() {
    dispatcher.close();
    receiver.close();
  }

  private List<String> awaitSyslog(int n) throws InterruptedException {
    return receiver.awaitMessages(n, Duration.ofSeconds(20));
  }

  @Test
  void begin_waitsForTheRunningTaskAndRefusesNewOnes() throws Exception {
    TaskGate.Permit running = toggles.gate(Service.PASSWORD_CHANGE_ENABLED).acquire();
    CompletableFuture<MaintenanceWindowRecipe.Window> window =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return MaintenanceWindowRecipe.begin(toggles, "maint-bot", Duration.ofMinutes(1));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    while (toggles.isEnabled(Service.PASSWORD_CHANGE_ENABLED)) {
      Thread.onSpinWait();
    }
    assertTrue(
        toggles.gate(Service.PASSWORD_CHANGE_ENABLED).tryAcquire().isEmpty(),
        "no new change task starts inside the window");
    assertFalse(window.isDone(), "the window waits for the running change");
    running.close();
    MaintenanceWindowRecipe.Window w = window.get();
    assertTrue(w.drained());
    assertEquals(0, w.stillRunning());
    assertEquals(MaintenanceWindowRecipe.PASSWORD_MANAGEMENT, w.switchedOff());
    List<String> events = awaitSyslog(2);
    assertEquals(2, events.size());
    assertTrue(
        events.stream().allMatch(l -> l.contains("UserName=\"maint-bot\"")), events.toString());

    MaintenanceWindowRecipe.end(toggles, "maint-bot");
    assertTrue(toggles.isEnabled(Service.PASSWORD_CHANGE_ENABLED));
    assertTrue(toggles.isEnabled(Service.PASSWORD_CHECK_ENABLED));
    assertEquals(4, awaitSyslog(4).size());
  }

  @Test
  void begin_taskStillRunningAtTheDeadline_reportsIt() throws Exception {
    try (TaskGate.Permit running = toggles.gate(Service.PASSWORD_CHECK_ENABLED).acquire()) {
      MaintenanceWindowRecipe.Window w =
          MaintenanceWindowRecipe.begin(toggles, "maint-bot", Duration.ZERO);
      assertFalse(w.drained());
      assertEquals(1, w.stillRunning());
      assertEquals(Service.PASSWORD_CHECK_ENABLED, running.service());
    }
  }
}
