// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.Scheduler;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventLevel;
import io.pamkit.notify.TestNotifications;
import io.pamkit.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Failovers become EmailNotificationFailed events: properties, interval and loop guard. */
final class FailoverEventsTest {
  private final List<ApplianceEvent> published = new CopyOnWriteArrayList<>();
  private final Scheduler now =
      (task, delay) -> {
        task.run();
        return CompletableFuture.completedFuture(null);
      };
  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-23T10:00:00Z"));

  private static final List<DeliveryException> FAILED =
      List.of(new DeliveryException("Email", FailureType.PERMANENT_TRANSPORT, "535 refused", null));

  @Test
  void failedOver_bound_publishesOneEventPerIntervalWithTheProperties() {
    FailoverEvents e =
        FailoverEvents.create(now, clock, EventCatalog.defaults(), Duration.ofMinutes(1));
    e.failedOver(notification("ev-0", "a@example.com"), FAILED, List.of("smtp"), "graph");
    assertTrue(published.isEmpty()); // no publisher yet
    e.publishTo(published::add);

    e.failedOver(notification("ev-1", "a@example.com"), FAILED, List.of("smtp"), "graph");
    e.failedOver(notification("ev-2", "a@example.com"), FAILED, List.of("smtp"), "graph");
    assertEquals(1, published.size());
    ApplianceEvent ev = published.get(0);
    assertEquals(FailoverEvents.EVENT_NAME, ev.name());
    assertEquals(EventLevel.ERROR, ev.level());
    assertEquals("smtp", ev.property("FailedProviders"));
    assertEquals("graph", ev.property("DeliveredBy"));
    assertEquals("ev-1", ev.property("EventId"));
    assertEquals("a@example.com", ev.property("Recipient"));
    assertTrue(ev.property("Reason").startsWith("PERMANENT_TRANSPORT: 535"), ev.property("Reason"));

    clock.advance(Duration.ofMinutes(1));
    e.failedOver(notification("ev-3", "a@example.com"), FAILED, List.of("smtp"), "graph");
    assertEquals(2, published.size());
  }

  @Test
  void failedOver_ofTheAlertEmailItself_publishesNothing() {
    FailoverEvents e = FailoverEvents.create(now, clock, EventCatalog.defaults(), Duration.ZERO);
    e.publishTo(published::add);
    Notification alert =
        Notification.of(
            ApplianceEvent.builder(FailoverEvents.EVENT_NAME).build(),
            TestNotifications.emailTo("a@example.com"));
    e.failedOver(alert, FAILED, List.of("smtp"), "graph");
    assertTrue(published.isEmpty());
  }
}
