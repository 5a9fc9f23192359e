// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.benchmarks;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings of the quick benchmarks: one fork, three warm-up and five measured iterations of
 * one second each, and the benchmark class as the state shared by its threads. A benchmark class
 * that extends this one inherits them (JMH reads its annotations from superclasses too) and adds
 * its own {@code @BenchmarkMode} and {@code @OutputTimeUnit}.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class ShortRun {
  /** For subclasses. */
  protected ShortRun() {}
}
