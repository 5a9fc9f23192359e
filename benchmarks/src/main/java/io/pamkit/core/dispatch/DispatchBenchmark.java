// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.subscription.Subscriber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The dispatch hot path against the alternatives a user would pick, in one run, on the same event
 * and the same 10 matching subscribers (among 1,000 subscriptions spread over the 630 catalog event
 * names):
 *
 * <ul>
 *   <li>{@code routingLookup}: the routing index alone (lookup and property filters);
 *   <li>{@code publishSync}: {@link EventDispatcher#publish} in synchronous mode to a no-op
 *       transport (creates the 10 notifications);
 *   <li>{@code publishAsync}: {@code publish} through the asynchronous lane to a no-op transport
 *       (one queue entry per event; the lane's worker creates the 10 notifications); back-pressure
 *       blocks, so the score is the end-to-end throughput;
 *   <li>{@code baselineGuavaEventBus}: Guava {@code EventBus.post} to 10 {@code @Subscribe}
 *       handlers;
 *   <li>{@code baselinePlainLoop}: a loop over 10 consumers that cannot be inlined;
 *   <li>{@code baselineDisruptor}: an LMAX Disruptor ring (default blocking wait strategy) with one
 *       handler that calls the 10 consumers.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DispatchBenchmark -f 1 -wi 3 -w 2s -i 5
 * -r 2s -prof gc}. The gc profiler's {@code gc.alloc.rate.norm} is the B/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DispatchBenchmark {
  static final String CHANNEL = "NoOp";
  static final int MATCHING = 10;
  static final int SUBSCRIPTIONS = 1_000;

  ApplianceEvent event;
  RoutingIndex index;
  EventDispatcher sync;
  EventDispatcher async;
  EventBus eventBus;
  List<Consumer<ApplianceEvent>> consumers;
  Disruptor<Holder> disruptor;
  RingBuffer<Holder> ring;

  /** A transport that does nothing and returns a shared receipt. */
  static final class NoOpTransport implements Transport {
    private final String id;
    private final DeliveryReceipt receipt;
    long sent;

    NoOpTransport(String id) {
      this.id = id;
      this.receipt = new DeliveryReceipt(id, null, Instant.EPOCH);
    }

    @Override
    public String channel() {
      return id;
    }

    @Override
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public DeliveryReceipt send(Notification notification) {
      sent++;
      return receipt;
    }
  }

  /** The work every baseline does per subscriber: one call that cannot be inlined. */
  static final class Sink implements Consumer<ApplianceEvent> {
    long seen;

    @Override
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public void accept(ApplianceEvent e) {
      seen++;
    }
  }

  /** A Guava subscriber; one instance per matching subscriber. */
  public static final class GuavaHandler {
    private final Sink sink = new Sink();

    /**
     * Receives an event.
     *
     * @param e the event
     */
    @Subscribe
    public void on(ApplianceEvent e) {
      sink.accept(e);
    }
  }

  /** A Disruptor ring slot. */
  static final class Holder {
    ApplianceEvent event;
  }

  private static final EventTranslatorOneArg<Holder, ApplianceEvent> TRANSLATOR =
      (holder, sequence, e) -> holder.event = e;

  @Setup(Level.Trial)
  public void setUp() {
    List<String> names = EventCatalog.defaults().names();
    String name = "PasswordChangeFailed";
    if (!names.contains(name)) {
      throw new IllegalStateException(name + " is not in the catalog");
    }
    event =
        ApplianceEvent.builder(name)
            .id("bench-1")
            .applianceId("SPP-1")
            .property("AssetName", "dc01.example.com")
            .build();

    List<Subscriber> subscribers = new ArrayList<>();
    for (int i = 0; i < MATCHING; i++) {
      subscribers.add(Subscriber.builder(CHANNEL).id(i + 1).subscribe(name).build());
    }
    Random random = new Random(42);
    String[] channels = {"Email", "Syslog", "Snmp"};
    for (int i = MATCHING; i < SUBSCRIPTIONS; i++) {
      Subscriber.Builder b = Subscriber.builder(channels[i % 3]).id(i + 1);
      int count = 1 + random.nextInt(3);
      for (int j = 0; j < count; j++) {
        String other = names.get(random.nextInt(names.size()));
        if (!other.equals(name)) {
          b.subscribe(other);
        }
      }
      subscribers.add(b.build());
    }
    index = RoutingIndex.of(subscribers);
    if (index.candidates(name).size() != MATCHING) {
      throw new IllegalStateException("expected " + MATCHING + " matches");
    }

    sync = dispatcher(subscribers, true);
    async = dispatcher(subscribers, false);

    eventBus = new EventBus("benchmark");
    consumers = new ArrayList<>();
    for (int i = 0; i < MATCHING; i++) {
      eventBus.register(new GuavaHandler());
      consumers.add(new Sink());
    }

    disruptor =
        new Disruptor<>(
            Holder::new,
            1 << 16,
            DaemonThreadFactory.INSTANCE,
            ProducerType.SINGLE,
            new BlockingWaitStrategy());
    List<Consumer<ApplianceEvent>> handlerConsumers = consumers;
    EventHandler<Holder> handler =
        (holder, sequence, endOfBatch) -> {
          for (int i = 0; i < handlerConsumers.size(); i++) {
            handlerConsumers.get(i).accept(holder.event);
          }
        };
    disruptor.handleEventsWith(handler);
    ring = disruptor.start();
  }

  private static EventDispatcher dispatcher(List<Subscriber> subscribers, boolean synchronous) {
    LaneConfig lane =
        LaneConfig.builder()
            .capacity(1 << 16)
            .backPressure(BackPressure.block(Duration.ofMinutes(1)))
            .build();
    EventDispatcher.Builder b =
        EventDispatcher.builder()
            .synchronous(synchronous)
            .subscribers(subscribers)
            .closeTimeout(Duration.ofSeconds(30));
    for (String id : new String[] {CHANNEL, "Email", "Syslog", "Snmp"}) {
      b.transport(new NoOpTransport(id), lane);
    }
    return b.build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sync.close();
    async.close();
    disruptor.shutdown();
  }

  /**
   * Routing lookup alone: the candidates of the event's name and their property filters.
   *
   * @return the number of matches, so that nothing is eliminated
   */
  @Benchmark
  public int routingLookup() {
    ApplianceEvent e = event;
    List<Subscriber> candidates = index.candidates(e.name());
    int matches = 0;
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.get(i).filter().matches(e)) {
        matches++;
      }
    }
    return matches;
  }

  /** Synchronous publish: routing, 10 notifications, 10 no-op sends on this thread. */
  @Benchmark
  public void publishSync() {
    sync.publish(event);
  }

  /**
   * Asynchronous publish: routing, one entry through the lane's queue, 10 notifications created and
   * sent by its worker.
   */
  @Benchmark
  public void publishAsync() {
    async.publish(event);
  }

  /** Guava EventBus to 10 {@code @Subscribe} handlers. */
  @Benchmark
  public void baselineGuavaEventBus() {
    eventBus.post(event);
  }

  /** A plain loop over 10 non-inlinable consumers. */
  @Benchmark
  public void baselinePlainLoop() {
    ApplianceEvent e = event;
    List<Consumer<ApplianceEvent>> c = consumers;
    for (int i = 0; i < c.size(); i++) {
      c.get(i).accept(e);
    }
  }

  /** An LMAX Disruptor ring, blocking wait strategy, one handler calling the 10 consumers. */
  @Benchmark
  public void baselineDisruptor() {
    ring.publishEvent(TRANSLATOR, event);
  }
}
