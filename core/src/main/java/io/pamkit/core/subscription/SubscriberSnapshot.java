// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The content of a {@link SubscriberRegistry} at one moment: every subscriber (system-owned ones
 * included, disabled ones included), ordered by id, with the registry's version at that moment.
 * Versions start at 0 for an empty registry and grow by one with every change, so a consumer can
 * tell which of two snapshots is newer.
 *
 * @param version the registry's version; larger is newer
 * @param subscribers every subscriber, ordered by id; immutable
 */
public record SubscriberSnapshot(long version, List<Subscriber> subscribers) {

  /**
   * Validates and copies the components.
   *
   * @param version the registry's version
   * @param subscribers every subscriber, ordered by id
   * @throws NullPointerException if {@code subscribers} is null or holds null
   */
  public SubscriberSnapshot {
    subscribers = List.copyOf(requireNonNull(subscribers, "subscribers"));
  }
}
