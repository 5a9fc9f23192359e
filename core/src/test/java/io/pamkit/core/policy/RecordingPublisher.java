// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every published event, in order. */
final class RecordingPublisher implements EventPublisher {
  final List<ApplianceEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void publish(ApplianceEvent event) {
    events.add(event);
  }
}
