// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import io.pamkit.core.subscription.Subscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * What the tests of asynchronous lanes share: a transport that blocks until {@link #release} opens,
 * and the dispatchers a test built, shut down by {@link #close()} after each test.
 */
final class LaneFixture implements AutoCloseable {
  /** How long a test waits for a latch before it fails. */
  static final long WAIT_SECONDS = 30;

  /** Opens the blocking transports. */
  final CountDownLatch release = new CountDownLatch(1);

  /** Opens when a blocking transport's send is entered. */
  final CountDownLatch entered = new CountDownLatch(1);

  private final List<EventDispatcher> built = new ArrayList<>();

  /** Builds the dispatcher and shuts it down in {@link #close()}. */
  EventDispatcher dispatcher(EventDispatcher.Builder b) {
    EventDispatcher d = b.build();
    built.add(d);
    return d;
  }

  /** A transport that blocks in send until {@link #release}, ignoring interrupts. */
  TestTransport blocking(String id) {
    return TestTransport.blocking(id, entered, release, WAIT_SECONDS);
  }

  /** A subscriber of {@code UserCreated} on the channel. */
  static Subscriber sub(String channel, int id) {
    return Subscriber.builder(channel).id(id).subscribe("UserCreated").build();
  }

  /** Releases the blocked transports and shuts every dispatcher down. */
  @Override
  public void close() {
    release.countDown();
    built.forEach(d -> d.shutdown(Duration.ofSeconds(5)));
  }
}
