package io.pamkit.notify.email;

import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.subscription.Subscriber;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Events, subscribers and notifications for the email provider tests. */
public final class EmailTestData {
  /** A fixed clock: 2026-11-23T10:00:05Z. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:05Z"), ZoneOffset.UTC);

  private EmailTestData() {}

  /**
   * A PasswordChangeFailed event.
   *
   * @param id the event id
   * @return the event
   */
  public static ApplianceEvent event(String id) {
    return ApplianceEvent.builder("PasswordChangeFailed")
        .id(id)
        .time(Instant.parse("2026-11-23T10:00:00Z"))
        .applianceId("SPP-1")
        .level(EventLevel.Error)
        .object("Asset", "42")
        .property("AssetName", "dc01.example.com")
        .property("AccountName", "svc-backup")
        .build();
  }

  /**
   * An email subscriber with an address.
   *
   * @param address the address
   * @return the subscriber
   */
  public static Subscriber emailTo(String address) {
    return Subscriber.builder(Subscriber.EMAIL).id(7).emailAddress(address)
        .subscribeToAllEvents(true).build();
  }

  /**
   * An email subscriber naming a user.
   *
   * @param userId the user
   * @return the subscriber
   */
  public static Subscriber emailToUser(int userId) {
    return Subscriber.builder(Subscriber.EMAIL).id(8).userId(userId).subscribeToAllEvents(true)
        .build();
  }

  /**
   * The notification of {@link #event} to {@code address}.
   *
   * @param eventId the event id
   * @param address the recipient
   * @return the notification
   */
  public static Notification notification(String eventId, String address) {
    return Notification.of(event(eventId), emailTo(address));
  }
}
