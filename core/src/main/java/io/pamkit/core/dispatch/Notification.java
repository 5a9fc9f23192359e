// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import org.jspecify.annotations.Nullable;

/**
 * One event on its way to one subscriber through one channel. Its {@linkplain #idempotencyKey()
 * idempotency key} is the same on every attempt and every re-drive, so peers (and pamkit's own
 * {@code Message-ID}s) can recognise duplicates.
 *
 * <p>Immutable (the key is computed once, on first use) and thread-safe.
 */
public final class Notification {
  // Computed on first use (racy single-check, like String.hashCode): the hot path of dispatch
  // creates a notification per match and most transports never ask for the key.
  private @Nullable String idempotencyKey;
  private final ApplianceEvent event;
  private final Subscriber subscriber;
  private final String channel;

  private Notification(
      @Nullable String idempotencyKey,
      ApplianceEvent event,
      Subscriber subscriber,
      String channel) {
    this.idempotencyKey = idempotencyKey;
    this.event = event;
    this.subscriber = subscriber;
    this.channel = channel;
  }

  /**
   * Creates the notification of an event for a subscriber, on the subscriber's channel (its {@code
   * Type}). The idempotency key is {@code eventId + "/" + subscriberId}.
   *
   * @param event the event
   * @param subscriber the subscriber
   * @return a new notification
   */
  public static Notification of(ApplianceEvent event, Subscriber subscriber) {
    requireNonNull(event, "event");
    requireNonNull(subscriber, "subscriber");
    return new Notification(null, event, subscriber, subscriber.type());
  }

  /** The hot path's {@link #of(ApplianceEvent, Subscriber)}: the caller guarantees non-null. */
  static Notification create(ApplianceEvent event, Subscriber subscriber) {
    return new Notification(null, event, subscriber, subscriber.type());
  }

  /**
   * Creates a notification with an explicit key and channel, for re-drives and tests.
   *
   * @param idempotencyKey the key; not blank
   * @param event the event
   * @param subscriber the subscriber
   * @param channel the channel (transport id); not blank
   * @return a new notification
   */
  public static Notification of(
      String idempotencyKey, ApplianceEvent event, Subscriber subscriber, String channel) {
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(channel, "channel");
    if (idempotencyKey.isBlank() || channel.isBlank()) {
      throw new IllegalArgumentException("idempotencyKey and channel must not be blank");
    }
    return new Notification(
        idempotencyKey,
        requireNonNull(event, "event"),
        requireNonNull(subscriber, "subscriber"),
        channel);
  }

  /**
   * Returns the key that identifies this notification across attempts and re-drives.
   *
   * @return the idempotency key
   */
  public String idempotencyKey() {
    String key = idempotencyKey;
    if (key == null) {
      key = event.id() + "/" + subscriber.id();
      idempotencyKey = key;
    }
    return key;
  }

  /**
   * Returns the event being delivered.
   *
   * @return the event
   */
  public ApplianceEvent event() {
    return event;
  }

  /**
   * Returns the subscriber the event is delivered to.
   *
   * @return the subscriber
   */
  public Subscriber subscriber() {
    return subscriber;
  }

  /**
   * Returns the channel, the id of the transport that delivers this notification.
   *
   * @return the channel id
   */
  public String channel() {
    return channel;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Notification
        && ((Notification) o).idempotencyKey().equals(idempotencyKey())
        && ((Notification) o).channel.equals(channel);
  }

  @Override
  public int hashCode() {
    return idempotencyKey().hashCode() * 31 + channel.hashCode();
  }

  /** Returns the key, channel and event name; never event property values. */
  @Override
  public String toString() {
    return "Notification{key="
        + idempotencyKey()
        + ", channel="
        + channel
        + ", event="
        + event.name()
        + "}";
  }
}
