// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import static io.pamkit.core.subscription.SyslogSubscriberProperties.maxLength;
import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.net.EmailAddress;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An event subscriber, as the appliance's Email Events, Syslog Events and SNMP pages show it and
 * its {@code EventSubscriber} schema stores it, plus pamkit's additions: a {@linkplain #filter()
 * property filter}, a {@linkplain #template() template reference} and an {@linkplain #enabled()
 * enabled flag}.
 *
 * <p>The {@linkplain #type() type} is the channel: {@code Email}, {@code Syslog}, {@code Snmp}, or
 * the id of any transport registered with pamkit. An email subscriber names its recipient with an
 * {@code EmailAddress} or a {@code UserId} (resolved to the user's address when sending), never
 * both.
 *
 * <p>Immutable and thread-safe; built with {@link #builder(String)}.
 */
public final class Subscriber {
  /** The {@code Type} of email subscribers. */
  public static final String EMAIL = "Email";

  /** The {@code Type} of syslog subscribers. */
  public static final String SYSLOG = "Syslog";

  /** The {@code Type} of SNMP subscribers. */
  public static final String SNMP = "Snmp";

  private final int id;
  private final String type;
  private final String description;
  private final @Nullable Integer userId;
  private final @Nullable String emailAddress;
  private final @Nullable SyslogSubscriberProperties syslogProperties;
  private final @Nullable SnmpSubscriberProperties snmpProperties;
  private final @Nullable String objectType;
  private final @Nullable Integer objectId;
  private final boolean applianceShared;
  private final boolean subscribeToAllEvents;
  private final boolean systemOwned;
  private final Set<String> subscriptions;
  private final PropertyFilter filter;
  private final @Nullable String template;
  private final boolean enabled;

  private Subscriber(Builder b) {
    this.id = b.id;
    this.type = b.type;
    this.description = b.description;
    this.userId = b.userId;
    this.emailAddress = b.emailAddress;
    this.syslogProperties = b.syslogProperties;
    this.snmpProperties = b.snmpProperties;
    this.objectType = b.objectType;
    this.objectId = b.objectId;
    this.applianceShared = b.applianceShared;
    this.subscribeToAllEvents = b.subscribeToAllEvents;
    this.systemOwned = b.systemOwned;
    this.subscriptions = Collections.unmodifiableSet(new LinkedHashSet<>(b.subscriptions));
    this.filter = b.filter;
    this.template = b.template;
    this.enabled = b.enabled;
  }

  /**
   * Starts a builder for a subscriber of the given type.
   *
   * @param type {@code Email}, {@code Syslog}, {@code Snmp} or a registered transport's id
   * @return a new builder
   */
  public static Builder builder(String type) {
    return new Builder(type);
  }

  /**
   * Returns a builder initialised with this subscriber's values, id included.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(type);
    b.id = id;
    b.description = description;
    b.userId = userId;
    b.emailAddress = emailAddress;
    b.syslogProperties = syslogProperties;
    b.snmpProperties = snmpProperties;
    b.objectType = objectType;
    b.objectId = objectId;
    b.applianceShared = applianceShared;
    b.subscribeToAllEvents = subscribeToAllEvents;
    b.systemOwned = systemOwned;
    b.subscriptions.addAll(subscriptions);
    b.filter = filter;
    b.template = template;
    b.enabled = enabled;
    return b;
  }

  /**
   * @return {@code Id}: the unique key; 0 until a registry assigns one
   */
  public int id() {
    return id;
  }

  /**
   * @return {@code Type}: the channel ({@code Email}, {@code Syslog}, {@code Snmp}, ...)
   */
  public String type() {
    return type;
  }

  /**
   * @return {@code Description}: at most 255 characters, empty when not given
   */
  public String description() {
    return description;
  }

  /**
   * @return {@code UserId}: the user whose address receives email, if set
   */
  public Optional<Integer> userId() {
    return Optional.ofNullable(userId);
  }

  /**
   * @return {@code EmailAddress}: the recipient of email, if set
   */
  public Optional<String> emailAddress() {
    return Optional.ofNullable(emailAddress);
  }

  /**
   * @return {@code SyslogProperties}, for syslog subscribers
   */
  public Optional<SyslogSubscriberProperties> syslogProperties() {
    return Optional.ofNullable(syslogProperties);
  }

  /**
   * @return {@code SnmpProperties}, for SNMP subscribers
   */
  public Optional<SnmpSubscriberProperties> snmpProperties() {
    return Optional.ofNullable(snmpProperties);
  }

  /**
   * @return {@code ObjectType}: the type of object subscribed to, if the subscription is
   *     object-specific
   */
  public Optional<String> objectType() {
    return Optional.ofNullable(objectType);
  }

  /**
   * @return {@code ObjectId}: the object subscribed to, if the subscription is object-specific
   */
  public Optional<Integer> objectId() {
    return Optional.ofNullable(objectId);
  }

  /**
   * @return {@code IsApplianceShared}: shown to and manageable by every appliance administrator
   */
  public boolean applianceShared() {
    return applianceShared;
  }

  /**
   * @return {@code SubscribeToAllEvents}: receives every event, whatever {@link #subscriptions()}
   *     says
   */
  public boolean subscribeToAllEvents() {
    return subscribeToAllEvents;
  }

  /**
   * @return {@code IsSystemOwned}: built in; cannot be removed
   */
  public boolean systemOwned() {
    return systemOwned;
  }

  /**
   * @return {@code Subscriptions}: the event names subscribed to, in the order given
   */
  public Set<String> subscriptions() {
    return subscriptions;
  }

  /**
   * @return pamkit's property filter; {@link PropertyFilter#none()} when not set
   */
  public PropertyFilter filter() {
    return filter;
  }

  /**
   * @return pamkit's template reference (a template name), if set
   */
  public Optional<String> template() {
    return Optional.ofNullable(template);
  }

  /**
   * @return pamkit's enabled flag; a disabled subscriber receives nothing. Default true
   */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Returns whether this subscriber wants the named event, ignoring the property filter and the
   * enabled flag.
   *
   * @param eventName the event name
   * @return true when subscribed to all events or to that name
   */
  public boolean wants(String eventName) {
    return subscribeToAllEvents || subscriptions.contains(eventName);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Subscriber s)) {
      return false;
    }
    return id == s.id
        && type.equals(s.type)
        && description.equals(s.description)
        && Objects.equals(userId, s.userId)
        && Objects.equals(emailAddress, s.emailAddress)
        && Objects.equals(syslogProperties, s.syslogProperties)
        && Objects.equals(snmpProperties, s.snmpProperties)
        && Objects.equals(objectType, s.objectType)
        && Objects.equals(objectId, s.objectId)
        && applianceShared == s.applianceShared
        && subscribeToAllEvents == s.subscribeToAllEvents
        && systemOwned == s.systemOwned
        && subscriptions.equals(s.subscriptions)
        && filter.equals(s.filter)
        && Objects.equals(template, s.template)
        && enabled == s.enabled;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, type, description, subscriptions);
  }

  @Override
  public String toString() {
    return "Subscriber{id="
        + id
        + ", type="
        + type
        + ", description="
        + description
        + (subscribeToAllEvents ? ", all events" : ", events=" + subscriptions.size())
        + (enabled ? "" : ", disabled")
        + (systemOwned ? ", system-owned" : "")
        + "}";
  }

  /** Builds {@link Subscriber}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private int id;
    private final String type;
    private String description = "";
    private @Nullable Integer userId;
    private @Nullable String emailAddress;
    private @Nullable SyslogSubscriberProperties syslogProperties;
    private @Nullable SnmpSubscriberProperties snmpProperties;
    private @Nullable String objectType;
    private @Nullable Integer objectId;
    private boolean applianceShared;
    private boolean subscribeToAllEvents;
    private boolean systemOwned;
    private final Set<String> subscriptions = new LinkedHashSet<>();
    private PropertyFilter filter = PropertyFilter.none();
    private @Nullable String template;
    private boolean enabled = true;

    private Builder(String type) {
      requireNonNull(type, "Type");
      if (type.isBlank() || !type.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new ValidationException(
            "Type", "'" + type + "' is not a channel id (printable ASCII, no spaces)");
      }
      this.type = type;
    }

    /**
     * Sets {@code Id}. Default: 0 (a registry assigns one on add).
     *
     * @param id a positive id, or 0
     * @return this builder
     */
    public Builder id(int id) {
      if (id < 0) {
        throw new ValidationException("Id", id + " is negative");
      }
      this.id = id;
      return this;
    }

    /**
     * Sets {@code Description}. Default: empty.
     *
     * @param description at most 255 characters
     * @return this builder
     */
    public Builder description(String description) {
      requireNonNull(description, "Description");
      maxLength("Description", description, 255);
      this.description = description;
      return this;
    }

    /**
     * Sets {@code UserId}. Default: none. Cannot be combined with an email address.
     *
     * @param userId the user's database id, or null
     * @return this builder
     */
    public Builder userId(@Nullable Integer userId) {
      this.userId = userId;
      return this;
    }

    /**
     * Sets {@code EmailAddress}. Default: none. Cannot be combined with a user id.
     *
     * @param address an RFC 5322 mailbox (see {@link EmailAddress}; no CR or LF) of at most 255
     *     characters, or null
     * @return this builder
     */
    public Builder emailAddress(@Nullable String address) {
      if (address != null) {
        EmailAddress.parse("EmailAddress", address);
      }
      this.emailAddress = maxLength("EmailAddress", address, 255);
      return this;
    }

    /**
     * Sets {@code SyslogProperties}. Default: none.
     *
     * @param properties the syslog properties, or null
     * @return this builder
     */
    public Builder syslogProperties(@Nullable SyslogSubscriberProperties properties) {
      this.syslogProperties = properties;
      return this;
    }

    /**
     * Sets {@code SnmpProperties}. Default: none.
     *
     * @param properties the SNMP properties, or null
     * @return this builder
     */
    public Builder snmpProperties(@Nullable SnmpSubscriberProperties properties) {
      this.snmpProperties = properties;
      return this;
    }

    /**
     * Sets {@code ObjectType} and {@code ObjectId}. Default: none.
     *
     * @param type a value of the appliance's {@code EventObjectType}, or null
     * @param id the object's id, or null
     * @return this builder
     */
    public Builder object(@Nullable String type, @Nullable Integer id) {
      this.objectType = type;
      this.objectId = id;
      return this;
    }

    /**
     * Sets {@code IsApplianceShared}. Default: false.
     *
     * @param shared whether every appliance administrator sees the subscriber
     * @return this builder
     */
    public Builder applianceShared(boolean shared) {
      this.applianceShared = shared;
      return this;
    }

    /**
     * Sets {@code SubscribeToAllEvents}. Default: false.
     *
     * @param all whether to receive every event
     * @return this builder
     */
    public Builder subscribeToAllEvents(boolean all) {
      this.subscribeToAllEvents = all;
      return this;
    }

    /**
     * Sets {@code IsSystemOwned}. Default: false.
     *
     * @param systemOwned whether the subscriber is built in and cannot be removed
     * @return this builder
     */
    public Builder systemOwned(boolean systemOwned) {
      this.systemOwned = systemOwned;
      return this;
    }

    /**
     * Adds event names to {@code Subscriptions}. Whether the catalog knows them is checked by the
     * registry.
     *
     * @param eventNames the names to add
     * @return this builder
     */
    public Builder subscribe(String... eventNames) {
      for (String n : eventNames) {
        requireNonNull(n, "event name");
        if (n.isBlank()) {
          throw new ValidationException("Subscriptions", "an event name is blank");
        }
        subscriptions.add(n);
      }
      return this;
    }

    /**
     * Replaces {@code Subscriptions}.
     *
     * @param eventNames the event names
     * @return this builder
     */
    public Builder subscriptions(Iterable<String> eventNames) {
      subscriptions.clear();
      for (String n : requireNonNull(eventNames, "Subscriptions")) {
        subscribe(n);
      }
      return this;
    }

    /**
     * Sets pamkit's property filter. Default: {@link PropertyFilter#none()}.
     *
     * @param filter the filter
     * @return this builder
     */
    public Builder filter(PropertyFilter filter) {
      this.filter = requireNonNull(filter, "Filter");
      return this;
    }

    /**
     * Sets pamkit's template reference. Default: none (the event's default template).
     *
     * @param template a template name, or null
     * @return this builder
     */
    public Builder template(@Nullable String template) {
      this.template = template;
      return this;
    }

    /**
     * Sets pamkit's enabled flag. Default: true.
     *
     * @param enabled whether the subscriber receives events
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Builds the subscriber.
     *
     * @return the immutable subscriber
     * @throws ValidationException if both {@code UserId} and {@code EmailAddress} are set
     */
    public Subscriber build() {
      if (userId != null && emailAddress != null) {
        throw new ValidationException(
            "EmailAddress", "cannot be specified with UserId; give one recipient");
      }
      return new Subscriber(this);
    }
  }
}
