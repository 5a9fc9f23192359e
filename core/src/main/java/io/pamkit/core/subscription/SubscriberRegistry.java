// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.TargetedEventPublisher;
import io.pamkit.core.event.UnknownEventException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event subscribers of one integration, managed as the appliance's Email Events, Syslog Events
 * and SNMP pages manage them: {@linkplain #add add}, {@linkplain #remove remove}, {@linkplain
 * #edit(int, Consumer) edit}, {@linkplain #copy copy} (a clone under a new id), {@linkplain
 * #list(boolean) list} with or without system-owned subscribers, and {@linkplain #sendTestEvent
 * send a test event}.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>Every name in a subscriber's {@code Subscriptions} must be in the registry's {@link
 *       EventCatalog}; otherwise the change is refused with an {@link UnknownEventException} naming
 *       the name.
 *   <li>An {@code Email} subscriber needs an {@code EmailAddress} or a {@code UserId}; a {@code
 *       Syslog} subscriber needs {@code SyslogProperties}; an {@code Snmp} subscriber needs {@code
 *       SnmpProperties}. Other types (transports registered with pamkit) are not checked here.
 *   <li>System-owned subscribers cannot be removed ({@link SystemOwnedSubscriberException}); they
 *       can be edited (for example disabled). {@code IsSystemOwned}, {@code Id} and {@code Type}
 *       cannot be changed by an edit.
 *   <li>Ids are positive and unique; {@link #add} assigns the next free id to a subscriber whose id
 *       is 0 and keeps a given id when it is free.
 * </ul>
 *
 * <h2>Watching changes (for the dispatch engine)</h2>
 *
 * The registry is copy-on-write: every change publishes a new immutable {@link SubscriberSnapshot}
 * whose {@linkplain SubscriberSnapshot#version() version} is one larger. {@link #snapshot()}
 * returns the current one without locking. {@link #addListener} registers a {@code
 * Consumer<SubscriberSnapshot>} that is
 *
 * <ol>
 *   <li>called once at once, on the registering thread, with the current snapshot, and then
 *   <li>called after every successful change with the new snapshot, on the thread that made the
 *       change, before that change's method returns.
 * </ol>
 *
 * Listener calls are serialised by the registry's lock, so a listener sees versions in strictly
 * increasing order and is never called concurrently; it should only swap in a rebuilt index (e.g.
 * the dispatcher's routing table) and return quickly. A listener must not change the registry (that
 * throws {@link IllegalStateException}). An exception thrown by a listener is logged and does not
 * undo the change. {@link Registration#close()} stops the calls.
 *
 * <h2>Test events</h2>
 *
 * {@link #sendTestEvent(int)} publishes a real {@code Test} event through {@link
 * TargetedEventPublisher#publishTo(ApplianceEvent, int)} of the publisher given to the builder
 * (normally the dispatch engine), which delivers it to that one subscriber only, whether or not it
 * subscribes to {@code Test} and even when it is disabled (it is how an administrator checks the
 * channel), and never to others. The target travels beside the event, not in its properties, so
 * nothing of it reaches the wire.
 *
 * <p>Thread-safe: changes are serialised, reads are lock-free.
 *
 * <pre>{@code
 * SubscriberRegistry registry = SubscriberRegistry.builder(dispatcher).build();
 * registry.addListener(snapshot -> dispatcher.updateSubscribers(snapshot.subscribers()));
 * Subscriber s = registry.add(Subscriber.builder(Subscriber.EMAIL)
 *     .description("Security team")
 *     .emailAddress("security@example.com")
 *     .subscribe("UserAuthenticationFailed", "AccessRequestDenied")
 *     .build());
 * registry.sendTestEvent(s.id());
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 */
public final class SubscriberRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriberRegistry.class);

  private final TargetedEventPublisher publisher;
  private final EventCatalog catalog;
  private final Clock clock;
  private final String applianceId;
  private final Object lock = new Object();
  private final List<Consumer<SubscriberSnapshot>> listeners = new CopyOnWriteArrayList<>();
  private volatile SubscriberSnapshot current = new SubscriberSnapshot(0, List.of());
  private final TreeMap<Integer, Subscriber> byId = new TreeMap<>();
  private int nextId = 1;
  private boolean notifying;

  private SubscriberRegistry(Builder b) {
    this.publisher = b.publisher;
    this.catalog = b.catalog;
    this.clock = b.clock;
    this.applianceId = b.applianceId;
  }

  /**
   * Starts a builder.
   *
   * @param publisher where {@link #sendTestEvent(int)} publishes, through {@link
   *     TargetedEventPublisher#publishTo} (normally the dispatch engine)
   * @return a new builder
   */
  public static Builder builder(TargetedEventPublisher publisher) {
    return new Builder(publisher);
  }

  /**
   * Returns the catalog subscriptions are checked against.
   *
   * @return the catalog
   */
  public EventCatalog catalog() {
    return catalog;
  }

  /**
   * Adds a subscriber. A subscriber with id 0 gets the next free id; a given id is kept when free.
   *
   * @param subscriber the subscriber
   * @return the stored subscriber, with its id
   * @throws UnknownEventException if a subscription names an event the catalog does not know
   * @throws ValidationException if the id is taken or the subscriber lacks what its type needs
   */
  public Subscriber add(Subscriber subscriber) {
    return addAll(List.of(requireNonNull(subscriber, "subscriber"))).get(0);
  }

  /**
   * Adds several subscribers at once: either all are added (one change, one new version) or, if one
   * is invalid, none.
   *
   * @param subscribers the subscribers, in order
   * @return the stored subscribers, with their ids, in the same order
   * @throws UnknownEventException if a subscription names an event the catalog does not know
   * @throws ValidationException if an id is taken or a subscriber lacks what its type needs
   */
  public List<Subscriber> addAll(Collection<Subscriber> subscribers) {
    requireNonNull(subscribers, "subscribers");
    synchronized (lock) {
      checkNotNotifying();
      TreeMap<Integer, Subscriber> next = new TreeMap<>(byId);
      int id = nextId;
      List<Subscriber> added = new ArrayList<>();
      for (Subscriber s : subscribers) {
        requireNonNull(s, "subscriber");
        validate(s);
        Subscriber stored;
        if (s.id() == 0) {
          while (next.containsKey(id)) {
            id++;
          }
          stored = s.toBuilder().id(id).build();
        } else {
          if (next.containsKey(s.id())) {
            throw new ValidationException("Id", s.id() + " is already used by " + next.get(s.id()));
          }
          stored = s;
        }
        next.put(stored.id(), stored);
        id = Math.max(id, stored.id() + 1);
        added.add(stored);
      }
      if (!added.isEmpty()) {
        nextId = id;
        commit(next);
      }
      return List.copyOf(added);
    }
  }

  /**
   * Removes a subscriber.
   *
   * @param id the subscriber's id
   * @return the removed subscriber
   * @throws NoSuchSubscriberException if no subscriber has that id
   * @throws SystemOwnedSubscriberException if the subscriber is system-owned
   */
  public Subscriber remove(int id) {
    synchronized (lock) {
      checkNotNotifying();
      Subscriber s = require(id);
      if (s.systemOwned()) {
        throw new SystemOwnedSubscriberException(id);
      }
      TreeMap<Integer, Subscriber> next = new TreeMap<>(byId);
      next.remove(id);
      commit(next);
      return s;
    }
  }

  /**
   * Edits a subscriber: the change is applied to a builder holding its current values.
   *
   * @param id the subscriber's id
   * @param change sets the new values on the builder
   * @return the edited subscriber
   * @throws NoSuchSubscriberException if no subscriber has that id
   * @throws UnknownEventException if a subscription names an event the catalog does not know
   * @throws ValidationException if the change alters {@code Id}, {@code Type} or {@code
   *     IsSystemOwned}, or leaves the subscriber without what its type needs
   */
  public Subscriber edit(int id, Consumer<Subscriber.Builder> change) {
    requireNonNull(change, "change");
    synchronized (lock) {
      Subscriber.Builder b = require(id).toBuilder();
      change.accept(b);
      return edit(b.build());
    }
  }

  /**
   * Replaces the subscriber with the same id by the given one.
   *
   * @param updated the new values; its id names the subscriber to edit
   * @return the stored subscriber
   * @throws NoSuchSubscriberException if no subscriber has that id
   * @throws UnknownEventException if a subscription names an event the catalog does not know
   * @throws ValidationException if {@code Type} or {@code IsSystemOwned} differ from the stored
   *     subscriber's, or the subscriber lacks what its type needs
   */
  public Subscriber edit(Subscriber updated) {
    requireNonNull(updated, "updated");
    synchronized (lock) {
      checkNotNotifying();
      Subscriber old = require(updated.id());
      if (!old.type().equals(updated.type())) {
        throw new ValidationException(
            "Type",
            "cannot change from "
                + old.type()
                + " to "
                + updated.type()
                + "; add a new subscriber instead");
      }
      if (old.systemOwned() != updated.systemOwned()) {
        throw new ValidationException("IsSystemOwned", "is read-only");
      }
      validate(updated);
      TreeMap<Integer, Subscriber> next = new TreeMap<>(byId);
      next.put(updated.id(), updated);
      commit(next);
      return updated;
    }
  }

  /**
   * Clones a subscriber under a new id. The copy has the same values, except that it is never
   * system-owned (a copy of a built-in subscriber belongs to the user and can be removed).
   *
   * @param id the id of the subscriber to copy
   * @return the new subscriber
   * @throws NoSuchSubscriberException if no subscriber has that id
   */
  public Subscriber copy(int id) {
    synchronized (lock) {
      checkNotNotifying();
      return add(require(id).toBuilder().id(0).systemOwned(false).build());
    }
  }

  /**
   * Looks up a subscriber.
   *
   * @param id the id
   * @return the subscriber, or empty
   */
  public Optional<Subscriber> find(int id) {
    return current.subscribers().stream().filter(s -> s.id() == id).findFirst();
  }

  /**
   * Lists subscribers ordered by id, as the Show System Owned / Hide System Owned buttons do.
   *
   * @param includeSystemOwned whether to include system-owned subscribers
   * @return an immutable list
   */
  public List<Subscriber> list(boolean includeSystemOwned) {
    List<Subscriber> all = current.subscribers();
    return includeSystemOwned
        ? all
        : all.stream()
            .filter(s -> !s.systemOwned())
            .collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /**
   * Returns the current content and version, without locking.
   *
   * @return the current snapshot
   */
  public SubscriberSnapshot snapshot() {
    return current;
  }

  /**
   * Registers a listener for changes; see the class comment for when and how it is called. It is
   * called once at once with the current snapshot.
   *
   * @param listener receives each new snapshot
   * @return a registration whose {@code close()} removes the listener
   */
  public Registration addListener(Consumer<SubscriberSnapshot> listener) {
    requireNonNull(listener, "listener");
    synchronized (lock) {
      listeners.add(listener);
      notify(listener, current);
    }
    return () -> listeners.remove(listener);
  }

  /**
   * Publishes a real {@code Test} event to one subscriber alone, through {@link
   * TargetedEventPublisher#publishTo(ApplianceEvent, int) publishTo} of the registry's publisher.
   * The event has the catalog's default level for {@code Test}, the registry's appliance id, the
   * current time of the registry's clock and the properties {@code SubscriberType}, {@code
   * SubscriberDescription} and {@code Message}.
   *
   * @param id the subscriber's id
   * @return the published event
   * @throws NoSuchSubscriberException if no subscriber has that id (in this registry, or in the
   *     publisher's subscribers)
   * @throws io.pamkit.core.PamkitException if the publisher refuses the event
   */
  public ApplianceEvent sendTestEvent(int id) {
    Subscriber s = find(id).orElseThrow(() -> new NoSuchSubscriberException(id));
    ApplianceEvent event =
        ApplianceEvent.builder("Test")
            .time(clock.instant())
            .applianceId(applianceId)
            .level(
                catalog
                    .find("Test")
                    .map(d -> d.defaultLevel())
                    .orElse(io.pamkit.core.event.EventLevel.INFO))
            .property("SubscriberType", s.type())
            .property("SubscriberDescription", s.description())
            .property("Message", "Test event for subscriber " + id + " sent by pamkit")
            .build();
    publisher.publishTo(event, id);
    return event;
  }

  private Subscriber require(int id) {
    Subscriber s = byId.get(id);
    if (s == null) {
      throw new NoSuchSubscriberException(id);
    }
    return s;
  }

  private void validate(Subscriber s) {
    for (String name : s.subscriptions()) {
      if (!catalog.contains(name)) {
        throw new UnknownEventException("Subscriptions", name, catalog);
      }
    }
    switch (s.type()) {
      case Subscriber.EMAIL -> {
        if (s.emailAddress().isEmpty() && s.userId().isEmpty()) {
          throw new ValidationException(
              "EmailAddress", "an Email subscriber needs an EmailAddress or a UserId");
        }
      }
      case Subscriber.SYSLOG -> {
        if (s.syslogProperties().isEmpty()) {
          throw new ValidationException(
              "SyslogProperties", "a Syslog subscriber needs SyslogProperties");
        }
      }
      case Subscriber.SNMP -> {
        if (s.snmpProperties().isEmpty()) {
          throw new ValidationException(
              "SnmpProperties", "an Snmp subscriber needs SnmpProperties");
        }
      }
      default -> {}
    }
  }

  private void checkNotNotifying() {
    if (notifying) {
      throw new IllegalStateException("a SubscriberRegistry listener must not change the registry");
    }
  }

  private void commit(TreeMap<Integer, Subscriber> next) {
    byId.clear();
    byId.putAll(next);
    SubscriberSnapshot snap =
        new SubscriberSnapshot(current.version() + 1, new ArrayList<>(next.values()));
    current = snap;
    for (Consumer<SubscriberSnapshot> l : listeners) {
      notify(l, snap);
    }
  }

  private void notify(Consumer<SubscriberSnapshot> listener, SubscriberSnapshot snap) {
    notifying = true;
    try {
      listener.accept(snap);
    } catch (RuntimeException e) {
      LOG.warn("subscriber listener {} failed on version {}", listener, snap.version(), e);
    } finally {
      notifying = false;
    }
  }

  @Override
  public String toString() {
    SubscriberSnapshot s = current;
    return "SubscriberRegistry{version="
        + s.version()
        + ", subscribers="
        + s.subscribers().size()
        + "}";
  }

  /** A listener registration; closing it stops the calls. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    /** Removes the listener; later changes are not reported to it. Idempotent. */
    @Override
    void close();
  }

  /** Builds {@link SubscriberRegistry}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private final TargetedEventPublisher publisher;
    private EventCatalog catalog = EventCatalog.defaults();
    private Clock clock = Clock.systemUTC();
    private String applianceId = "";

    private Builder(TargetedEventPublisher publisher) {
      this.publisher = requireNonNull(publisher, "publisher");
    }

    /**
     * Sets the catalog subscriptions are checked against. Default: {@link EventCatalog#defaults()}.
     *
     * @param catalog the catalog (e.g. one extended by the configuration document)
     * @return this builder
     */
    public Builder catalog(EventCatalog catalog) {
      this.catalog = requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * Sets the clock that stamps test events. Default: {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the appliance id test events carry. Default: empty.
     *
     * @param applianceId the appliance id
     * @return this builder
     */
    public Builder applianceId(String applianceId) {
      this.applianceId = requireNonNull(applianceId, "applianceId");
      return this;
    }

    /**
     * Builds an empty registry.
     *
     * @return the registry
     */
    public SubscriberRegistry build() {
      return new SubscriberRegistry(this);
    }
  }
}
