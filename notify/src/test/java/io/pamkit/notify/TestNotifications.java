// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.template.BodyFormat;
import io.pamkit.notify.template.EmailTemplate;
import io.pamkit.notify.template.EmailTemplates;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Events, subscribers and notifications for notify's tests. */
public final class TestNotifications {
  /** A fixed clock: 2026-11-23T10:00:05Z, five seconds after {@link #event}'s time. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:05Z"), ZoneOffset.UTC);

  private TestNotifications() {}

  /** A PasswordChangeFailed event with two properties. */
  public static ApplianceEvent event(String id) {
    return ApplianceEvent.builder("PasswordChangeFailed")
        .id(id)
        .time(Instant.parse("2026-11-23T10:00:00Z"))
        .applianceId("SPP-1")
        .level(EventLevel.ERROR)
        .object("Asset", "42")
        .property("AssetName", "dc01.example.com")
        .property("AccountName", "svc-backup")
        .build();
  }

  /** An email subscriber with an address. */
  public static Subscriber emailTo(String address) {
    return Subscriber.builder(Subscriber.EMAIL)
        .id(7)
        .emailAddress(address)
        .subscribeToAllEvents(true)
        .build();
  }

  /** An email subscriber naming a user. */
  public static Subscriber emailToUser(int userId) {
    return Subscriber.builder(Subscriber.EMAIL)
        .id(8)
        .userId(userId)
        .subscribeToAllEvents(true)
        .build();
  }

  /** The notification of {@link #event} to {@code address}. */
  public static Notification notification(String eventId, String address) {
    return Notification.of(event(eventId), emailTo(address));
  }

  /**
   * Sends {@link #notification} of {@code eventId} to admin@example.com and returns the {@link
   * DeliveryException} the transport must throw.
   */
  public static DeliveryException failedSend(Transport transport, String eventId) {
    return assertThrows(
        DeliveryException.class, () -> transport.send(notification(eventId, "admin@example.com")));
  }

  /** Templates with one for {@link #event}'s type, which may use its {@code AssetName} property. */
  public static EmailTemplates templates(String subject, String body, BodyFormat format) {
    return EmailTemplates.builder()
        .properties("PasswordChangeFailed", List.of("AssetName"))
        .put(
            EmailTemplate.builder("PasswordChangeFailed")
                .subject(subject)
                .body(body)
                .format(format)
                .build())
        .build();
  }
}
