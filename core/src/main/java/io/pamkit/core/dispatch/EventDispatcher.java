// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.TargetedEventPublisher;
import io.pamkit.core.subscription.NoSuchSubscriberException;
import io.pamkit.core.subscription.PropertyFilter;
import io.pamkit.core.subscription.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatch engine: routes each published {@link ApplianceEvent} to the subscribers that want it
 * and delivers one {@link Notification} per match through the subscriber's channel, the {@link
 * Transport} whose {@link Transport#channel() channel} equals the subscriber's {@link
 * Subscriber#type() type}. A test event goes to one named subscriber alone through {@link
 * #publishTo(ApplianceEvent, int)}.
 *
 * <p>Each transport has its own lane: a bounded queue and its own worker threads, so a slow or
 * broken transport never delays another. A full lane applies its {@link BackPressure}. Failed
 * deliveries are retried by the lane's {@link RetryPolicy} behind its circuit breaker, then
 * dead-lettered into the {@link DeadLetterSink} with every attempt's reason, from where they can be
 * {@linkplain #redrive(DeadLetter) re-driven}. A notification whose channel has no transport is
 * dead-lettered at once. Nothing is dropped silently. In {@linkplain Builder#synchronous
 * synchronous mode} there are no queues nor workers: {@link #publish} delivers on the caller's
 * thread (retries run on the scheduler).
 *
 * <p>Routing uses an index precomputed from the subscribers and replaced atomically by {@link
 * #updateSubscribers}: a publish takes no lock and, besides the notifications, allocates nothing.
 * Without a listener nor an outbox, an asynchronous publish does not even create the notifications:
 * it hands each lane one queue entry per event (per 64 matching subscribers of the lane), and the
 * lane's worker creates and sends them; with a listener or an outbox, each notification is created,
 * {@linkplain DispatchListener#published announced} and {@linkplain Outbox#append recorded} by the
 * publisher and queued on its own.
 *
 * <h2>Ownership of the transports</h2>
 *
 * The dispatcher owns every transport given to its builder ({@link Builder#transport}, {@link
 * Builder#transports}): from {@link Builder#build()} on, it alone closes them, each exactly once,
 * when it {@linkplain #shutdown(Duration) shuts down} (after the lanes have drained), or at once
 * when {@code build()} itself fails. Do not close a transport you handed over, and do not hand one
 * instance over twice. A transport's failure to close is logged and does not stop the others from
 * closing.
 *
 * <p>Thread-safe. Close it (or {@link #shutdown(Duration)}) to drain the lanes, stop the threads
 * and close the transports.
 *
 * <pre>{@code
 * EventDispatcher dispatcher = EventDispatcher.builder()
 *     .transports(List.of(syslogTransport, snmpTransport))
 *     .transport(emailTransport, LaneConfig.builder().capacity(256).build())
 *     .subscribers(subscribers)
 *     .build();
 * dispatcher.publish(event);
 * dispatcher.publishTo(testEvent, 7);   // subscriber 7 alone, even when disabled
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 */
public final class EventDispatcher implements TargetedEventPublisher, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
  private static final long SHUTDOWN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final Map<String, Lane> lanes;
  private final List<Lane> laneList;
  private final boolean synchronous;
  private final DispatchEvents events;

  /** Whether a listener or an outbox observes notifications: false allows the fast paths. */
  private final boolean observed;

  private final Clock clock;
  private final @Nullable ScheduledThreadPoolExecutor ownedScheduler;
  private final @Nullable Outbox outbox;
  private final Duration closeTimeout;

  private final LongAdder publishing = new LongAdder();
  private final Object updateLock = new Object();
  private final Object shutdownLock = new Object();

  private volatile RoutingIndex index;
  private volatile boolean closed;
  private @Nullable ShutdownReport report;
  private static final int LEFTOVER_LINES = 100;

  private EventDispatcher(Builder b) {
    this.synchronous = b.synchronous;
    this.clock = b.clock;
    this.outbox = b.outbox;
    this.closeTimeout = b.closeTimeout;
    Scheduler scheduler;
    if (b.scheduler != null) {
      scheduler = b.scheduler;
      this.ownedScheduler = null;
    } else {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "pamkit-dispatch-scheduler");
                t.setDaemon(true);
                return t;
              });
      executor.setRemoveOnCancelPolicy(true);
      this.ownedScheduler = executor;
      scheduler = Scheduler.of(executor);
    }
    this.events =
        new DispatchEvents(
            b.listener,
            b.outbox,
            b.deadLetterSink != null
                ? b.deadLetterSink
                : b.outbox instanceof DeadLetterSink journal
                    ? journal
                    : new InMemoryDeadLetterSink(),
            b.clock,
            scheduler);
    this.observed = events.observed();
    RandomGenerator random = b.random;
    LaneContext context =
        new LaneContext(clock, scheduler, random::nextDouble, synchronous, b.threadFactory, events);
    Map<String, Lane> map = new HashMap<>();
    List<Lane> list = new ArrayList<>();
    for (Map.Entry<String, Registration> e : b.transports.entrySet()) {
      Registration r = e.getValue();
      LaneConfig config = r.config() != null ? r.config() : b.defaultLaneConfig;
      Lane lane = new Lane(r.transport(), e.getKey(), config, context);
      map.put(e.getKey(), lane);
      list.add(lane);
    }
    this.lanes = Collections.unmodifiableMap(map);
    this.laneList = List.copyOf(list);
    this.index = new RoutingIndex(b.subscribers, lanes::get);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private EventDispatcher start(List<Subscriber> subscribers) {
    for (Lane lane : laneList) {
      lane.start();
    }
    if (outbox != null) {
      resume(outbox, subscribers);
    }
    LOG.debug(
        "Dispatcher started: {} lanes, {} subscribers, synchronous={}",
        laneList.size(),
        index.subscriberCount(),
        synchronous);
    return this;
  }

  private void resume(Outbox box, List<Subscriber> subscribers) {
    Map<Integer, Subscriber> byId = new HashMap<>();
    for (Subscriber s : subscribers) {
      byId.putIfAbsent(s.id(), s);
    }
    for (Outbox.Entry e : box.pending()) {
      Subscriber s = byId.get(e.subscriberId());
      if (s == null) {
        Subscriber placeholder = Subscriber.builder(e.channel()).id(e.subscriberId()).build();
        Notification n = Notification.of(e.idempotencyKey(), e.event(), placeholder, e.channel());
        events.deadLetter(
            new DeadLetter(
                n,
                List.of(),
                "subscriber " + e.subscriberId() + " no longer exists",
                clock.instant()));
        continue;
      }
      Notification n = Notification.of(e.idempotencyKey(), e.event(), s, e.channel());
      Lane lane = lanes.get(n.channel());
      if (lane == null) {
        events.deadLetter(noTransport(n));
      } else if (!lane.accept(n)) {
        LOG.warn(
            "Lane '{}' refused resumed notification {}; it stays in the outbox",
            lane.id,
            n.idempotencyKey());
      }
    }
  }

  // ------------------------------------------------------------------------ publishing

  /**
   * Publishes an event: each enabled subscriber that wants it and whose property filter matches
   * gets a notification, handed to its channel's lane (or, in synchronous mode, delivered before
   * this method returns). Returns once every notification is accepted (and, with an outbox,
   * recorded durably).
   *
   * @param event the event
   * @throws PublishRejectedException if the dispatcher is shut down, or a lane was full and its
   *     back-pressure policy refused; the exception lists the notifications not accepted (all
   *     others were)
   * @throws OutboxException if the outbox could not record a notification; that one and those after
   *     it were not accepted, those before it were
   */
  @Override
  public void publish(ApplianceEvent event) {
    requireNonNull(event, "event");
    publishing.increment();
    try {
      refuseIfClosed(event);
      dispatch(event, index.route(event.name()));
    } finally {
      publishing.decrement();
    }
  }

  /**
   * Publishes an event like {@link #publish}, without waiting for the outbox's disk: returns once
   * every notification is accepted and handed to the outbox, with a future that completes when all
   * of them are recorded durably (per the outbox's policy; for a {@link
   * io.pamkit.core.journal.Journal} with the default group commit: forced to disk). A caller that
   * publishes many events and then waits for their futures (or for the last one: a journal
   * completes them in order) gets the same guarantee as {@link #publish} for each, for a few {@code
   * fsync}s in all instead of one per event. Without an outbox, or in synchronous mode, the future
   * is already complete.
   *
   * <p>A notification may be delivered before its record is durable; if recording then fails (the
   * future completes exceptionally with the outbox's exception, a {@link
   * io.pamkit.core.journal.JournalException} for a journal), it is not resumed after a crash.
   *
   * @param event the event
   * @return a future completed when the event's notifications are durable
   * @throws PublishRejectedException as for {@link #publish}
   * @throws OutboxException as for {@link #publish}, when the outbox refuses at once (full, closed)
   */
  public CompletableFuture<Void> publishAsync(ApplianceEvent event) {
    requireNonNull(event, "event");
    if (synchronous || outbox == null) {
      publish(event);
      return CompletableFuture.completedFuture(null);
    }
    publishing.increment();
    try {
      refuseIfClosed(event);
      List<CompletableFuture<Void>> durable = new ArrayList<>(2);
      publishObserved(event, index.route(event.name()), durable);
      return switch (durable.size()) {
        case 0 -> CompletableFuture.completedFuture(null);
        case 1 -> durable.get(0);
        default -> CompletableFuture.allOf(durable.toArray(new CompletableFuture<?>[0]));
      };
    } finally {
      publishing.decrement();
    }
  }

  /**
   * Publishes an event to one subscriber alone, whatever its subscriptions: it gets the event even
   * when it is disabled, does not subscribe to the event's name or its property filter does not
   * match, and no other subscriber gets it. This is the appliance's "send test event", which checks
   * a subscriber's channel; {@link io.pamkit.core.subscription.SubscriberRegistry#sendTestEvent}
   * builds the {@code Test} event and calls this method. The notification goes through the
   * subscriber's lane like any other (retries, dead letters, listener, outbox).
   *
   * @param event the event, typically a {@code Test} event
   * @param subscriberId the id of one of this dispatcher's subscribers (disabled ones included)
   * @throws NoSuchSubscriberException if this dispatcher has no subscriber with that id; nothing
   *     was published
   * @throws PublishRejectedException as for {@link #publish}
   * @throws OutboxException as for {@link #publish}
   */
  @Override
  public void publishTo(ApplianceEvent event, int subscriberId) {
    requireNonNull(event, "event");
    publishing.increment();
    try {
      refuseIfClosed(event);
      RoutingIndex.Route route = index.targeted(subscriberId);
      if (route == null) {
        throw new NoSuchSubscriberException(subscriberId);
      }
      dispatch(event, route);
    } finally {
      publishing.decrement();
    }
  }

  private void refuseIfClosed(ApplianceEvent event) {
    if (closed) {
      throw new PublishRejectedException(
          PublishRejectedException.Reason.SHUT_DOWN,
          List.of(),
          "the dispatcher is shut down; event " + event.name() + " was not accepted");
    }
  }

  private void dispatch(ApplianceEvent event, RoutingIndex.Route route) {
    if (synchronous) {
      publishSync(event, route);
    } else if (observed) {
      publishObserved(event, route, null);
    } else {
      publishGrouped(event, route);
    }
  }

  /**
   * Asynchronous, nobody observing: one queue entry per lane (per 64 subscribers of a lane), the
   * lane's worker creates the notifications; the publisher allocates nothing.
   */
  private void publishGrouped(ApplianceEvent event, RoutingIndex.Route route) {
    Subscriber[] unrouted = route.unrouted;
    for (int i = 0; i < unrouted.length; i++) {
      if (unrouted[i].filter().matches(event)) {
        events.deadLetter(noTransport(Notification.create(event, unrouted[i])));
      }
    }
    RoutingIndex.Group[] groups = route.groups;
    List<Notification> rejected = null;
    for (int i = 0; i < groups.length; i++) {
      RoutingIndex.Group group = groups[i];
      long bits = group.match(event);
      if (bits != 0 && !group.lane.accept(event, group, bits)) {
        if (rejected == null) {
          rejected = new ArrayList<>();
        }
        group.notifications(event, bits, rejected);
      }
    }
    if (rejected != null) {
      throw rejected(rejected);
    }
  }

  /** Asynchronous with a listener or an outbox: one notification, one queue entry. */
  private void publishObserved(
      ApplianceEvent event,
      RoutingIndex.Route route,
      @Nullable List<CompletableFuture<Void>> durable) {
    Subscriber[] subscribers = route.subscribers;
    Lane[] routeLanes = route.lanes;
    List<Notification> rejected = null;
    for (int i = 0; i < subscribers.length; i++) {
      Subscriber s = subscribers[i];
      if (!s.filter().matches(event)) {
        continue;
      }
      Notification n = Notification.create(event, s);
      Lane lane = routeLanes[i];
      if (lane == null) {
        events.deadLetter(noTransport(n));
        continue;
      }
      events.published(n);
      if (outbox != null) {
        if (durable != null) {
          durable.add(outbox.appendAsync(n));
        } else {
          outbox.append(n);
        }
      }
      if (!lane.accept(n)) {
        if (rejected == null) {
          rejected = new ArrayList<>();
        }
        rejected.add(n);
        if (outbox != null) {
          outbox.complete(n);
        }
      }
    }
    if (rejected != null) {
      throw rejected(rejected);
    }
  }

  /** Delivers on this thread; deliveries are counted once per run of the same lane. */
  private void publishSync(ApplianceEvent event, RoutingIndex.Route route) {
    Subscriber[] subscribers = route.subscribers;
    Lane[] routeLanes = route.lanes;
    PropertyFilter[] filters = route.filters;
    Lane counting = null;
    int delivered = 0;
    try {
      for (int i = 0; i < subscribers.length; i++) {
        if (filters != null && !filters[i].matches(event)) {
          continue;
        }
        Notification n = Notification.create(event, subscribers[i]);
        Lane lane = routeLanes[i];
        if (lane == null) {
          events.deadLetter(noTransport(n));
          continue;
        }
        if (observed) {
          events.published(n);
          if (outbox != null) {
            outbox.append(n);
          }
        }
        if (lane != counting) {
          if (counting != null && delivered != 0) {
            counting.addDelivered(delivered);
          }
          counting = lane;
          delivered = 0;
        }
        if (lane.deliverNow(n)) {
          delivered++;
        }
      }
    } finally {
      if (counting != null && delivered != 0) {
        counting.addDelivered(delivered);
      }
    }
  }

  private PublishRejectedException rejected(List<Notification> rejected) {
    StringBuilder lanesFull = new StringBuilder();
    for (Notification n : rejected) {
      if (lanesFull.indexOf("'" + n.channel() + "'") < 0) {
        lanesFull
            .append(lanesFull.length() == 0 ? "" : ", ")
            .append('\'')
            .append(n.channel())
            .append('\'');
      }
    }
    return new PublishRejectedException(
        PublishRejectedException.Reason.LANE_FULL,
        rejected,
        rejected.size()
            + " notification(s) of event "
            + rejected.get(0).event().name()
            + " not accepted: lane "
            + lanesFull
            + " full");
  }

  private DeadLetter noTransport(Notification n) {
    return new DeadLetter(
        n, List.of(), "no transport registered for channel '" + n.channel() + "'", clock.instant());
  }

  /**
   * Replaces the subscribers. The new routing index is built first, then swapped in atomically: a
   * publish that starts after this method returns sees the new subscribers; one in progress
   * finishes with the old ones. Notifications already created are delivered regardless.
   *
   * @param subscribers every subscriber; disabled ones receive nothing
   */
  public void updateSubscribers(Collection<Subscriber> subscribers) {
    List<Subscriber> copy = List.copyOf(requireNonNull(subscribers, "subscribers"));
    synchronized (updateLock) {
      index = new RoutingIndex(copy, lanes::get);
    }
  }

  /** The routing index in use (for tests and benchmarks of this package). */
  RoutingIndex routingIndex() {
    return index;
  }

  // ------------------------------------------------------------------------ dead letters

  /**
   * Returns the sink that receives dead letters.
   *
   * @return the sink given to the builder, or the default in-memory sink
   */
  public DeadLetterSink deadLetterSink() {
    return events.deadLetterSink();
  }

  /**
   * Returns the dead letters the sink refused (its {@code accept} threw), kept here so that none is
   * lost.
   *
   * @return a snapshot, oldest first
   */
  public List<DeadLetter> unsinkableDeadLetters() {
    return events.unsinkable().list();
  }

  /**
   * Re-drives a dead letter: removes it from the sink and hands its notification (same idempotency
   * key, fresh attempts) to its channel's lane again.
   *
   * @param deadLetter a dead letter listed by the sink
   * @return false when the sink did not hold it (already re-driven)
   * @throws PublishRejectedException if the lane refused it; the dead letter is back in the sink
   */
  public boolean redrive(DeadLetter deadLetter) {
    requireNonNull(deadLetter, "deadLetter");
    DeadLetterSink deadLetterSink = events.deadLetterSink();
    if (!deadLetterSink.remove(deadLetter) && !events.unsinkable().remove(deadLetter)) {
      return false;
    }
    Notification n = deadLetter.notification();
    // A dead letter read back from a journal carries a placeholder subscriber: use the current one.
    Subscriber current = index.subscriber(n.subscriber().id());
    if (current != null && current != n.subscriber()) {
      n = Notification.of(n.idempotencyKey(), n.event(), current, n.channel());
    }
    publishing.increment();
    try {
      if (closed) {
        deadLetterSink.accept(deadLetter);
        throw new PublishRejectedException(
            PublishRejectedException.Reason.SHUT_DOWN,
            List.of(n),
            "the dispatcher is shut down; dead letter not re-driven");
      }
      Lane lane = lanes.get(n.channel());
      if (lane == null) {
        events.deadLetter(noTransport(n));
        return true;
      }
      LOG.info("Re-driving notification {} on transport '{}'", n.idempotencyKey(), lane.id);
      events.published(n);
      if (outbox != null) {
        outbox.append(n);
      }
      if (!lane.accept(n)) {
        if (outbox != null) {
          outbox.complete(n);
        }
        deadLetterSink.accept(deadLetter);
        throw rejected(List.of(n));
      }
      return true;
    } finally {
      publishing.decrement();
    }
  }

  /**
   * Re-drives every dead letter of the sink, oldest first.
   *
   * @return how many were re-driven
   * @throws PublishRejectedException if a lane refused one; those before it were re-driven
   */
  public int redriveAll() {
    int count = 0;
    for (DeadLetter d : events.deadLetterSink().list()) {
      if (redrive(d)) {
        count++;
      }
    }
    return count;
  }

  // ------------------------------------------------------------------------ observability

  /**
   * Returns a snapshot of every lane's counters, in registration order.
   *
   * @return one entry per transport
   */
  public List<LaneMetrics> metrics() {
    List<LaneMetrics> out = new ArrayList<>(laneList.size());
    for (Lane lane : laneList) {
      out.add(lane.metrics());
    }
    return out;
  }

  /**
   * Returns a snapshot of one lane's counters.
   *
   * @param transportId the transport id
   * @return the counters, or empty when no such transport is registered
   */
  public Optional<LaneMetrics> metrics(String transportId) {
    Lane lane = lanes.get(requireNonNull(transportId, "transportId"));
    return lane == null ? Optional.empty() : Optional.of(lane.metrics());
  }

  /**
   * Returns the ids of the registered transports, in registration order.
   *
   * @return an immutable list
   */
  public List<String> transportIds() {
    List<String> ids = new ArrayList<>(laneList.size());
    for (Lane lane : laneList) {
      ids.add(lane.id);
    }
    return List.copyOf(ids);
  }

  /**
   * Returns whether publish delivers on the caller's thread.
   *
   * @return true in synchronous mode
   */
  public boolean synchronous() {
    return synchronous;
  }

  // ------------------------------------------------------------------------ shutdown

  /**
   * Shuts down: stops accepting events at once, lets the lanes drain (deliveries, retries due
   * before the deadline) until {@code timeout} has passed, then stops the workers and the scheduler
   * it owns, closes the transports and reports what was left. Idempotent: later calls return the
   * first report.
   *
   * <p>With an outbox, a delivery whose receipt had a {@link DeliveryReceipt#settleAfter()} still
   * running (plain TCP or TLS syslog keeps a resend window) is completed here if its transport
   * closed without an error; if the close failed it stays pending and the next start sends it again
   * (a duplicate, dropped by {@code IdempotencyKey}).
   *
   * @param timeout how long to wait for the lanes to drain; zero to stop at once
   * @return what was left undone
   */
  public ShutdownReport shutdown(Duration timeout) {
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    synchronized (shutdownLock) {
      if (report != null) {
        return report;
      }
      closed = true;
      long deadline = System.nanoTime() + timeout.toNanos();
      while (publishing.sum() != 0 && System.nanoTime() - deadline < 0) {
        LockSupport.parkNanos(SHUTDOWN_POLL_NANOS);
      }
      while (!allIdle() && System.nanoTime() - deadline < 0) {
        LockSupport.parkNanos(SHUTDOWN_POLL_NANOS);
      }
      for (Lane lane : laneList) {
        lane.stop(deadline);
      }
      if (ownedScheduler != null) {
        ownedScheduler.shutdownNow();
      }
      List<Notification> undelivered = new ArrayList<>();
      List<Notification> inFlight = new ArrayList<>();
      for (Lane lane : laneList) {
        int before = undelivered.size() + inFlight.size();
        lane.leftovers(undelivered, inFlight);
        lane.leftAtShutdown = undelivered.size() + inFlight.size() - before;
      }
      Set<String> clean = closeTransports(laneList);
      int held = events.close(clean);
      if (held > 0) {
        LOG.warn(
            "{} delivered notification(s) still inside the resend window of a transport that"
                + " failed to close stay pending in the outbox; the next start sends them again"
                + " (receivers drop the copies by IdempotencyKey)",
            held);
      }
      if (outbox != null) {
        try {
          outbox.close();
        } catch (RuntimeException e) {
          LOG.warn("Outbox failed to close: {}", e.getClass().getName());
        }
      }
      report =
          new ShutdownReport(
              undelivered.isEmpty() && inFlight.isEmpty(), undelivered, inFlight, outbox != null);
      if (report.drained()) {
        LOG.info(
            "Dispatcher shut down; every accepted notification was delivered or dead-lettered");
      } else {
        logLeftovers(report);
      }
      return report;
    }
  }

  /**
   * One line per notification left (the first {@value #LEFTOVER_LINES}), then a summary: nothing
   * accepted disappears without a word.
   */
  private static void logLeftovers(ShutdownReport r) {
    String fate =
        r.journaled()
            ? "kept in the outbox, resumed at the next start"
            : "NOT delivered and not kept (no outbox)";
    int logged = 0;
    for (List<Notification> list : List.of(r.undelivered(), r.inFlight())) {
      boolean sending = list == r.inFlight();
      for (Notification n : list) {
        if (logged++ == LEFTOVER_LINES) {
          break;
        }
        LOG.warn(
            "Shutdown left notification {} of event {} for subscriber {} ({}){}: {}",
            n.idempotencyKey(),
            n.event().name(),
            n.subscriber().id(),
            n.channel(),
            sending ? " while its transport was sending it (outcome unknown)" : "",
            fate);
      }
    }
    LOG.warn(
        "Dispatcher shut down with {} undelivered and {} in-flight notification(s): {}"
            + " (LaneMetrics.leftAtShutdown counts them per transport)",
        r.undelivered().size(),
        r.inFlight().size(),
        fate);
  }

  /**
   * Returns the report of the shutdown, once {@link #close()} or {@link #shutdown(Duration)} ran:
   * {@code close()} cannot return it.
   *
   * @return the report, or empty while the dispatcher runs
   */
  public Optional<ShutdownReport> shutdownReport() {
    synchronized (shutdownLock) {
      return Optional.ofNullable(report);
    }
  }

  private boolean allIdle() {
    for (Lane lane : laneList) {
      if (!lane.idle()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Shuts down with the builder's close timeout; see {@link #shutdown(Duration)}. What was left is
   * logged (one {@code WARN} line per notification), counted in {@link
   * LaneMetrics#leftAtShutdown()} and available from {@link #shutdownReport()}.
   */
  @Override
  public void close() {
    shutdown(closeTimeout);
  }

  @Override
  public String toString() {
    return "EventDispatcher{lanes="
        + transportIds()
        + ", subscribers="
        + index.subscriberCount()
        + ", synchronous="
        + synchronous
        + ", closed="
        + closed
        + "}";
  }

  /**
   * Closes each lane's transport once (the builder refused duplicates); failures are logged.
   *
   * @return the channels whose transport closed without an error
   */
  private static Set<String> closeTransports(List<Lane> lanes) {
    Set<String> clean = new HashSet<>();
    for (Lane lane : lanes) {
      if (closeQuietly(lane.transport, lane.id)) {
        clean.add(lane.id);
      }
    }
    return clean;
  }

  private static boolean closeQuietly(Transport transport, String channel) {
    try {
      transport.close();
      return true;
    } catch (Exception | LinkageError | AssertionError e) {
      // Exception also covers a checked exception thrown sneakily. The message is not logged:
      // a third-party transport's message can hold anything.
      LOG.warn("Transport '{}' failed to close: {}", channel, e.getClass().getName());
      return false;
    }
  }

  /** Stops what the constructor started when {@code start} fails; closes the transports. */
  private void abandon() {
    closed = true;
    for (Lane lane : laneList) {
      lane.stop(System.nanoTime());
    }
    if (ownedScheduler != null) {
      ownedScheduler.shutdownNow();
    }
    closeTransports(laneList);
  }

  // ------------------------------------------------------------------------ builder

  private record Registration(Transport transport, String channel, @Nullable LaneConfig config) {}

  /** Builds {@link EventDispatcher}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private final Map<String, Registration> transports = new LinkedHashMap<>();
    private LaneConfig defaultLaneConfig = LaneConfig.defaults();
    private List<Subscriber> subscribers = List.of();
    private boolean synchronous;
    private @Nullable DeadLetterSink deadLetterSink;
    private DispatchListener listener = DispatchListener.NONE;
    private Clock clock = Clock.systemUTC();
    private @Nullable Scheduler scheduler;
    private RandomGenerator random = ThreadLocalRandom.current();
    private ThreadFactory threadFactory = Thread::new;
    private @Nullable Outbox outbox;
    private Duration closeTimeout = Duration.ofSeconds(10);

    private Builder() {}

    /**
     * Registers a transport with the {@linkplain #defaultLaneConfig default lane configuration}.
     * Subscribers whose type equals its {@link Transport#channel()} use it.
     *
     * @param transport the transport; the dispatcher built owns it and closes it once, on shutdown
     *     (see the class comment)
     * @return this builder
     * @throws IllegalArgumentException if its channel is blank or already registered, or this very
     *     instance was given before
     */
    public Builder transport(Transport transport) {
      return register(transport, null);
    }

    /**
     * Registers a transport with its own lane configuration.
     *
     * @param transport the transport; the dispatcher built owns it and closes it once, on shutdown
     *     (see the class comment)
     * @param config the configuration of its lane
     * @return this builder
     * @throws IllegalArgumentException if its channel is blank or already registered, or this very
     *     instance was given before
     */
    public Builder transport(Transport transport, LaneConfig config) {
      return register(transport, requireNonNull(config, "config"));
    }

    /**
     * Registers several transports, in order, each with the {@linkplain #defaultLaneConfig default
     * lane configuration}: the same as calling {@link #transport(Transport)} for each. Typically
     * the transports a configuration document describes.
     *
     * @param transports the transports; the dispatcher built owns them and closes each once, on
     *     shutdown (see the class comment)
     * @return this builder
     * @throws IllegalArgumentException if a channel is blank or registered twice, or one instance
     *     is given twice; the transports before it stay registered
     */
    public Builder transports(Iterable<? extends Transport> transports) {
      requireNonNull(transports, "transports");
      for (Transport t : transports) {
        register(t, null);
      }
      return this;
    }

    private Builder register(Transport transport, @Nullable LaneConfig config) {
      requireNonNull(transport, "transport");
      for (Registration r : transports.values()) {
        if (r.transport == transport) {
          throw new IllegalArgumentException(
              "transport "
                  + transport.getClass().getName()
                  + " of channel '"
                  + r.channel
                  + "' is already registered: the dispatcher owns and"
                  + " closes each transport once, so one instance can be given only once");
        }
      }
      String channel = transport.channel();
      if (channel == null || channel.isBlank()) {
        throw new IllegalArgumentException(
            "transport " + transport.getClass().getName() + " has a blank channel");
      }
      if (transports.containsKey(channel)) {
        throw new IllegalArgumentException(
            "a transport of channel '" + channel + "' is already registered");
      }
      transports.put(channel, new Registration(transport, channel, config));
      return this;
    }

    /**
     * Sets the lane configuration of transports registered without one. Default: {@link
     * LaneConfig#defaults()}.
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder defaultLaneConfig(LaneConfig config) {
      this.defaultLaneConfig = requireNonNull(config, "config");
      return this;
    }

    /**
     * Sets the initial subscribers. Default: none. Change them later with {@link
     * EventDispatcher#updateSubscribers}.
     *
     * @param subscribers the subscribers
     * @return this builder
     */
    public Builder subscribers(Collection<Subscriber> subscribers) {
      this.subscribers = List.copyOf(requireNonNull(subscribers, "subscribers"));
      return this;
    }

    /**
     * Sets synchronous mode: no queues nor workers; {@code publish} delivers on the caller's thread
     * and retries run on the scheduler. For tests and small embedders. Default: false.
     *
     * @param synchronous whether to deliver on the caller's thread
     * @return this builder
     */
    public Builder synchronous(boolean synchronous) {
      this.synchronous = synchronous;
      return this;
    }

    /**
     * Sets where dead letters go. Default: the outbox when it is also a {@link DeadLetterSink} (a
     * {@link io.pamkit.core.journal.Journal}), else a new sink that keeps dead letters in memory,
     * unbounded, until they are re-driven or removed.
     *
     * @param sink the sink
     * @return this builder
     */
    public Builder deadLetterSink(DeadLetterSink sink) {
      this.deadLetterSink = requireNonNull(sink, "sink");
      return this;
    }

    /**
     * Sets the listener. Default: {@link DispatchListener#NONE}.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(DispatchListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the clock of attempt and dead-letter times and of the circuit breakers. Default: {@link
     * Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the scheduler of retries; the caller keeps ownership of it. Default: a single daemon
     * thread owned (and stopped on shutdown) by the dispatcher.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Sets the source of the retry jitter; it must be thread-safe. Default: {@link
     * ThreadLocalRandom}.
     *
     * @param random the generator
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = requireNonNull(random, "random");
      return this;
    }

    /**
     * Sets the factory of the lanes' worker threads (the dispatcher names them {@code
     * pamkit-lane-<id>-<n>} and makes them daemons). Default: {@code Thread::new}.
     *
     * @param threadFactory the factory
     * @return this builder
     */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /**
     * Sets the outbox that makes accepted notifications durable; pending entries are resumed when
     * the dispatcher is built. Default: none (accepted notifications live in memory only).
     *
     * @param outbox the outbox; the dispatcher closes it on shutdown
     * @return this builder
     */
    public Builder outbox(Outbox outbox) {
      this.outbox = requireNonNull(outbox, "outbox");
      return this;
    }

    /**
     * Sets how long {@link EventDispatcher#close()} lets the lanes drain. Default: 10 seconds.
     *
     * @param timeout zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder closeTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("closeTimeout must not be negative: " + timeout);
      }
      this.closeTimeout = timeout;
      return this;
    }

    /**
     * Builds and starts the dispatcher: starts the lanes' workers and resumes the outbox. From here
     * on the dispatcher owns the transports; if this method throws, it has closed them.
     *
     * @return the running dispatcher
     */
    public EventDispatcher build() {
      EventDispatcher dispatcher;
      try {
        dispatcher = new EventDispatcher(this);
      } catch (RuntimeException | Error e) {
        for (Registration r : transports.values()) {
          closeQuietly(r.transport(), r.channel());
        }
        throw e;
      }
      try {
        return dispatcher.start(subscribers);
      } catch (RuntimeException | Error e) {
        dispatcher.abandon();
        throw e;
      }
    }
  }
}
