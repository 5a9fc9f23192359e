// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.event;

/**
 * Something that accepts appliance events for delivery to their subscribers. The dispatch engine
 * implements it; components that emit events (the service-toggle engine, the subscriber registry's
 * test event) depend only on this interface. A lambda implements it; {@link TargetedEventPublisher}
 * adds delivery to one subscriber.
 */
@FunctionalInterface
public interface EventPublisher {

  /**
   * Publishes one event.
   *
   * @param event the event to deliver to every matching subscriber
   * @throws io.pamkit.core.PamkitException if the event cannot be accepted (for example a full lane
   *     with a refusing back-pressure policy); it is never dropped silently
   */
  void publish(ApplianceEvent event);
}
