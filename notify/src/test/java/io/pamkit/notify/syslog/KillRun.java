// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.CircuitBreakerConfig;
import io.pamkit.core.dispatch.DeadLetter;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.DispatchListener;
import io.pamkit.core.dispatch.LaneConfig;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.RetryPolicy;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Shared scaffolding of the syslog tests that kill a receiver in the middle of a run: a listener
 * counting what a dispatcher delivered and dead-lettered out of {@code count} notifications, which
 * kills ({@code SIGKILL}) and restarts a real rsyslog once a third was delivered, and the
 * subscriber, retry policy, lane and transport settings those tests share.
 */
final class KillRun implements DispatchListener {
  private static final Pattern SEQ = Pattern.compile("Seq=\"(\\d+)\"");

  private final int count;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicInteger dead = new AtomicInteger();
  private final CountDownLatch third = new CountDownLatch(1);
  private final CountDownLatch all = new CountDownLatch(1);

  /** A listener for a run of {@code count} notifications. */
  KillRun(int count) {
    this.count = count;
  }

  @Override
  public void delivered(Notification n, DeliveryReceipt receipt, int attempt) {
    long d = delivered.incrementAndGet();
    if (d == count / 3) {
      third.countDown();
    }
    if (d == count) {
      all.countDown();
    }
  }

  @Override
  public void deadLettered(DeadLetter deadLetter) {
    dead.incrementAndGet();
  }

  /**
   * Waits until a third was delivered, kills rsyslog ({@code SIGKILL}) and starts it again, and
   * waits until every notification was delivered; returns how many were delivered at the kill.
   */
  long killAndRestartAtAThird(Rsyslogd rsyslog) throws Exception {
    assertTrue(third.await(120, TimeUnit.SECONDS), "a third delivered: " + delivered.get());
    long atKill = delivered.get();
    assertTrue(atKill < count, "killed mid-run, after " + atKill);
    rsyslog.kill(); // SIGKILL
    rsyslog.start();
    assertTrue(
        all.await(300, TimeUnit.SECONDS),
        "all delivered: " + delivered.get() + ", dead letters " + dead.get());
    return atKill;
  }

  /** The dead letters so far. */
  int deadLetters() {
    return dead.get();
  }

  /** Retries every 100 ms to 1 s, up to 1000 attempts: long enough to outlast a restart. */
  static RetryPolicy retry() {
    return RetryPolicy.builder()
        .initialDelay(Duration.ofMillis(100))
        .maxDelay(Duration.ofSeconds(1))
        .maxAttempts(1000)
        .build();
  }

  /** A syslog transport reconnecting after 50 ms to 500 ms. */
  static SyslogTransport transport() {
    return SyslogTransport.builder()
        .appName("pamkit-test")
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
        .build();
  }

  /** A lane of four workers whose circuit breaker opens for 200 ms. */
  static LaneConfig breakerLane(int capacity, RetryPolicy retry) {
    return LaneConfig.builder()
        .capacity(capacity)
        .workers(4)
        .retryPolicy(retry)
        .circuitBreaker(CircuitBreakerConfig.builder().openDuration(Duration.ofMillis(200)).build())
        .build();
  }

  /** Event {@code seq}: a {@code UserCreated} with Id {@code idPrefix + seq} and property Seq. */
  static ApplianceEvent event(String idPrefix, int seq) {
    return ApplianceEvent.builder("UserCreated")
        .id(idPrefix + seq)
        .property("Seq", Integer.toString(seq))
        .build();
  }

  /** The Seq of every event in rsyslog's output {@code out}, of {@code count} sent. */
  static BitSet received(Path out, int count) throws IOException {
    BitSet seen = new BitSet(count);
    Rsyslogd.forEachMatch(out, SEQ, seq -> seen.set(Integer.parseInt(seq)));
    return seen;
  }

  /** A syslog subscriber to {@code UserCreated} at {@code host:port}. */
  static Subscriber subscriber(int id, String host, int port, SyslogProtocol protocol) {
    return Subscriber.builder(Subscriber.SYSLOG)
        .id(id)
        .subscribe("UserCreated")
        .syslogProperties(
            SyslogSubscriberProperties.builder()
                .networkAddress(host)
                .port(port)
                .protocol(protocol)
                .build())
        .build();
  }
}
