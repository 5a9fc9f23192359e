// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code Lane.send} is the one guard around a transport: whatever it throws besides a {@link
 * DeliveryException}, and a null receipt, become a transient failure; the first occurrence of each
 * exception class is logged at warn with where it was thrown, never with its message.
 */
final class LaneGuardTest {
  private static final String CHANNEL = "Guarded";

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);

  /** What the transport does on one call: return a receipt, null, or throw anything. */
  @FunctionalInterface
  interface Script {
    DeliveryReceipt send(int call) throws Throwable;
  }

  /** A transport that runs a script and can throw any throwable, checked ones too. */
  static final class ScriptedTransport implements Transport {
    private final Script script;
    final AtomicInteger calls = new AtomicInteger();

    ScriptedTransport(Script script) {
      this.script = script;
    }

    @Override
    public String channel() {
      return CHANNEL;
    }

    @Override
    public DeliveryReceipt send(Notification n) {
      try {
        return script.send(calls.incrementAndGet());
      } catch (Throwable t) {
        throw LaneGuardTest.<RuntimeException>sneaky(t);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }

  static DeliveryReceipt receipt() {
    return new DeliveryReceipt(CHANNEL, null, Instant.EPOCH);
  }

  /** Synchronous, one attempt: a failure is dead-lettered at once with its reason. */
  private EventDispatcher oneAttempt(Transport t, DispatchListener listener) {
    return EventDispatcher.builder()
        .synchronous(true)
        .clock(clock)
        .scheduler(scheduler)
        .listener(listener)
        .transport(
            t,
            LaneConfig.builder()
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                .circuitBreaker(CircuitBreakerConfig.builder().failureThreshold(100).build())
                .build())
        .subscribers(List.of(Subscriber.builder(CHANNEL).id(1).subscribe("UserCreated").build()))
        .build();
  }

  private static ApplianceEvent event(int i) {
    return ApplianceEvent.builder("UserCreated").id("e" + i).build();
  }

  /** Runs {@code body} with System.err (where the test logger writes) captured. */
  private static String stderrOf(Runnable body) {
    PrintStream original = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setErr(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static List<String> reasons(EventDispatcher d) {
    List<String> out = new ArrayList<>();
    for (DeadLetter l : d.deadLetterSink().list()) {
      out.add(l.attempts().get(0).failureType() + " " + l.attempts().get(0).reason());
    }
    return out;
  }

  @Test
  void send_unexpectedExceptions_transientAndFirstSeenOfEachClassWarnedWithoutMessage() {
    ScriptedTransport t =
        new ScriptedTransport(
            call -> {
              if (call == 3) {
                throw new IllegalArgumentException("token=s3cr3t");
              }
              throw new IllegalStateException("password=hunter2");
            });
    String log;
    try (EventDispatcher d = oneAttempt(t, DispatchListener.NONE)) {
      log =
          stderrOf(
              () -> {
                for (int i = 0; i < 4; i++) {
                  d.publish(event(i));
                }
              });

      String ise = "TRANSIENT transport 'Guarded' threw java.lang.IllegalStateException";
      String iae = "TRANSIENT transport 'Guarded' threw java.lang.IllegalArgumentException";
      assertEquals(List.of(ise, ise, iae, ise), reasons(d));
    }
    assertEquals(
        1, count(log, "counted as a transient failure. Further IllegalStateException"), log);
    assertEquals(
        1, count(log, "counted as a transient failure. Further IllegalArgumentException"), log);
    assertTrue(
        log.contains("\tat ") && log.contains(LaneGuardTest.class.getName() + ".lambda$"),
        "where it was thrown: " + log);
    assertFalse(log.contains("hunter2") || log.contains("s3cr3t"), "no message logged: " + log);
  }

  @Test
  void send_nullReceipt_transientTransportBugWarnedOnce() {
    ScriptedTransport t = new ScriptedTransport(call -> null);
    String log;
    try (EventDispatcher d = oneAttempt(t, DispatchListener.NONE)) {
      log =
          stderrOf(
              () -> {
                d.publish(event(1));
                d.publish(event(2));
              });

      String reason = "TRANSIENT transport 'Guarded' returned no receipt";
      assertEquals(List.of(reason, reason), reasons(d));
      assertEquals(0, d.metrics(CHANNEL).orElseThrow().delivered());
    }
    assertEquals(
        1, count(log, "a transport must return a receipt or throw DeliveryException"), log);
    assertTrue(log.contains(ScriptedTransport.class.getName()), "names the class: " + log);
  }

  @Test
  void send_checkedExceptionThrownSneakilyAndStackOverflow_contained() {
    ScriptedTransport t =
        new ScriptedTransport(
            call -> {
              if (call == 1) {
                throw new IOException("sneaky");
              }
              throw new StackOverflowError();
            });
    try (EventDispatcher d = oneAttempt(t, DispatchListener.NONE)) {
      stderrOf(
          () -> {
            d.publish(event(1));
            d.publish(event(2));
          });

      assertEquals(
          List.of(
              "TRANSIENT transport 'Guarded' threw java.io.IOException",
              "TRANSIENT transport 'Guarded' threw java.lang.StackOverflowError"),
          reasons(d));
    }
  }

  @Test
  void send_deliveryExceptionPassesThroughUnchanged() {
    ScriptedTransport t =
        new ScriptedTransport(
            call -> {
              throw new DeliveryException(
                  CHANNEL, FailureType.PERMANENT_MESSAGE, "550 no such user", null);
            });
    try (EventDispatcher d = oneAttempt(t, DispatchListener.NONE)) {
      d.publish(event(1));
      assertEquals(List.of("PERMANENT_MESSAGE 550 no such user"), reasons(d));
    }
  }

  @Test
  void send_listenerThrowsAfterDelivery_stillOneDeliveryAndNoRetry() {
    ScriptedTransport t = new ScriptedTransport(call -> receipt());
    DispatchListener throwing =
        new DispatchListener() {
          @Override
          public void delivered(Notification n, DeliveryReceipt r, int attempt) {
            throw new IllegalStateException("listener bug");
          }
        };
    try (EventDispatcher d = oneAttempt(t, throwing)) {
      d.publish(event(1));

      assertEquals(1, t.calls.get());
      LaneMetrics m = d.metrics(CHANNEL).orElseThrow();
      assertEquals(1, m.delivered());
      assertEquals(0, m.failedAttempts());
      assertTrue(d.deadLetterSink().list().isEmpty());
    }
  }

  @Test
  void send_outboxCompleteFailsAfterDelivery_notCountedAsATransportFailure() {
    ScriptedTransport t = new ScriptedTransport(call -> receipt());
    List<String> appended = new ArrayList<>();
    Outbox brokenComplete =
        new Outbox() {
          @Override
          public void append(Notification n) {
            appended.add(n.idempotencyKey());
          }

          @Override
          public void complete(Notification n) {
            throw new OutboxException("journal closed", new IOException("closed"));
          }

          @Override
          public List<Entry> pending() {
            return List.of();
          }

          @Override
          public void close() {}
        };
    try (EventDispatcher d =
        EventDispatcher.builder()
            .synchronous(true)
            .clock(clock)
            .scheduler(scheduler)
            .outbox(brokenComplete)
            .transport(t)
            .subscribers(
                List.of(Subscriber.builder(CHANNEL).id(1).subscribe("UserCreated").build()))
            .build()) {
      d.publish(event(1));

      assertEquals(List.of("e1/1"), appended);
      assertEquals(1, t.calls.get(), "sent once, not again");
      LaneMetrics m = d.metrics(CHANNEL).orElseThrow();
      assertEquals(1, m.delivered());
      assertEquals(0, m.failedAttempts());
      assertEquals(0, scheduler.pending(), "no retry scheduled");
    }
  }

  @Test
  void worker_transportThrowsAnError_workerSurvivesAndDeliversTheNext() throws Exception {
    CountDownLatch delivered = new CountDownLatch(1);
    ScriptedTransport t =
        new ScriptedTransport(
            call -> {
              if (call == 1) {
                throw new AssertionError("bug in a transport");
              }
              delivered.countDown();
              return receipt();
            });
    EventDispatcher d =
        EventDispatcher.builder()
            .clock(clock)
            .scheduler(scheduler)
            .transport(
                t,
                LaneConfig.builder()
                    .workers(1)
                    .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                    .build())
            .subscribers(
                List.of(Subscriber.builder(CHANNEL).id(1).subscribe("UserCreated").build()))
            .build();
    try {
      stderrOf(
          () -> {
            d.publish(event(1));
            d.publish(event(2));
            try {
              assertTrue(delivered.await(30, TimeUnit.SECONDS), "the worker lived on");
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    } finally {
      assertTrue(d.shutdown(Duration.ofSeconds(30)).drained());
    }
    assertEquals(
        List.of("TRANSIENT transport 'Guarded' threw java.lang.AssertionError"), reasons(d));
  }
}
