package io.pamkit.core.event;

/**
 * Something that accepts appliance events for delivery to their subscribers. The dispatch
 * engine implements it; components that emit events (the service-toggle engine, the subscriber
 * registry's test event) depend only on this interface. A lambda implements {@link #publish};
 * {@link #publishTo} has a default that refuses.
 */
@FunctionalInterface
public interface EventPublisher {

  /**
   * Publishes one event.
   *
   * @param event the event to deliver to every matching subscriber
   * @throws io.pamkit.core.PamkitException if the event cannot be accepted (for example a full
   *     lane with a refusing back-pressure policy); it is never dropped silently
   */
  void publish(ApplianceEvent event);

  /**
   * Publishes one event to one subscriber alone, whatever that subscriber's subscriptions,
   * property filter or enabled flag, and to no other: the appliance's "send test event". The
   * dispatch engine implements it; the default refuses, because a publisher that cannot target
   * one subscriber must not deliver a test event to all of them.
   *
   * @param event the event, typically a {@code Test} event
   * @param subscriberId the id of the one subscriber to deliver to
   * @throws UnsupportedOperationException if this publisher cannot deliver to one subscriber
   * @throws io.pamkit.core.PamkitException if the event cannot be accepted, or no subscriber has
   *     that id ({@link io.pamkit.core.subscription.NoSuchSubscriberException})
   */
  default void publishTo(ApplianceEvent event, int subscriberId) {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot publish an event to one subscriber");
  }
}
