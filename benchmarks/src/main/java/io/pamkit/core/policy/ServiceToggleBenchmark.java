// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import io.pamkit.benchmarks.ShortRun;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * Service-toggle evaluation on the appliance's hot path, against what a user would write instead: a
 * {@code volatile boolean} per switch and a {@code ConcurrentHashMap<String, Boolean>} keyed by the
 * API name.
 *
 * <p>Run (ops/s and B/op):
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ServiceToggleBenchmark -prof gc -rf json
 * }</pre>
 *
 * Expect {@code isEnabled} and {@code requireSessionLaunch} at the {@code volatile boolean}
 * baseline's order of magnitude with {@code gc.alloc.rate.norm} ≈ 0 B/op, also in the {@code
 * readWhileToggling} group where one thread keeps switching services (and publishing events).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ServiceToggleBenchmark extends ShortRun {
  private ServiceToggles toggles;
  private volatile boolean passwordChangeEnabled = true;
  private final Map<String, Boolean> map = new ConcurrentHashMap<>();
  private boolean flip;

  /** Builds the engine (events go to a no-op publisher) and the baselines. */
  @Setup
  public void setUp() {
    toggles = ServiceToggles.builder("SPP-1").publisher(event -> {}).build();
    for (Service s : Service.values()) {
      map.put(s.wireName(), s.enabledByDefault());
    }
  }

  /** Baseline: one volatile read. */
  @Benchmark
  public boolean baseline_volatileBoolean() {
    return passwordChangeEnabled;
  }

  /** Baseline: a hash lookup by the API name. */
  @Benchmark
  public boolean baseline_concurrentHashMap() {
    return map.get("PasswordChangeEnabled");
  }

  /** The engine's check: a volatile read and a bit test. */
  @Benchmark
  public boolean engine_isEnabled() {
    return toggles.isEnabled(Service.PASSWORD_CHANGE_ENABLED);
  }

  /** The session-launch check (throws only when off, which it never is here). */
  @Benchmark
  public int engine_requireSessionLaunch() {
    toggles.requireSessionLaunch();
    return 1;
  }

  /** Acquiring and releasing a task permit (allocates the permit). */
  @Benchmark
  public int engine_taskPermit() {
    try (TaskGate.Permit p = toggles.gate(Service.PASSWORD_CHECK_ENABLED).acquire()) {
      return p.service().ordinal();
    }
  }

  /** Readers of a service that a writer keeps switching. */
  @Benchmark
  @Group("readWhileToggling")
  @GroupThreads(3)
  public boolean reader() {
    return toggles.isEnabled(Service.PASSWORD_REQUESTS_ENABLED);
  }

  /** The writer of the group: switches the service on and off (one event per change). */
  @Benchmark
  @Group("readWhileToggling")
  @GroupThreads(1)
  public boolean writer() {
    flip = !flip;
    return toggles.setEnabled(Service.PASSWORD_REQUESTS_ENABLED, flip, "bench");
  }
}
