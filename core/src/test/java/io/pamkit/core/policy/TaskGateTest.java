package io.pamkit.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class TaskGateTest {
  private final ServiceToggles toggles =
      ServiceToggles.builder("SPP-1").publisher(new RecordingPublisher()).build();

  @Test
  void acquire_on_grantsPermitAndCountsIt() {
    TaskGate gate = toggles.gate(Service.PasswordCheckEnabled);
    TaskGate.Permit p = gate.acquire();
    assertEquals(1, gate.running());
    assertEquals(Service.PasswordCheckEnabled, p.service());
    p.close();
    p.close();
    assertEquals(0, gate.running());
  }

  @Test
  void acquire_off_refusedScheduledOrManual() {
    for (Service s : Service.values()) {
      if (s.kind() != ServiceKind.Task) {
        continue;
      }
      toggles.setEnabled(s, false, "admin");
      TaskGate gate = toggles.gate(s);
      ServiceDisabledException e = assertThrows(ServiceDisabledException.class, gate::acquire);
      assertEquals(s, e.service());
      assertTrue(e.getMessage().contains(s.apiName()), e.getMessage());
      assertTrue(gate.tryAcquire().isEmpty());
      assertEquals(0, gate.running());
      toggles.setEnabled(s, true, "admin");
      gate.acquire().close();
    }
  }

  @Test
  void switchOff_runningTasksFinish_newOnesRefused() throws Exception {
    TaskGate gate = toggles.gate(Service.DiscoverAccountsEnabled);
    TaskGate.Permit running = gate.acquire();
    toggles.setEnabled(Service.DiscoverAccountsEnabled, false, "admin");
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
    assertTrue(toggles.gate(Service.DirectorySyncEnabled).awaitDrained(Duration.ZERO));
  }

  @Test
  void concurrentAcquireAndSwitchOff_noPermitAfterDrain() throws Exception {
    TaskGate gate = toggles.gate(Service.SshKeyChangeEnabled);
    java.util.concurrent.atomic.AtomicLong grants = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicBoolean drainedFlag =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicLong grantsAfterDrain =
        new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    CountDownLatch started = new CountDownLatch(4);
    java.util.List<java.util.concurrent.Future<?>> workers = new java.util.ArrayList<>();
    try {
      for (int t = 0; t < 4; t++) {
        workers.add(pool.submit(() -> {
          started.countDown();
          for (int i = 0; i < 200_000; i++) {
            var permit = gate.tryAcquire();
            if (permit.isPresent()) {
              grants.incrementAndGet();
              if (drainedFlag.get()) {
                grantsAfterDrain.incrementAndGet();
              }
              permit.get().close();
            }
          }
          return null;
        }));
      }
      assertTrue(started.await(1, TimeUnit.MINUTES));
      toggles.setEnabled(Service.SshKeyChangeEnabled, false, "admin");
      assertTrue(gate.awaitDrained(Duration.ofMinutes(1)));
      drainedFlag.set(true);
      for (var w : workers) {
        w.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, grantsAfterDrain.get());
    assertEquals(0, gate.running());
  }
}
