// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many threads toggle and evaluate at once. Every change is published (in the order the engine
 * applies them) before it takes effect, so the published events give the state of every version.
 * Each evaluation reads the version before and after its check; the decision must equal the
 * service's state in some version within that window (linearisability of the register).
 */
final class ServiceTogglesConcurrencyTest {
  private static final Service[] WATCHED = {
    Service.PASSWORD_REQUESTS_ENABLED,
    Service.SESSION_REQUESTS_ENABLED,
    Service.PASSWORD_CHECK_ENABLED
  };

  private record Observation(Service service, long before, boolean decision, long after) {}

  @Test
  void concurrentToggleAndEvaluate_noDecisionContradictsHistory() throws Exception {
    RecordingPublisher publisher = new RecordingPublisher();
    ServiceToggles toggles = ServiceToggles.builder("SPP-1").publisher(publisher).build();
    int togglers = 4;
    int readers = 4;
    int changesPerToggler = 2_000;
    int readsPerReader = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(togglers + readers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Observation>>> reads = new ArrayList<>();
    List<Future<?>> writes = new ArrayList<>();
    try {
      for (int i = 0; i < togglers; i++) {
        writes.add(
            pool.submit(
                () -> {
                  start.await();
                  ThreadLocalRandom r = ThreadLocalRandom.current();
                  for (int n = 0; n < changesPerToggler; n++) {
                    toggles.setEnabled(WATCHED[r.nextInt(WATCHED.length)], r.nextBoolean(), "t");
                  }
                  return null;
                }));
      }
      for (int i = 0; i < readers; i++) {
        reads.add(
            pool.submit(
                () -> {
                  start.await();
                  ThreadLocalRandom r = ThreadLocalRandom.current();
                  List<Observation> seen = new ArrayList<>(readsPerReader);
                  for (int n = 0; n < readsPerReader; n++) {
                    Service s = WATCHED[r.nextInt(WATCHED.length)];
                    long before = toggles.version();
                    boolean d = toggles.isEnabled(s);
                    long after = toggles.version();
                    seen.add(new Observation(s, before, d, after));
                  }
                  return seen;
                }));
      }
      start.countDown();
      for (Future<?> w : writes) {
        w.get(2, TimeUnit.MINUTES);
      }
      List<Observation> all = new ArrayList<>();
      for (Future<List<Observation>> f : reads) {
        all.addAll(f.get(2, TimeUnit.MINUTES));
      }

      // Replay the history: states[v][service] is the state after version v.
      List<ApplianceEvent> events = publisher.events;
      assertEquals(events.size(), toggles.version(), "one event per version");
      boolean[][] states = new boolean[events.size() + 1][Service.values().length];
      for (Service s : Service.values()) {
        states[0][s.ordinal()] = s.enabledByDefault();
      }
      for (int v = 1; v <= events.size(); v++) {
        states[v] = states[v - 1].clone();
        ApplianceEvent e = events.get(v - 1);
        Service s = Service.fromWireName(e.property("ServiceName")).orElseThrow();
        assertEquals(
            String.valueOf(states[v - 1][s.ordinal()]),
            e.property("OldValue"),
            "event " + v + " old value must match the previous state");
        states[v][s.ordinal()] = Boolean.parseBoolean(e.property("NewValue"));
      }
      int contradictions = 0;
      for (Observation o : all) {
        boolean explained = false;
        for (long v = o.before(); v <= o.after() && !explained; v++) {
          explained = states[(int) v][o.service().ordinal()] == o.decision();
        }
        if (!explained) {
          contradictions++;
        }
      }
      assertEquals(0, contradictions, "decisions contradicting the history");
      assertTrue(toggles.version() > 0);
      for (Service s : WATCHED) {
        assertEquals(states[events.size()][s.ordinal()], toggles.isEnabled(s));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
