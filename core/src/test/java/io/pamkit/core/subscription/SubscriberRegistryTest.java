// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventCategory;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.event.TargetedEventPublisher;
import io.pamkit.core.event.UnknownEventException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class SubscriberRegistryTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  /** A publisher that records what it is given, as the dispatch engine would receive it. */
  static final class RecordingPublisher implements TargetedEventPublisher {
    final List<ApplianceEvent> events = new ArrayList<>();

    /** The target of each event given to {@code publishTo}; null for {@code publish}. */
    final List<Integer> targets = new ArrayList<>();

    @Override
    public synchronized void publish(ApplianceEvent event) {
      events.add(event);
      targets.add(null);
    }

    @Override
    public synchronized void publishTo(ApplianceEvent event, int subscriberId) {
      events.add(event);
      targets.add(subscriberId);
    }
  }

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final SubscriberRegistry registry =
      SubscriberRegistry.builder(publisher)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .applianceId("SPP-1")
          .build();

  private static Subscriber email(String address, String... events) {
    return Subscriber.builder(Subscriber.EMAIL)
        .description("to " + address)
        .emailAddress(address)
        .subscribe(events)
        .build();
  }

  @Test
  void add_assignsIncreasingIds_andKeepsFreeGivenIds() {
    Subscriber a = registry.add(email("a@example.com", "AccessRequestApproved"));
    Subscriber b = registry.add(email("b@example.com", "UserLockedOut"));
    assertEquals(1, a.id());
    assertEquals(2, b.id());
    Subscriber c = registry.add(email("c@example.com").toBuilder().id(10).build());
    assertEquals(10, c.id());
    assertEquals(11, registry.add(email("d@example.com")).id());
    assertEquals(Optional.of(b), registry.find(2));
    assertEquals(List.of(1, 2, 10, 11), registry.list(true).stream().map(Subscriber::id).toList());
  }

  @Test
  void add_takenId_refused() {
    registry.add(email("a@example.com").toBuilder().id(5).build());
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> registry.add(email("b@example.com").toBuilder().id(5).build()));
    assertEquals("Id", e.violations().get(0).path());
  }

  @Test
  void add_unknownEventName_refusedWithTheName() {
    UnknownEventException e =
        assertThrows(
            UnknownEventException.class,
            () -> registry.add(email("a@example.com", "AccessRequestApproved", "NoSuchEvent")));
    assertEquals("NoSuchEvent", e.eventName());
    assertTrue(e.getMessage().startsWith("Subscriptions: 'NoSuchEvent'"), e.getMessage());
    assertEquals(0, registry.snapshot().version());
    assertTrue(registry.list(true).isEmpty());
  }

  @Test
  void add_userDefinedEvent_acceptedWithExtendedCatalog() {
    EventDefinition definition =
        new EventDefinition("BadgeScanned", EventCategory.ACCESS_REQUEST, EventLevel.INFO);
    EventCatalog extended = EventCatalog.defaults().extend(List.of(definition));
    SubscriberRegistry r = SubscriberRegistry.builder(publisher).catalog(extended).build();
    assertEquals(1, r.add(email("a@example.com", "BadgeScanned")).id());
  }

  @Test
  void add_typeWithoutWhatItNeeds_refused() {
    ValidationException email =
        assertThrows(
            ValidationException.class,
            () -> registry.add(Subscriber.builder(Subscriber.EMAIL).build()));
    assertEquals("EmailAddress", email.violations().get(0).path());
    ValidationException syslog =
        assertThrows(
            ValidationException.class,
            () -> registry.add(Subscriber.builder(Subscriber.SYSLOG).build()));
    assertEquals("SyslogProperties", syslog.violations().get(0).path());
    ValidationException snmp =
        assertThrows(
            ValidationException.class,
            () -> registry.add(Subscriber.builder(Subscriber.SNMP).build()));
    assertEquals("SnmpProperties", snmp.violations().get(0).path());
    assertEquals(1, registry.add(Subscriber.builder("Webhook").build()).id());
  }

  @Test
  void addAll_isAllOrNothing() {
    assertThrows(
        UnknownEventException.class,
        () -> registry.addAll(List.of(email("a@example.com"), email("b@example.com", "Nope"))));
    assertTrue(registry.list(true).isEmpty());
    List<Subscriber> added =
        registry.addAll(List.of(email("a@example.com"), email("b@example.com")));
    assertEquals(List.of(1, 2), added.stream().map(Subscriber::id).toList());
    assertEquals(1, registry.snapshot().version());
  }

  @Test
  void remove_userSubscriber_removed_systemOwned_refused() {
    Subscriber user = registry.add(email("a@example.com"));
    Subscriber builtIn =
        registry.add(email("admin@example.com").toBuilder().systemOwned(true).build());
    SystemOwnedSubscriberException e =
        assertThrows(SystemOwnedSubscriberException.class, () -> registry.remove(builtIn.id()));
    assertEquals(builtIn.id(), e.id());
    assertEquals(user, registry.remove(user.id()));
    assertEquals(List.of(builtIn), registry.list(true));
    NoSuchSubscriberException missing =
        assertThrows(NoSuchSubscriberException.class, () -> registry.remove(user.id()));
    assertEquals(user.id(), missing.id());
  }

  @Test
  void list_withOrWithoutSystemOwned() {
    Subscriber user = registry.add(email("a@example.com"));
    Subscriber builtIn =
        registry.add(email("admin@example.com").toBuilder().systemOwned(true).build());
    assertEquals(List.of(user, builtIn), registry.list(true));
    assertEquals(List.of(user), registry.list(false));
  }

  @Test
  void edit_changesValues_keepsId() {
    Subscriber s = registry.add(email("a@example.com", "UserLockedOut"));
    Subscriber edited =
        registry.edit(
            s.id(), b -> b.description("changed").subscribe("UserUnlocked").enabled(false));
    assertEquals(s.id(), edited.id());
    assertEquals("changed", edited.description());
    assertEquals(List.of("UserLockedOut", "UserUnlocked"), List.copyOf(edited.subscriptions()));
    assertFalse(edited.enabled());
    assertEquals(Optional.of(edited), registry.find(s.id()));
  }

  @Test
  void edit_readOnlyOrInvalidChange_refused_andNothingChanges() {
    Subscriber s = registry.add(email("a@example.com"));
    long version = registry.snapshot().version();
    assertThrows(
        UnknownEventException.class, () -> registry.edit(s.id(), b -> b.subscribe("Nope")));
    ValidationException owned =
        assertThrows(
            ValidationException.class, () -> registry.edit(s.id(), b -> b.systemOwned(true)));
    assertEquals("IsSystemOwned", owned.violations().get(0).path());
    Subscriber otherType = Subscriber.builder("Webhook").id(s.id()).build();
    ValidationException type =
        assertThrows(ValidationException.class, () -> registry.edit(otherType));
    assertEquals("Type", type.violations().get(0).path());
    assertThrows(NoSuchSubscriberException.class, () -> registry.edit(99, b -> b.description("x")));
    assertEquals(version, registry.snapshot().version());
    assertEquals(Optional.of(s), registry.find(s.id()));
  }

  @Test
  void edit_systemOwned_allowed() {
    Subscriber builtIn =
        registry.add(email("admin@example.com").toBuilder().systemOwned(true).build());
    assertFalse(registry.edit(builtIn.id(), b -> b.enabled(false)).enabled());
  }

  @Test
  void copy_clonesUnderNewId_notSystemOwned() {
    Subscriber builtIn =
        registry.add(
            email("admin@example.com", "PasswordChangeFailed").toBuilder()
                .systemOwned(true)
                .applianceShared(true)
                .build());
    Subscriber copy = registry.copy(builtIn.id());
    assertNotEquals(builtIn.id(), copy.id());
    assertFalse(copy.systemOwned());
    assertEquals(builtIn.toBuilder().id(copy.id()).systemOwned(false).build(), copy);
    assertEquals(copy, registry.remove(copy.id()));
    assertThrows(NoSuchSubscriberException.class, () -> registry.copy(42));
  }

  @Test
  void sendTestEvent_publishesARealTestEventTargetedAtTheSubscriber() {
    Subscriber s = registry.add(email("a@example.com", "UserLockedOut"));
    ApplianceEvent sent = registry.sendTestEvent(s.id());
    assertEquals(List.of(sent), publisher.events);
    assertEquals("Test", sent.name());
    assertEquals(NOW, sent.time());
    assertEquals("SPP-1", sent.applianceId());
    assertEquals(EventCatalog.defaults().require("Test").defaultLevel(), sent.level());
    assertEquals(List.of(s.id()), publisher.targets, "published to the subscriber alone");
    assertEquals("Email", sent.property("SubscriberType"));
    assertEquals(
        Set.of("SubscriberType", "SubscriberDescription", "Message"),
        sent.properties().keySet(),
        "the target is not an event property: it never reaches the" + " wire");
    assertThrows(NoSuchSubscriberException.class, () -> registry.sendTestEvent(77));
    assertEquals(1, publisher.events.size());
  }

  @Test
  void listener_getsCurrentSnapshotAtOnce_thenEveryChangeInOrder() {
    registry.add(email("a@example.com"));
    List<SubscriberSnapshot> seen = new ArrayList<>();
    SubscriberRegistry.Registration reg = registry.addListener(seen::add);
    assertEquals(1, seen.size());
    assertEquals(1, seen.get(0).version());
    Subscriber b = registry.add(email("b@example.com"));
    registry.edit(b.id(), x -> x.description("b2"));
    registry.remove(b.id());
    assertEquals(List.of(1L, 2L, 3L, 4L), seen.stream().map(SubscriberSnapshot::version).toList());
    assertEquals(2, seen.get(1).subscribers().size());
    assertEquals("b2", seen.get(2).subscribers().get(1).description());
    assertEquals(registry.snapshot(), seen.get(3));
    reg.close();
    registry.add(email("c@example.com"));
    assertEquals(4, seen.size());
  }

  @Test
  void listener_failureIsContained_andListenerCannotMutate() {
    registry.addListener(
        s -> {
          if (s.version() > 0) {
            throw new IllegalStateException("boom");
          }
        });
    List<Exception> mutationErrors = new ArrayList<>();
    registry.addListener(
        s -> {
          try {
            registry.add(email("loop@example.com"));
          } catch (IllegalStateException e) {
            mutationErrors.add(e);
          }
        });
    Subscriber s = registry.add(email("a@example.com"));
    assertEquals(Optional.of(s), registry.find(s.id()));
    assertEquals(2, mutationErrors.size());
    assertEquals(1, registry.list(true).size());
  }

  @Test
  void concurrentAdds_getUniqueIds_andListenerSeesEveryVersion() throws Exception {
    List<Long> versions = java.util.Collections.synchronizedList(new ArrayList<>());
    registry.addListener(s -> versions.add(s.version()));
    int threads = 4;
    int perThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    registry.add(email("u" + thread + "_" + i + "@example.com"));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (var f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Subscriber> all = registry.list(true);
    assertEquals(threads * perThread, all.size());
    assertEquals(all.size(), all.stream().map(Subscriber::id).distinct().count());
    List<Long> expected = new ArrayList<>();
    for (long v = 0; v <= threads * perThread; v++) {
      expected.add(v);
    }
    assertEquals(expected, versions);
  }

  @Test
  void subscriber_invalidEmailAddress_refused() {
    assertThrows(
        ValidationException.class,
        () -> Subscriber.builder(Subscriber.EMAIL).emailAddress("a@example.com\r\nBcc: x@y.z"));
    assertThrows(
        ValidationException.class, () -> Subscriber.builder(Subscriber.EMAIL).emailAddress("nope"));
  }

  @Test
  void properties_bareIpv6NetworkAddress_refused() {
    assertThrows(
        ValidationException.class,
        () -> SyslogSubscriberProperties.builder().networkAddress("::1"));
    assertThrows(
        ValidationException.class, () -> SnmpSubscriberProperties.builder().networkAddress("::1"));
    assertEquals(
        Optional.of("[::1]"),
        SyslogSubscriberProperties.builder().networkAddress("[::1]").build().networkAddress());
  }
}
