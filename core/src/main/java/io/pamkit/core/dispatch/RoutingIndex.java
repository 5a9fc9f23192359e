package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.subscription.Subscriber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Which subscribers want which event, precomputed. For every event name some subscriber lists,
 * the index holds the array of enabled subscribers that want it (those listing the name and
 * those subscribed to all events, in the order the subscribers were given); any other name gets
 * the all-events subscribers. A lookup is an open-addressing hash probe that takes no lock and
 * allocates nothing. Property filters are not applied by the index: they depend on the event.
 *
 * <p>Immutable and thread-safe. {@link EventDispatcher} builds a new index whenever its
 * subscribers change and swaps it in atomically, so a publish sees either the old or the new
 * subscribers, never a mix.
 */
public final class RoutingIndex {
  private final String[] keys;
  private final int[] hashes;
  private final Route[] routes;
  private final int mask;
  private final Route allEvents;
  private final int subscriberCount;

  /** Subscribers wanting one event name, with the lane of each (null: no transport). */
  static final class Route {
    final Subscriber[] subscribers;
    final @Nullable Lane[] lanes;
    final List<Subscriber> view;

    Route(List<Subscriber> subscribers, Function<String, @Nullable Lane> lanes) {
      this.subscribers = subscribers.toArray(new Subscriber[0]);
      this.lanes = new Lane[this.subscribers.length];
      for (int i = 0; i < this.subscribers.length; i++) {
        this.lanes[i] = lanes.apply(this.subscribers[i].type());
      }
      this.view = List.of(this.subscribers);
    }
  }

  RoutingIndex(Collection<Subscriber> subscribers, Function<String, @Nullable Lane> lanes) {
    requireNonNull(subscribers, "subscribers");
    Map<Subscriber, Integer> order = new IdentityHashMap<>();
    List<Subscriber> all = new ArrayList<>();
    Map<String, List<Subscriber>> byName = new LinkedHashMap<>();
    for (Subscriber s : subscribers) {
      requireNonNull(s, "subscriber");
      if (!s.enabled() || order.containsKey(s)) {
        continue;
      }
      order.put(s, order.size());
      if (s.subscribeToAllEvents()) {
        all.add(s);
      } else {
        for (String name : s.subscriptions()) {
          byName.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
        }
      }
    }
    this.subscriberCount = order.size();
    Map<List<Subscriber>, Route> shared = new HashMap<>();
    this.allEvents = new Route(all, lanes);
    int capacity = Integer.highestOneBit(Math.max(2, byName.size() * 2 - 1)) << 1;
    this.keys = new String[capacity];
    this.hashes = new int[capacity];
    this.routes = new Route[capacity];
    this.mask = capacity - 1;
    for (Map.Entry<String, List<Subscriber>> e : byName.entrySet()) {
      List<Subscriber> merged = merge(e.getValue(), all, order);
      Route route = shared.computeIfAbsent(merged, m -> new Route(m, lanes));
      int h = spread(e.getKey().hashCode());
      int i = h & mask;
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      keys[i] = e.getKey();
      hashes[i] = h;
      routes[i] = route;
    }
  }

  /**
   * Builds an index of the given subscribers; disabled ones are left out.
   *
   * @param subscribers the subscribers, in the order deliveries should follow
   * @return a new index
   */
  public static RoutingIndex of(Collection<Subscriber> subscribers) {
    return new RoutingIndex(subscribers, channel -> null);
  }

  /**
   * Returns the enabled subscribers that want an event of this name, before property filters.
   * Allocates nothing.
   *
   * @param eventName the event name
   * @return an immutable random-access list, in the order the subscribers were given
   */
  public List<Subscriber> candidates(String eventName) {
    return route(eventName).view;
  }

  /**
   * Returns the number of enabled subscribers indexed.
   *
   * @return the count
   */
  public int subscriberCount() {
    return subscriberCount;
  }

  Route route(String eventName) {
    int h = spread(eventName.hashCode());
    int i = h & mask;
    for (String k = keys[i]; k != null; k = keys[i]) {
      if (k == eventName || (hashes[i] == h && k.equals(eventName))) {
        return routes[i];
      }
      i = (i + 1) & mask;
    }
    return allEvents;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private static List<Subscriber> merge(
      List<Subscriber> exact, List<Subscriber> all, Map<Subscriber, Integer> order) {
    List<Subscriber> merged = new ArrayList<>(exact.size() + all.size());
    int i = 0;
    int j = 0;
    while (i < exact.size() || j < all.size()) {
      if (j == all.size()
          || (i < exact.size() && order.get(exact.get(i)) < order.get(all.get(j)))) {
        merged.add(exact.get(i++));
      } else {
        merged.add(all.get(j++));
      }
    }
    return merged;
  }

  @Override
  public String toString() {
    return "RoutingIndex{subscribers=" + subscriberCount + ", eventNames="
        + (keys.length - java.util.Arrays.stream(keys).filter(k -> k == null).count()) + "}";
  }
}
