// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.NoSuchSubscriberException;
import io.pamkit.core.subscription.PropertyFilter;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SubscriberRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class EventDispatcherRoutingTest {

  private static ApplianceEvent event(String name, String id) {
    return ApplianceEvent.builder(name).id(id).property("AssetName", "dc01").build();
  }

  private static EventDispatcher sync(List<Subscriber> subs, Transport... transports) {
    EventDispatcher.Builder b = EventDispatcher.builder().synchronous(true).subscribers(subs);
    for (Transport t : transports) {
      b.transport(t);
    }
    return b.build();
  }

  @Test
  void publish_exactAndAllEvents_deliversOneNotificationPerMatchOnItsChannel() {
    TestTransport email = new TestTransport("Email");
    TestTransport syslog = new TestTransport("Syslog");
    Subscriber a = Subscriber.builder("Email").id(1).subscribe("UserCreated").build();
    Subscriber b = Subscriber.builder("Syslog").id(2).subscribeToAllEvents(true).build();
    Subscriber c = Subscriber.builder("Email").id(3).subscribe("UserDeleted").build();
    try (EventDispatcher d = sync(List.of(a, b, c), email, syslog)) {
      d.publish(event("UserCreated", "e1"));

      assertEquals(List.of("e1/1"), keys(email.delivered));
      assertEquals(List.of("e1/2"), keys(syslog.delivered));
      assertEquals("Email", email.delivered.get(0).channel());
    }
  }

  @Test
  void publish_propertyFilter_deliversOnlyMatchingEvents() {
    TestTransport email = new TestTransport("Email");
    Subscriber dc01 = assetSubscriber(1, "dc01");
    Subscriber dc02 = assetSubscriber(2, "dc02");
    try (EventDispatcher d = sync(List.of(dc01, dc02), email)) {
      d.publish(event("AssetUpdated", "e1"));
      d.publish(ApplianceEvent.builder("AssetUpdated").id("e2").build());

      assertEquals(List.of("e1/1"), keys(email.delivered));
    }
  }

  @Test
  void publish_registryTestEvent_goesToTheTargetAloneEvenDisabledOrFiltered() throws Exception {
    TestTransport email = new TestTransport("Pager");
    TestTransport syslog = new TestTransport("Archive");
    Subscriber all = Subscriber.builder("Archive").id(1).subscribeToAllEvents(true).build();
    Subscriber target = unreachableTarget();
    for (boolean synchronous : new boolean[] {true, false}) {
      email.delivered.clear();
      syslog.delivered.clear();
      try (EventDispatcher d =
          EventDispatcher.builder()
              .synchronous(synchronous)
              .subscribers(List.of(all, target))
              .transport(email)
              .transport(syslog)
              .build()) {
        SubscriberRegistry r = SubscriberRegistry.builder(d).build();
        r.addAll(List.of(all, target));
        r.sendTestEvent(2);
        d.shutdown(Duration.ofSeconds(10));

        assertEquals(1, email.delivered.size(), "mode synchronous=" + synchronous);
        assertEquals("Test", email.delivered.get(0).event().name());
        assertEquals(2, email.delivered.get(0).subscriber().id());
        assertTrue(syslog.delivered.isEmpty(), "the all-events subscriber is not the target");
      }
    }
  }

  @Test
  void publishTo_anyEvent_goesToTheTargetAloneEvenUnsubscribedDisabledOrFiltered() {
    TestTransport pager = new TestTransport("Pager");
    Subscriber all = Subscriber.builder("Pager").id(1).subscribeToAllEvents(true).build();
    Subscriber target = unreachableTarget();
    for (boolean synchronous : new boolean[] {true, false}) {
      pager.delivered.clear();
      try (EventDispatcher d =
          EventDispatcher.builder()
              .synchronous(synchronous)
              .subscribers(List.of(all, target))
              .transport(pager)
              .build()) {
        ApplianceEvent e = event("AssetUpdated", "e" + synchronous);
        d.publishTo(e, 2);
        d.shutdown(Duration.ofSeconds(10));

        assertEquals(List.of(e.id() + "/2"), keys(pager.delivered), "synchronous=" + synchronous);
        assertEquals(
            e.properties(),
            pager.delivered.get(0).event().properties(),
            "the target is not added to the event");
      }
    }
  }

  @Test
  void publishTo_unknownSubscriber_throwsNoSuchSubscriberAndDeliversNothing() {
    TestTransport email = new TestTransport("Email");
    Subscriber s = Subscriber.builder("Email").id(1).subscribeToAllEvents(true).build();
    try (EventDispatcher d = sync(List.of(s), email)) {
      NoSuchSubscriberException e =
          assertThrows(NoSuchSubscriberException.class, () -> d.publishTo(event("Test", "e1"), 42));
      assertEquals(42, e.id());
      assertTrue(email.attempts.isEmpty());
    }
  }

  @Test
  void publish_testEventWithTheFormerTargetProperty_isAnOrdinaryEvent() {
    TestTransport email = new TestTransport("Email");
    Subscriber testers = Subscriber.builder("Email").id(1).subscribe("Test").build();
    Subscriber other = Subscriber.builder("Email").id(2).subscribe("UserCreated").build();
    try (EventDispatcher d = sync(List.of(testers, other), email)) {
      d.publish(
          ApplianceEvent.builder("Test").id("e1").property("TargetSubscriberId", "2").build());
      d.publish(
          ApplianceEvent.builder("Test").id("e2").property("TargetSubscriberId", "42").build());

      assertEquals(
          List.of("e1/1", "e2/1"),
          keys(email.delivered),
          "routed by subscriptions; the property means nothing to the dispatcher");
    }
  }

  @Test
  void publishTo_afterShutdown_rejected() {
    Subscriber s = Subscriber.builder("Email").id(1).subscribe("Test").build();
    EventDispatcher d = sync(List.of(s), new TestTransport("Email"));
    d.close();
    PublishRejectedException e =
        assertThrows(PublishRejectedException.class, () -> d.publishTo(event("Test", "e1"), 1));
    assertEquals(PublishRejectedException.Reason.SHUT_DOWN, e.reason());
  }

  @Test
  void publish_disabledSubscriber_receivesNothing() {
    TestTransport email = new TestTransport("Email");
    Subscriber off =
        Subscriber.builder("Email").id(1).subscribe("UserCreated").enabled(false).build();
    try (EventDispatcher d = sync(List.of(off), email)) {
      d.publish(event("UserCreated", "e1"));
      assertEquals(List.of(), email.attempts);
      assertEquals(0, d.routingIndex().subscriberCount());
    }
  }

  @Test
  void publish_channelWithoutTransport_deadLettersWithReason() {
    TestTransport email = new TestTransport("Email");
    Subscriber snmp = Subscriber.builder("Snmp").id(7).subscribe("UserCreated").build();
    List<DeadLetter> seen = new ArrayList<>();
    try (EventDispatcher d =
        EventDispatcher.builder()
            .synchronous(true)
            .transport(email)
            .subscribers(List.of(snmp))
            .listener(
                new DispatchListener() {
                  @Override
                  public void deadLettered(DeadLetter deadLetter) {
                    seen.add(deadLetter);
                  }
                })
            .build()) {
      d.publish(event("UserCreated", "e1"));

      List<DeadLetter> letters = d.deadLetterSink().list();
      assertEquals(1, letters.size());
      assertEquals("e1/7", letters.get(0).notification().idempotencyKey());
      assertEquals("no transport registered for channel 'Snmp'", letters.get(0).reason());
      assertEquals(List.of(), letters.get(0).attempts());
      assertEquals(letters, seen);
    }
  }

  @Test
  void publish_afterUpdateSubscribers_seesNewSubscribers() {
    TestTransport email = new TestTransport("Email");
    Subscriber a = Subscriber.builder("Email").id(1).subscribe("UserCreated").build();
    Subscriber b = Subscriber.builder("Email").id(2).subscribe("UserCreated").build();
    try (EventDispatcher d = sync(List.of(a), email)) {
      d.publish(event("UserCreated", "e1"));
      d.updateSubscribers(List.of(b));
      d.publish(event("UserCreated", "e2"));
      d.updateSubscribers(List.of());
      d.publish(event("UserCreated", "e3"));

      assertEquals(List.of("e1/1", "e2/2"), keys(email.delivered));
    }
  }

  @Test
  void publish_nullEvent_throwsNpe() {
    try (EventDispatcher d = sync(List.of())) {
      assertThrows(NullPointerException.class, () -> d.publish(null));
    }
  }

  @Test
  void builder_duplicateTransportId_throwsIae() {
    EventDispatcher.Builder b = EventDispatcher.builder().transport(new TestTransport("Email"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.transport(new TestTransport("Email")));
    assertTrue(e.getMessage().contains("'Email'"));
  }

  /**
   * Four threads publish while a fifth keeps adding and removing a subscriber: every stable
   * subscriber gets every event exactly once (nothing lost), nobody gets an event they never
   * subscribed to (no phantom), and once the churning subscriber is removed it gets nothing more.
   */
  @Test
  void publish_subscribersChangingWhileFourThreadsPublish_noLostNorPhantomDeliveries()
      throws Exception {
    SubscriberChurn churn = new SubscriberChurn(5_000);
    try (EventDispatcher d = sync(SubscriberChurn.BASE, churn.transport())) {
      churn.run(d);
      churn.assertDeliveries();
    }
  }

  /** An Email subscriber to AssetUpdated for one AssetName. */
  private static Subscriber assetSubscriber(int id, String assetName) {
    return Subscriber.builder("Email")
        .id(id)
        .subscribe("AssetUpdated")
        .filter(PropertyFilter.of(Map.of("AssetName", Set.of(assetName))))
        .build();
  }

  /** Subscriber 2 on Pager: disabled, subscribed to UserCreated alone, and filtered to no site. */
  private static Subscriber unreachableTarget() {
    return Subscriber.builder("Pager")
        .id(2)
        .subscribe("UserCreated")
        .enabled(false)
        .filter(PropertyFilter.of(Map.of("Site", Set.of("nowhere"))))
        .build();
  }

  static List<String> keys(List<Notification> ns) {
    List<String> out = new ArrayList<>();
    for (Notification n : ns) {
      out.add(n.idempotencyKey());
    }
    return out;
  }
}
