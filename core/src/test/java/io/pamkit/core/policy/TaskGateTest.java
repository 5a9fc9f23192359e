// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class TaskGateTest {
  private final ServiceToggles toggles =
      ServiceToggles.builder("SPP-1").publisher(new RecordingPublisher()).build();

  @Test
  void acquire_on_grantsPermitAndCountsIt() {
    TaskGate gate = toggles.gate(Service.PASSWORD_CHECK_ENABLED);
    TaskGate.Permit p = gate.acquire();
    assertEquals(1, gate.running());
    assertEquals(Service.PASSWORD_CHECK_ENABLED, p.service());
    p.close();
    p.close();
    assertEquals(0, gate.running());
  }

  @Test
  void acquire_off_refusedScheduledOrManual() {
    for (Service s : Service.values()) {
      if (s.kind() != ServiceKind.TASK) {
        continue;
      }
      toggles.setEnabled(s, false, "admin");
      TaskGate gate = toggles.gate(s);
      ServiceDisabledException e = assertThrows(ServiceDisabledException.class, gate::acquire);
      assertEquals(s, e.service());
      assertTrue(e.getMessage().contains(s.wireName()), e.getMessage());
      assertTrue(gate.tryAcquire().isEmpty());
      assertEquals(0, gate.running());
      toggles.setEnabled(s, true, "admin");
      gate.acquire().close();
    }
  }

  @Test
  void switchOff_runningTasksFinish_newOnesRefused() throws Exception {
    TaskGate gate = toggles.gate(Service.DISCOVER_ACCOUNTS_ENABLED);
    TaskGate.Permit running = gate.acquire();
    toggles.setEnabled(Service.DISCOVER_ACCOUNTS_ENABLED, false, "admin");
    assertEquals(1, gate.running());
    assertThrows(ServiceDisabledException.class, gate::acquire);
    assertFalse(gate.awaitDrained(Duration.ofMillis(20)));

    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Boolean> drained =
        CompletableFuture.supplyAsync(
            () -> {
              waiting.countDown();
              try {
                return gate.awaitDrained(Duration.ofMinutes(1));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertTrue(waiting.await(1, TimeUnit.MINUTES));
    running.close();
    assertTrue(drained.get(1, TimeUnit.MINUTES));
    assertEquals(0, gate.running());
  }

  @Test
  void awaitDrained_nothingRunning_returnsAtOnce() throws Exception {
    assertTrue(toggles.gate(Service.DIRECTORY_SYNC_ENABLED).awaitDrained(Duration.ZERO));
  }

  @Test
  void concurrentAcquireAndSwitchOff_noPermitAfterDrain() throws Exception {
    // Many rounds of switch-off + drain while workers keep acquiring: once awaitDrained has
    // returned true, no worker may hold a permit until the service is switched back on.
    TaskGate gate = toggles.gate(Service.SSH_KEY_CHANGE_ENABLED);
    AtomicLong grants = new AtomicLong();
    AtomicLong violations = new AtomicLong();
    AtomicBoolean drained = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < 3; t++) {
        workers.add(
            pool.submit(
                () -> {
                  while (!stop.get()) {
                    var permit = gate.tryAcquire();
                    if (permit.isPresent()) {
                      grants.incrementAndGet();
                      if (drained.get()) {
                        violations.incrementAndGet();
                      }
                      permit.get().close();
                    } else {
                      Thread.yield();
                    }
                  }
                  return null;
                }));
      }
      for (int round = 0; round < 200; round++) {
        drained.set(false);
        toggles.setEnabled(Service.SSH_KEY_CHANGE_ENABLED, true, "admin");
        long before = grants.get();
        while (grants.get() < before + 3) {
          Thread.onSpinWait();
        }
        toggles.setEnabled(Service.SSH_KEY_CHANGE_ENABLED, false, "admin");
        assertTrue(gate.awaitDrained(Duration.ofMinutes(1)));
        drained.set(true);
        for (int spin = 0; spin < 1_000; spin++) {
          Thread.onSpinWait();
        }
      }
    } finally {
      stop.set(true);
      for (var w : workers) {
        w.get(1, TimeUnit.MINUTES);
      }
      pool.shutdownNow();
    }
    assertEquals(0, violations.get(), "permits granted after the drain completed");
    assertEquals(0, gate.running());
  }
}
