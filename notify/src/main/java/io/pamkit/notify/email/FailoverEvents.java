// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.Scheduler;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.event.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FailoverListener} that turns a failover into an appliance event, {@value #EVENT_NAME}
 * (the appliance's email-failure event, level from the catalog, {@code Error} by default), and
 * publishes it to the document's subscribers, so that a broken primary email provider raises an
 * alert on syslog, SNMP or a webhook while mail still flows through the fallback.
 *
 * <pre>{@code
 * ConfiguredTransports transports = ConfiguredTransports.builder(config).build();
 * EventDispatcher dispatcher = EventDispatcher.builder()
 *     .subscribers(config.eventSubscribers()).transports(transports).build();
 * transports.failoverEvents().publishTo(dispatcher); // from now on failovers are published
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p>The event carries the properties {@code FailedProviders} (the names of the providers that
 * failed, comma-separated), {@code DeliveredBy}, {@code Reason} (the first failure's type and
 * message), {@code EventName} and {@code EventId} (of the notification that failed over) and {@code
 * Recipient}. It is published from the scheduler, not from the sending thread, so a synchronous
 * dispatcher is not re-entered. At most one event per set of failed providers is published within
 * the {@linkplain #create(Scheduler, Clock, EventCatalog, Duration) minimum interval}, and a
 * failover of an {@value #EVENT_NAME} email itself publishes nothing (no feedback loop). Until
 * {@link #publishTo} is called, failovers are only logged. Thread-safe.
 */
public final class FailoverEvents implements FailoverListener {
  /** The name of the event published: the appliance's email-failure event. */
  public static final String EVENT_NAME = "EmailNotificationFailed";

  private static final Logger LOG = LoggerFactory.getLogger(FailoverEvents.class);

  private final Scheduler scheduler;
  private final Clock clock;
  private final EventLevel level;
  private final Duration minimumInterval;
  private final AtomicReference<@Nullable EventPublisher> publisher = new AtomicReference<>();
  private final Map<String, Instant> lastPublished = new ConcurrentHashMap<>();

  private FailoverEvents(
      Scheduler scheduler, Clock clock, EventLevel level, Duration minimumInterval) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.level = level;
    this.minimumInterval = minimumInterval;
  }

  /**
   * Creates the listener; nothing is published until {@link #publishTo}.
   *
   * @param scheduler runs the publishing, off the sending thread
   * @param clock the clock of the events and of the minimum interval
   * @param catalog the catalog the event's level is taken from
   * @param minimumInterval the least time between two events for the same failed providers; zero
   *     publishes every failover
   * @return the listener
   * @throws IllegalArgumentException if the interval is negative
   */
  public static FailoverEvents create(
      Scheduler scheduler, Clock clock, EventCatalog catalog, Duration minimumInterval) {
    requireNonNull(minimumInterval, "minimumInterval");
    if (minimumInterval.isNegative()) {
      throw new IllegalArgumentException(
          "minimumInterval must not be negative: " + minimumInterval);
    }
    EventLevel level =
        requireNonNull(catalog, "catalog")
            .find(EVENT_NAME)
            .map(d -> d.defaultLevel())
            .orElse(EventLevel.ERROR);
    return new FailoverEvents(
        requireNonNull(scheduler, "scheduler"),
        requireNonNull(clock, "clock"),
        level,
        minimumInterval);
  }

  /**
   * Sets where the events go, normally the dispatcher the email chain was handed to.
   *
   * @param publisher the publisher
   */
  public void publishTo(EventPublisher publisher) {
    this.publisher.set(requireNonNull(publisher, "publisher"));
  }

  /**
   * Publishes the event, naming the failed providers by their transports' ids.
   *
   * @param notification the notification
   * @param failures the failures of the providers tried before
   * @param deliveredBy the provider that delivered
   */
  @Override
  public void failedOver(
      Notification notification, List<DeliveryException> failures, String deliveredBy) {
    failedOver(
        notification,
        failures,
        failures.stream().map(DeliveryException::transportId).toList(),
        deliveredBy);
  }

  /**
   * Publishes the event (unless within the minimum interval or for the alert's own email).
   *
   * @param notification the notification
   * @param failures the failures of the providers tried before
   * @param failedProviders their names
   * @param deliveredBy the provider that delivered
   */
  @Override
  public void failedOver(
      Notification notification,
      List<DeliveryException> failures,
      List<String> failedProviders,
      String deliveredBy) {
    if (EVENT_NAME.equals(notification.event().name())) {
      return; // the alert's own email failed over: alerting about it again would loop
    }
    EventPublisher p = publisher.get();
    if (p == null) {
      LOG.debug(
          "email failover for {} not published: no publisher set", notification.idempotencyKey());
      return;
    }
    String key = String.join(",", failedProviders);
    Instant now = clock.instant();
    Instant last = lastPublished.get(key);
    if (last != null && now.isBefore(last.plus(minimumInterval))) {
      return;
    }
    lastPublished.put(key, now);
    DeliveryException first = failures.isEmpty() ? null : failures.get(0);
    ApplianceEvent event =
        ApplianceEvent.builder(EVENT_NAME)
            .time(now)
            .applianceId(notification.event().applianceId())
            .level(level)
            .property("FailedProviders", key)
            .property("DeliveredBy", deliveredBy)
            .property(
                "Reason",
                first == null
                    ? ""
                    : first.failureType() + ": " + String.valueOf(first.getMessage()))
            .property("EventName", notification.event().name())
            .property("EventId", notification.event().id())
            .property("Recipient", notification.subscriber().emailAddress().orElse(""))
            .build();
    scheduler.schedule(
        () -> {
          try {
            p.publish(event);
          } catch (RuntimeException e) {
            LOG.warn(
                "cannot publish {} for the email failover to {}: {}",
                EVENT_NAME,
                deliveredBy,
                e.toString());
          }
        },
        Duration.ZERO);
  }

  /** Returns the event name and the minimum interval. */
  @Override
  public String toString() {
    return "FailoverEvents{"
        + EVENT_NAME
        + ", minimumInterval="
        + minimumInterval
        + ", bound="
        + (publisher.get() != null)
        + "}";
  }
}
