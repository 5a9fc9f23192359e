// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dispatcher owns the transports it is given: it closes each exactly once. */
final class TransportOwnershipTest {
  private final TestTransport a = new TestTransport("A");
  private final TestTransport b = new TestTransport("B");

  private static Subscriber sub(String channel, int id) {
    return Subscriber.builder(channel).id(id).subscribe("UserCreated").build();
  }

  @Test
  void transports_iterable_registersEachInOrderAndDelivers() {
    try (EventDispatcher d =
        EventDispatcher.builder()
            .synchronous(true)
            .transports(List.of(a, b))
            .subscribers(List.of(sub("A", 1), sub("B", 2)))
            .build()) {
      d.publish(ApplianceEvent.builder("UserCreated").id("e1").build());

      assertEquals(List.of("A", "B"), d.transportIds());
      assertEquals(1, a.delivered.size());
      assertEquals(1, b.delivered.size());
    }
  }

  @Test
  void close_twiceAndThenShutdown_closesEveryTransportExactlyOnce() {
    TestTransport c = new TestTransport("C");
    EventDispatcher d =
        EventDispatcher.builder()
            .transports(List.of(a, b))
            .transport(c, LaneConfig.defaults())
            .build();
    assertEquals(0, a.closed.get() + b.closed.get() + c.closed.get(), "open while running");

    d.close();
    d.close();
    d.shutdown(Duration.ZERO);

    assertEquals(List.of(1, 1, 1), List.of(a.closed.get(), b.closed.get(), c.closed.get()));
  }

  @Test
  void transports_sameInstanceTwice_refusedNamingTheRule() {
    EventDispatcher.Builder builder = EventDispatcher.builder().transport(a);

    IllegalArgumentException single =
        assertThrows(IllegalArgumentException.class, () -> builder.transport(a));
    IllegalArgumentException inList =
        assertThrows(
            IllegalArgumentException.class,
            () -> EventDispatcher.builder().transports(List.of(a, a)));

    for (IllegalArgumentException e : List.of(single, inList)) {
      assertTrue(e.getMessage().contains("already registered"), e.getMessage());
      assertTrue(e.getMessage().contains("one instance can be given only once"), e.getMessage());
    }
    assertEquals(0, a.closed.get(), "refusing a registration closes nothing");
  }

  @Test
  void transports_twoInstancesOfOneChannel_refused() {
    EventDispatcher.Builder builder = EventDispatcher.builder();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.transports(List.of(new TestTransport("A"), new TestTransport("A"))));
    assertTrue(e.getMessage().contains("channel 'A' is already registered"), e.getMessage());
  }

  @Test
  void close_oneTransportThrows_theOthersAreStillClosed() {
    AtomicInteger brokenCloses = new AtomicInteger();
    Transport broken =
        new Transport() {
          @Override
          public String channel() {
            return "Broken";
          }

          @Override
          public DeliveryReceipt send(Notification n) {
            return new DeliveryReceipt("Broken", null, Instant.EPOCH);
          }

          @Override
          public void close() {
            brokenCloses.incrementAndGet();
            throw new IllegalStateException("cannot close");
          }
        };
    TestTransport after = new TestTransport("After");
    EventDispatcher d = EventDispatcher.builder().transports(List.of(broken, after)).build();

    ShutdownReport report = d.shutdown(Duration.ZERO);

    assertTrue(report.drained());
    assertEquals(1, brokenCloses.get());
    assertEquals(1, after.closed.get());
  }

  @Test
  void build_fails_closesTheTransportsItWasGiven() {
    RuntimeException boom = new IllegalStateException("no threads today");
    EventDispatcher.Builder builder =
        EventDispatcher.builder()
            .transports(List.of(a, b))
            .threadFactory(
                r -> {
                  throw boom;
                });

    RuntimeException e = assertThrows(RuntimeException.class, builder::build);

    assertSame(boom, e);
    assertEquals(List.of(1, 1), List.of(a.closed.get(), b.closed.get()));
  }

  @Test
  void build_outboxResumeFails_stopsAndClosesTheTransports() {
    Outbox failing =
        new Outbox() {
          @Override
          public void append(Notification notification) {}

          @Override
          public void complete(Notification notification) {}

          @Override
          public List<Entry> pending() {
            throw new OutboxException("journal unreadable", new IOException("disk gone"));
          }

          @Override
          public void close() {}
        };
    EventDispatcher.Builder builder = EventDispatcher.builder().transport(a).outbox(failing);

    assertThrows(OutboxException.class, builder::build);
    assertEquals(1, a.closed.get());
  }
}
