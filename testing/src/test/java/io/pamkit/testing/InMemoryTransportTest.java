// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

final class InMemoryTransportTest {

  @Test
  void send_recordsInOrderWithReceipts() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    InMemoryTransport t = InMemoryTransport.create("Email", clock);
    assertEquals("memory-1", t.send(notification("a", "x@example.com")).peerMessageId());
    assertEquals(clock.instant(), t.send(notification("b", "x@example.com")).deliveredAt());
    assertEquals(List.of("a", "b"), t.received().stream().map(n -> n.event().id()).toList());
  }

  @Test
  void failNext_failsOnceThenRecords() {
    InMemoryTransport t = InMemoryTransport.create("Email");
    t.failNext(FailureType.PERMANENT_MESSAGE, "no such mailbox");
    assertEquals(
        FailureType.PERMANENT_MESSAGE,
        assertThrows(DeliveryException.class, () -> t.send(notification("a", "x@example.com")))
            .failureType());
    t.send(notification("a", "x@example.com"));
    assertEquals(1, t.count());
    t.close();
    assertEquals(
        FailureType.PERMANENT_TRANSPORT,
        assertThrows(DeliveryException.class, () -> t.send(notification("b", "x@example.com")))
            .failureType());
  }

  @Test
  void send_concurrentSenders_nothingLost() throws Exception {
    InMemoryTransport t = InMemoryTransport.create("Email");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> fs = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int n = i;
      fs.add(pool.submit(() -> t.send(notification("c" + n, "x@example.com"))));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    assertTrue(t.awaitCount(400, Duration.ofSeconds(5)));
    assertEquals(400, new HashSet<>(t.received()).size());
  }

  @Test
  void create_blankChannel_rejected() {
    assertThrows(IllegalArgumentException.class, () -> InMemoryTransport.create(" "));
  }

  private static Notification notification(String eventId, String address) {
    return Notification.of(
        ApplianceEvent.builder("PasswordChangeFailed").id(eventId).build(),
        Subscriber.builder(Subscriber.EMAIL)
            .id(7)
            .emailAddress(address)
            .subscribeToAllEvents(true)
            .build());
  }
}
