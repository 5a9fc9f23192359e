// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event raised by an appliance: its name (a value of the appliance's {@code EventName}), when
 * it happened, on which appliance, at which level, the object it concerns and its properties.
 *
 * <p>Immutable and thread-safe. Properties keep the order in which they were added. Every event has
 * an {@linkplain #id() id}, generated when not given, from which notifications derive their
 * idempotency keys.
 *
 * <p>The name must be one the {@linkplain EventCatalog event catalog} knows, and the level is the
 * catalog's default level for the name unless set: {@code PasswordChangeFailed} is an {@code
 * Error}. A misspelt name is refused at once with an {@link UnknownEventException} that suggests
 * the closest known name. Events with user-defined names are built from the catalog that adds them
 * ({@link #builder(EventCatalog, String)}); names that come from outside pamkit, such as an outbox
 * journal or a newer appliance, use {@link #uncheckedBuilder(String)}.
 *
 * <pre>{@code
 * ApplianceEvent event = ApplianceEvent.builder("PasswordChangeFailed") // level Error
 *     .applianceId("SPP-1")
 *     .property("AssetName", "dc01.example.com")
 *     .build();
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 */
public final class ApplianceEvent {
  private final String id;
  private final String name;
  private final Instant time;
  private final String applianceId;
  private final EventLevel level;
  private final @Nullable String objectType;
  private final @Nullable String objectId;
  private final Map<String, String> properties;

  private ApplianceEvent(Builder b) {
    this.id = b.id != null ? b.id : UUID.randomUUID().toString();
    this.name = b.name;
    this.time = b.time != null ? b.time : Instant.now();
    this.applianceId = b.applianceId;
    this.level = b.level;
    this.objectType = b.objectType;
    this.objectId = b.objectId;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
  }

  /**
   * Starts a builder for an event with a name of the {@linkplain EventCatalog#defaults() shipped
   * catalog}, at the name's default level.
   *
   * @param name the event name, e.g. {@code "AccessRequestApproved"}
   * @return a new builder whose level is the catalog's default level for the name
   * @throws UnknownEventException (field {@code EventName}) if the shipped catalog does not know
   *     the name; the message suggests the closest known name. For a user-defined name, use {@link
   *     #builder(EventCatalog, String)} with the catalog that adds it
   * @throws IllegalArgumentException if the name is blank or contains a control character
   */
  public static Builder builder(String name) {
    return builder(EventCatalog.defaults(), name);
  }

  /**
   * Starts a builder for an event with a name of the given catalog, at the name's default level:
   * for user-defined events added with {@link EventCatalog#extend} or a configuration document's
   * {@code EventCatalogExtensions} ({@code config.eventCatalog()}).
   *
   * @param catalog the catalog that knows the name
   * @param name the event name
   * @return a new builder whose level is the catalog's default level for the name
   * @throws UnknownEventException (field {@code EventName}) if the catalog does not know the name;
   *     the message suggests the closest known name
   * @throws IllegalArgumentException if the name is blank or contains a control character
   */
  public static Builder builder(EventCatalog catalog, String name) {
    requireNonNull(catalog, "catalog");
    Builder.checkText("name", name);
    EventDefinition d = catalog.require(name);
    return new Builder(d.name(), d.defaultLevel());
  }

  /**
   * Starts a builder for an event whose name is not checked against any catalog: for names that
   * come from outside pamkit, such as an outbox journal or an appliance newer than the catalog.
   * Prefer {@link #builder(String)}, which refuses misspelt names.
   *
   * @param name the event name; not blank
   * @return a new builder whose level is the shipped catalog's default level for the name, or
   *     {@link EventLevel#INFO} when the shipped catalog does not know it
   * @throws IllegalArgumentException if the name is blank or contains a control character
   */
  public static Builder uncheckedBuilder(String name) {
    Builder.checkText("name", name);
    return new Builder(
        name,
        EventCatalog.defaults()
            .find(name)
            .map(EventDefinition::defaultLevel)
            .orElse(EventLevel.INFO));
  }

  /**
   * Returns a builder initialised with this event's values, including its id.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(name, level);
    b.id = id;
    b.time = time;
    b.applianceId = applianceId;
    b.level = level;
    b.objectType = objectType;
    b.objectId = objectId;
    b.properties.putAll(properties);
    return b;
  }

  /**
   * Returns the unique id of this event.
   *
   * @return the id given to the builder, or a random UUID
   */
  public String id() {
    return id;
  }

  /**
   * Returns the event name.
   *
   * @return a value of the appliance's {@code EventName}, or a user-defined name from an extended
   *     catalog
   */
  public String name() {
    return name;
  }

  /**
   * Returns when the event happened.
   *
   * @return the time given to the builder, or the time the event was built
   */
  public Instant time() {
    return time;
  }

  /**
   * Returns the id of the appliance that raised the event.
   *
   * @return the appliance id; empty when not known
   */
  public String applianceId() {
    return applianceId;
  }

  /**
   * Returns the level of the event.
   *
   * @return the level; the catalog's default level for the name unless set
   */
  public EventLevel level() {
    return level;
  }

  /**
   * Returns the type of object the event concerns, a value of the appliance's {@code
   * EventObjectType} such as {@code "Asset"}.
   *
   * @return the object type, or null when the event concerns no particular object
   */
  public @Nullable String objectType() {
    return objectType;
  }

  /**
   * Returns the id of the object the event concerns.
   *
   * @return the object id, or null when the event concerns no particular object
   */
  public @Nullable String objectId() {
    return objectId;
  }

  /**
   * Returns the event's properties.
   *
   * @return an unmodifiable map in insertion order
   */
  public Map<String, String> properties() {
    return properties;
  }

  /**
   * Returns one property.
   *
   * @param key the property name
   * @return the value, or null when the event has no such property
   */
  public @Nullable String property(String key) {
    return properties.get(key);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ApplianceEvent other)) {
      return false;
    }
    return id.equals(other.id)
        && name.equals(other.name)
        && time.equals(other.time)
        && applianceId.equals(other.applianceId)
        && level == other.level
        && Objects.equals(objectType, other.objectType)
        && Objects.equals(objectId, other.objectId)
        && properties.equals(other.properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, time, applianceId, level, objectType, objectId, properties);
  }

  /** Returns a summary with the id, name, level and time; property values are not included. */
  @Override
  public String toString() {
    return "ApplianceEvent{id="
        + id
        + ", name="
        + name
        + ", level="
        + level
        + ", time="
        + time
        + ", applianceId="
        + applianceId
        + ", properties="
        + properties.keySet()
        + "}";
  }

  /** Builds {@link ApplianceEvent}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private @Nullable String id;
    private final String name;
    private @Nullable Instant time;
    private String applianceId = "";
    private EventLevel level;
    private @Nullable String objectType;
    private @Nullable String objectId;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder(String name, EventLevel level) {
      this.name = checkText("name", name);
      this.level = level;
    }

    /**
     * Sets the event id. Default: a random UUID chosen when the event is built.
     *
     * @param id a unique id; not blank
     * @return this builder
     */
    public Builder id(String id) {
      this.id = checkText("id", id);
      return this;
    }

    /**
     * Sets when the event happened. Default: the time {@link #build()} is called.
     *
     * @param time the instant
     * @return this builder
     */
    public Builder time(Instant time) {
      this.time = requireNonNull(time, "time");
      return this;
    }

    /**
     * Sets the id of the appliance that raised the event. Default: empty.
     *
     * @param applianceId the appliance id
     * @return this builder
     */
    public Builder applianceId(String applianceId) {
      requireNonNull(applianceId, "applianceId");
      this.applianceId =
          applianceId.isEmpty() ? applianceId : checkText("applianceId", applianceId);
      return this;
    }

    /**
     * Sets the level. Default: the catalog's default level for the event name (for example {@link
     * EventLevel#ERROR} for {@code PasswordChangeFailed}); {@link EventLevel#INFO} for a name from
     * {@link ApplianceEvent#uncheckedBuilder(String)} that the shipped catalog does not know.
     *
     * @param level the level
     * @return this builder
     */
    public Builder level(EventLevel level) {
      this.level = requireNonNull(level, "level");
      return this;
    }

    /**
     * Sets the object the event concerns. Default: none.
     *
     * @param type a value of the appliance's {@code EventObjectType}, e.g. {@code "Asset"}
     * @param id the object's id
     * @return this builder
     */
    public Builder object(String type, String id) {
      this.objectType = checkText("objectType", type);
      this.objectId = checkText("objectId", id);
      return this;
    }

    /**
     * Adds or replaces a property.
     *
     * @param key the property name; not blank, no control characters
     * @param value the value; may contain any text (transports escape it for their format)
     * @return this builder
     */
    public Builder property(String key, String value) {
      properties.put(checkText("property name", key), requireNonNull(value, "value"));
      return this;
    }

    /**
     * Adds or replaces several properties, in the map's iteration order.
     *
     * @param properties the properties to add
     * @return this builder
     */
    public Builder properties(Map<String, String> properties) {
      requireNonNull(properties, "properties").forEach(this::property);
      return this;
    }

    /**
     * Builds the event.
     *
     * @return a new immutable event
     */
    public ApplianceEvent build() {
      return new ApplianceEvent(this);
    }

    private static String checkText(String field, String value) {
      requireNonNull(value, field);
      if (value.isBlank()) {
        throw new IllegalArgumentException(field + " must not be blank");
      }
      for (int i = 0; i < value.length(); i++) {
        if (Character.isISOControl(value.charAt(i))) {
          throw new IllegalArgumentException(
              field
                  + " must not contain control characters (found U+"
                  + String.format("%04X", (int) value.charAt(i))
                  + " at index "
                  + i
                  + ")");
        }
      }
      return value;
    }
  }
}
