// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch.spi;

/**
 * Where a transport reports its own measurements (connections opened, bytes written, tokens
 * fetched, ...), beside the ones the dispatcher records for every lane. Implementations must be
 * thread-safe and fast; they must not throw.
 */
@FunctionalInterface
public interface TransportMetrics {

  /**
   * Adds to a counter.
   *
   * @param transport the transport's provider name, e.g. {@code "smtp"}
   * @param name the counter, e.g. {@code "connections"}
   * @param amount the amount to add
   */
  void count(String transport, String name, long amount);

  /**
   * Returns metrics that record nothing.
   *
   * @return the no-op metrics
   */
  static TransportMetrics none() {
    return (transport, name, amount) -> {};
  }
}
