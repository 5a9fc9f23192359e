// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.event;

/**
 * An {@link EventPublisher} that can also deliver an event to one subscriber alone, as the
 * appliance's "send test event" does. The dispatch engine implements it; the subscriber registry
 * needs it for {@code sendTestEvent}.
 */
public interface TargetedEventPublisher extends EventPublisher {

  /**
   * Delivers an event to one subscriber alone, whether or not it is enabled, subscribed to the
   * event or filtered: the appliance's "send test event".
   *
   * @param event the event to deliver
   * @param subscriberId the subscriber's id
   * @throws io.pamkit.core.PamkitException if the event cannot be accepted, or no subscriber has
   *     that id ({@link io.pamkit.core.subscription.NoSuchSubscriberException})
   */
  void publishTo(ApplianceEvent event, int subscriberId);
}
