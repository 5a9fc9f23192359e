// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.PropertyFilter;
import io.pamkit.core.subscription.Subscriber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Which subscribers want which event, precomputed. For every event name some subscriber lists, the
 * index holds the array of enabled subscribers that want it (those listing the name and those
 * subscribed to all events, in the order the subscribers were given); any other name gets the
 * all-events subscribers. A lookup is an open-addressing hash probe that takes no lock and
 * allocates nothing. Property filters are not applied by the index: they depend on the event.
 *
 * <p>Immutable and thread-safe. {@link EventDispatcher} builds a new index whenever its subscribers
 * change and swaps it in atomically, so a publish sees either the old or the new subscribers, never
 * a mix. Package-private: the dispatcher's implementation (the benchmarks, in this package on the
 * class path, measure it alone).
 */
final class RoutingIndex {
  private final String[] keys;
  private final int[] hashes;
  private final Route[] routes;
  private final int mask;
  private final Route allEvents;
  private final int subscriberCount;

  /** Every subscriber given, disabled ones included, by id (for {@code publishTo}). */
  private final Map<Integer, Subscriber> byId;

  private final Function<String, @Nullable Lane> laneOf;

  /**
   * Subscribers wanting one event name, with the lane of each (null: no transport), and the same
   * subscribers grouped by lane for the asynchronous path.
   */
  static final class Route {
    final Subscriber[] subscribers;
    final @Nullable Lane[] lanes;

    /** The property filter of each subscriber; null when none has a filter. */
    final PropertyFilter @Nullable [] filters;

    /** The subscribers with a lane, grouped by lane (first lane first), at most 64 a group. */
    final Group[] groups;

    /** The subscribers whose channel has no transport, in order. */
    final Subscriber[] unrouted;

    final List<Subscriber> view;

    Route(List<Subscriber> subscribers, Function<String, @Nullable Lane> lanes) {
      this.subscribers = subscribers.toArray(new Subscriber[0]);
      this.lanes = new Lane[this.subscribers.length];
      for (int i = 0; i < this.subscribers.length; i++) {
        this.lanes[i] = lanes.apply(this.subscribers[i].type());
      }
      this.filters = filtersOf(this.subscribers);
      Map<Lane, List<Subscriber>> byLane = new LinkedHashMap<>();
      List<Subscriber> orphans = new ArrayList<>();
      for (int i = 0; i < this.subscribers.length; i++) {
        Lane lane = this.lanes[i];
        if (lane == null) {
          orphans.add(this.subscribers[i]);
        } else {
          byLane.computeIfAbsent(lane, k -> new ArrayList<>()).add(this.subscribers[i]);
        }
      }
      List<Group> out = new ArrayList<>();
      for (Map.Entry<Lane, List<Subscriber>> e : byLane.entrySet()) {
        List<Subscriber> members = e.getValue();
        for (int from = 0; from < members.size(); from += Group.MAX) {
          out.add(
              new Group(
                  e.getKey(), members.subList(from, Math.min(members.size(), from + Group.MAX))));
        }
      }
      this.groups = out.toArray(new Group[0]);
      this.unrouted = orphans.toArray(new Subscriber[0]);
      this.view = List.of(this.subscribers);
    }
  }

  /**
   * At most 64 subscribers of one route that share a lane: the asynchronous path hands the lane one
   * queue entry per event and group, {@code (event, group, mask)}, where bit {@code i} of the mask
   * says that {@code subscribers[i]} matched; the lane's worker creates the notifications.
   */
  static final class Group {
    /** The most subscribers in a group: the bits of a {@code long} mask. */
    static final int MAX = 64;

    final Lane lane;
    final Subscriber[] subscribers;

    /** The mask of every member. */
    final long all;

    /** The property filter of each member; null when none has a filter. */
    final PropertyFilter @Nullable [] filters;

    Group(Lane lane, List<Subscriber> members) {
      this.lane = lane;
      this.subscribers = members.toArray(new Subscriber[0]);
      this.all = subscribers.length == MAX ? -1L : (1L << subscribers.length) - 1;
      this.filters = filtersOf(subscribers);
    }

    /** Returns the mask of the members whose property filter matches the event. */
    long match(ApplianceEvent event) {
      PropertyFilter[] f = filters;
      if (f == null) {
        return all;
      }
      long mask = 0;
      for (int i = 0; i < f.length; i++) {
        if (f[i].matches(event)) {
          mask |= 1L << i;
        }
      }
      return mask;
    }

    /** Creates the notifications of the members in {@code mask}, in member order. */
    void notifications(ApplianceEvent event, long mask, List<Notification> out) {
      for (long m = mask; m != 0; m &= m - 1) {
        out.add(Notification.create(event, subscribers[Long.numberOfTrailingZeros(m)]));
      }
    }
  }

  private static PropertyFilter @Nullable [] filtersOf(Subscriber[] subscribers) {
    PropertyFilter[] filters = new PropertyFilter[subscribers.length];
    boolean any = false;
    for (int i = 0; i < subscribers.length; i++) {
      filters[i] = subscribers[i].filter();
      any |= !filters[i].isEmpty();
    }
    return any ? filters : null;
  }

  RoutingIndex(Collection<Subscriber> subscribers, Function<String, @Nullable Lane> lanes) {
    requireNonNull(subscribers, "subscribers");
    Map<Subscriber, Integer> order = new IdentityHashMap<>();
    List<Subscriber> all = new ArrayList<>();
    Map<String, List<Subscriber>> byName = new LinkedHashMap<>();
    Map<Integer, Subscriber> ids = new HashMap<>();
    this.laneOf = lanes;
    for (Subscriber s : subscribers) {
      requireNonNull(s, "subscriber");
      if (s.id() != 0) {
        ids.putIfAbsent(s.id(), s);
      }
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
    this.byId = Map.copyOf(ids);
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
  static RoutingIndex of(Collection<Subscriber> subscribers) {
    return new RoutingIndex(subscribers, channel -> null);
  }

  /**
   * Returns the enabled subscribers that want an event of this name, before property filters.
   * Allocates nothing.
   *
   * @param eventName the event name
   * @return an immutable random-access list, in the order the subscribers were given
   */
  List<Subscriber> candidates(String eventName) {
    return route(eventName).view;
  }

  /**
   * Returns the number of enabled subscribers indexed.
   *
   * @return the count
   */
  int subscriberCount() {
    return subscriberCount;
  }

  /** Returns the subscriber with that id, or null. */
  @Nullable Subscriber subscriber(int subscriberId) {
    return byId.get(subscriberId);
  }

  /**
   * Returns a route to exactly one subscriber, whether or not it is enabled, subscribed to the
   * event or passed by its filter: the route of {@link EventDispatcher#publishTo}. Built per call
   * (test events are rare), so it allocates.
   *
   * @return the route, or null when no subscriber has that id
   */
  @Nullable Route targeted(int subscriberId) {
    Subscriber s = byId.get(subscriberId);
    if (s == null) {
      return null;
    }
    Subscriber unfiltered = s.toBuilder().enabled(true).filter(PropertyFilter.none()).build();
    return new Route(List.of(unfiltered), laneOf);
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
          || (i < exact.size()
              && requireNonNull(order.get(exact.get(i))) < requireNonNull(order.get(all.get(j))))) {
        merged.add(exact.get(i++));
      } else {
        merged.add(all.get(j++));
      }
    }
    return merged;
  }

  @Override
  public String toString() {
    return "RoutingIndex{subscribers="
        + subscriberCount
        + ", eventNames="
        + (keys.length - Arrays.stream(keys).filter(k -> k == null).count())
        + "}";
  }
}
