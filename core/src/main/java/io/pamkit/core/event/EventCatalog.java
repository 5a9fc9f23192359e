// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.event;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.internal.DidYouMean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The catalog of event names pamkit knows: every value of the appliance's {@code EventName} enum
 * (630 in API v4), each with a category and a default level, shipped as the resource {@code
 * io/pamkit/core/event/event-catalog.tsv}, plus any names the user adds with {@link #toBuilder()}
 * or {@link #extend} (the configuration document's {@code EventCatalogExtensions} do the same).
 *
 * <p>The appliance's API lists the names only. pamkit assigns each a category (one of the
 * appliance's {@code EventCategory} values) and a default level from the name and a review by hand:
 * failures are {@code Error}; deletions, expiries, lock-outs, disabled features and warnings are
 * {@code Warn}; the rest {@code Info}. Only the name {@code Unknown} has the {@code Unknown}
 * category.
 *
 * <pre>{@code
 * EventCatalog catalog = EventCatalog.defaults()
 *     .extend(List.of(new EventDefinition("BadgeScanned", EventCategory.ACCESS_REQUEST,
 *         EventLevel.INFO)));
 * EventDefinition d = catalog.require("PasswordChangeFailed"); // PasswordManagement, Error
 * ApplianceEvent badge = catalog.event("BadgeScanned").applianceId("SPP-1").build();
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 *
 * <p>{@link ApplianceEvent#builder(String)} checks names against {@link #defaults()}; events with
 * user-defined names are built with {@link #event(String)} (or {@link
 * ApplianceEvent#builder(EventCatalog, String)}) on the extended catalog.
 *
 * <p>Immutable and thread-safe. Lookups by name are hash lookups that allocate nothing.
 */
public final class EventCatalog {
  private static final String RESOURCE = "event-catalog.tsv";
  private static volatile @Nullable EventCatalog defaults;

  private final Map<String, EventDefinition> byName;
  private final List<String> names;

  private EventCatalog(Map<String, EventDefinition> byName) {
    this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    this.names = List.copyOf(byName.keySet());
  }

  /**
   * Returns the catalog shipped with pamkit: the appliance's event names.
   *
   * @return the default catalog (loaded once)
   */
  public static EventCatalog defaults() {
    EventCatalog c = defaults;
    if (c == null) {
      synchronized (EventCatalog.class) {
        c = defaults;
        if (c == null) {
          c = load();
          defaults = c;
        }
      }
    }
    return c;
  }

  /**
   * Starts an empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /**
   * Returns a builder holding this catalog's entries, to extend it.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(byName));
  }

  /**
   * Returns whether the catalog knows an event name (exact, case-sensitive).
   *
   * @param name the event name
   * @return true when known
   */
  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /**
   * Looks up an event name.
   *
   * @param name the event name
   * @return its definition, or empty when unknown
   */
  public Optional<EventDefinition> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Looks up an event name that must be known.
   *
   * @param name the event name
   * @return its definition
   * @throws UnknownEventException (field {@code EventName}) if the catalog does not know it; its
   *     message suggests the closest known name, if one is close
   */
  public EventDefinition require(String name) {
    requireNonNull(name, "name");
    EventDefinition d = byName.get(name);
    if (d == null) {
      throw new UnknownEventException("EventName", name, this);
    }
    return d;
  }

  /**
   * Returns the known name closest to an unknown one, for "did you mean" hints: compared
   * case-insensitively, ignoring characters other than letters and digits, by edit distance.
   *
   * @param name a name, typically one the catalog does not know
   * @return the closest known name (the name itself when known), or empty when none is close
   */
  public Optional<String> suggest(String name) {
    requireNonNull(name, "name");
    if (byName.containsKey(name)) {
      return Optional.of(name);
    }
    return DidYouMean.closest(name, names);
  }

  /**
   * Starts a builder for an event of a name this catalog knows, at the name's default level: the
   * way to build events with user-defined names (see {@link #extend}).
   *
   * @param name the event name
   * @return a new builder whose level is the name's default level
   * @throws UnknownEventException (field {@code EventName}) if the catalog does not know the name
   * @throws IllegalArgumentException if the name is blank or contains a control character
   */
  public ApplianceEvent.Builder event(String name) {
    return ApplianceEvent.builder(this, name);
  }

  /**
   * Returns the definitions of one category, in catalog order.
   *
   * @param category the category
   * @return an immutable list, empty when no name has that category
   */
  public List<EventDefinition> definitions(EventCategory category) {
    requireNonNull(category, "category");
    return byName.values().stream()
        .filter(d -> d.category() == category)
        .collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /**
   * Returns a catalog with this one's entries plus the given ones, a given entry replacing one of
   * the same name (so a user can change the category or default level of a shipped name).
   *
   * @param extensions the definitions to add
   * @return a new catalog; this one is unchanged
   */
  public EventCatalog extend(Collection<EventDefinition> extensions) {
    return toBuilder().addAll(extensions).build();
  }

  /**
   * Returns every event name, in catalog order.
   *
   * @return an immutable list
   */
  public List<String> names() {
    return names;
  }

  /**
   * Returns every definition, in catalog order.
   *
   * @return an unmodifiable collection
   */
  public Collection<EventDefinition> definitions() {
    return byName.values();
  }

  /**
   * Returns the number of event names.
   *
   * @return the size
   */
  public int size() {
    return byName.size();
  }

  private static EventCatalog load() {
    InputStream in = EventCatalog.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("resource io/pamkit/core/event/" + RESOURCE + " is missing");
    }
    Builder b = builder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 3) {
          throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected 3 columns");
        }
        b.add(
            new EventDefinition(
                f[0],
                known(EventCategory.fromWireName(f[1]), lineNo, f[1]),
                known(EventLevel.fromWireName(f[2]), lineNo, f[2])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return b.build();
  }

  /** Builds {@link EventCatalog}s. Not thread-safe. */
  public static final class Builder {
    private final Map<String, EventDefinition> byName;

    private Builder(Map<String, EventDefinition> byName) {
      this.byName = byName;
    }

    /**
     * Adds a definition, replacing any with the same name.
     *
     * @param definition the definition
     * @return this builder
     */
    public Builder add(EventDefinition definition) {
      requireNonNull(definition, "definition");
      byName.put(definition.name(), definition);
      return this;
    }

    /**
     * Adds several definitions, in iteration order, each replacing any with the same name.
     *
     * @param definitions the definitions
     * @return this builder
     */
    public Builder addAll(Collection<EventDefinition> definitions) {
      requireNonNull(definitions, "definitions").forEach(this::add);
      return this;
    }

    /**
     * Removes a name, if present.
     *
     * @param name the event name
     * @return this builder
     */
    public Builder remove(String name) {
      byName.remove(requireNonNull(name, "name"));
      return this;
    }

    /**
     * Adds a user-defined event name.
     *
     * @param name the event name
     * @param category its category
     * @param defaultLevel its default level
     * @return this builder
     */
    public Builder add(String name, EventCategory category, EventLevel defaultLevel) {
      return add(new EventDefinition(name, category, defaultLevel));
    }

    /**
     * Builds the catalog.
     *
     * @return a new immutable catalog
     */
    public EventCatalog build() {
      return new EventCatalog(byName);
    }
  }

  private static <T> T known(Optional<T> value, int lineNo, String name) {
    return value.orElseThrow(
        () -> new IllegalStateException(RESOURCE + " line " + lineNo + ": unknown name " + name));
  }
}
