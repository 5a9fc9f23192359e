// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The state of every service switch, as a plain immutable value that can be stored in the
 * configuration document and used to rebuild a {@link ServiceToggles} engine after a restart.
 *
 * <p>Its document form ({@link #toMap()} / {@link #fromMap(Map)}) is keyed by the appliance API's
 * names:
 *
 * <pre>{@code
 * {
 *   "ServicesConfig": { "PasswordChangeEnabled": true, ... all 19 booleans ... },
 *   "AuditLogStreamService": { "Enabled": false },
 *   "ApplicationToApplication": { "SPP-1": true, "SPP-2": false }
 * }
 * }</pre>
 *
 * {@code ApplicationToApplication} maps appliance ids to the per-appliance Application to
 * Application switch; an appliance that is not listed has it on (the default).
 *
 * <p>Immutable and thread-safe.
 */
public final class ServiceState {
  /** Document key of the cluster-wide booleans. */
  static final String SERVICES_CONFIG = "ServicesConfig";

  /** Document key of the Audit Log Stream Service object. */
  static final String AUDIT_LOG_STREAM = "AuditLogStreamService";

  /** Document key of the per-appliance A2A map. */
  static final String A2A = "ApplicationToApplication";

  private static final ServiceState DEFAULTS = new Builder().build();

  private final long bits;
  private final Map<String, Boolean> applicationToApplication;

  private ServiceState(long bits, Map<String, Boolean> applicationToApplication) {
    this.bits = bits;
    this.applicationToApplication =
        Collections.unmodifiableMap(new TreeMap<>(applicationToApplication));
  }

  /**
   * Returns the factory state: every service on except the Audit Log Stream Service, A2A on for
   * every appliance.
   *
   * @return the default state
   */
  public static ServiceState defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with this state.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.bits = bits;
    b.a2a.putAll(applicationToApplication);
    return b;
  }

  /**
   * Returns whether a cluster-wide service is on.
   *
   * @param service any service except {@link Service#APPLICATION_TO_APPLICATION_ENABLED}
   * @return true when on
   * @throws IllegalArgumentException for {@code ApplicationToApplicationEnabled}, which is per
   *     appliance: use {@link #isApplicationToApplicationEnabled(String)}
   */
  public boolean isEnabled(Service service) {
    requireNonNull(service, "service");
    if (service == Service.APPLICATION_TO_APPLICATION_ENABLED) {
      throw new IllegalArgumentException(
          "ApplicationToApplicationEnabled is per appliance; use"
              + " isApplicationToApplicationEnabled(applianceId)");
    }
    return (bits & mask(service)) != 0;
  }

  /**
   * Returns whether the Application to Application service is on for one appliance.
   *
   * @param applianceId the appliance id
   * @return the stored value, or true (the default) when the appliance is not listed
   */
  public boolean isApplicationToApplicationEnabled(String applianceId) {
    requireNonNull(applianceId, "applianceId");
    Boolean v = applicationToApplication.get(applianceId);
    return v == null || v;
  }

  /**
   * Returns the per-appliance Application to Application switches that are stored.
   *
   * @return an unmodifiable map from appliance id to state, sorted by id
   */
  public Map<String, Boolean> applicationToApplication() {
    return applicationToApplication;
  }

  /**
   * Returns the cluster-wide services that are on.
   *
   * @return a new set (never contains {@code ApplicationToApplicationEnabled})
   */
  public Set<Service> enabledServices() {
    Set<Service> set = EnumSet.noneOf(Service.class);
    for (Service s : Service.values()) {
      if (s != Service.APPLICATION_TO_APPLICATION_ENABLED && (bits & mask(s)) != 0) {
        set.add(s);
      }
    }
    return set;
  }

  /**
   * Returns the API's {@code ServicesConfig} object: the 19 booleans keyed by field name.
   *
   * @return an unmodifiable map in {@link Service} order
   */
  public Map<String, Boolean> servicesConfig() {
    Map<String, Boolean> m = new LinkedHashMap<>();
    for (Service s : Service.values()) {
      if (s.inServicesConfig()) {
        m.put(s.wireName(), (bits & mask(s)) != 0);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Returns the document form of this state (see the class description). Jackson writes it as the
   * JSON shown there.
   *
   * @return an unmodifiable map of plain values (maps, strings and booleans)
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(SERVICES_CONFIG, servicesConfig());
    m.put(AUDIT_LOG_STREAM, Map.of("Enabled", isEnabled(Service.AUDIT_LOG_STREAM_SERVICE)));
    m.put(A2A, applicationToApplication);
    return Collections.unmodifiableMap(m);
  }

  /**
   * Reads the document form (see the class description), for instance a map Jackson read from the
   * configuration document. A missing section or field takes its default (the API schema's {@code
   * "default"}); anything unknown or not a boolean is an error.
   *
   * @param document the document form
   * @return the state
   * @throws ValidationException naming the path of every unknown key and non-boolean value
   */
  public static ServiceState fromMap(Map<String, ?> document) {
    requireNonNull(document, "document");
    List<Violation> violations = new ArrayList<>();
    Builder b = builder();
    for (Map.Entry<String, ?> e : document.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object value = e.getValue();
      switch (key) {
        case SERVICES_CONFIG -> {
          forEachBoolean(
              "$." + SERVICES_CONFIG,
              value,
              violations,
              (path, name, enabled) -> {
                Service s = Service.fromWireName(name).orElse(null);
                if (s == null || !s.inServicesConfig()) {
                  violations.add(
                      new Violation(
                          path, "unknown field; ServicesConfig has only " + configNames()));
                } else {
                  b.enabled(s, enabled);
                }
              });
        }
        case AUDIT_LOG_STREAM -> {
          forEachBoolean(
              "$." + AUDIT_LOG_STREAM,
              value,
              violations,
              (path, name, enabled) -> {
                if (name.equals("Enabled")) {
                  b.enabled(Service.AUDIT_LOG_STREAM_SERVICE, enabled);
                } else {
                  violations.add(
                      new Violation(path, "unknown field; AuditLogStreamService has only Enabled"));
                }
              });
        }
        case A2A -> {
          forEachBoolean(
              "$." + A2A,
              value,
              violations,
              (path, name, enabled) -> {
                if (name.isBlank()) {
                  violations.add(new Violation(path, "appliance id must not be blank"));
                } else {
                  b.applicationToApplication(name, enabled);
                }
              });
        }
        default -> {
          violations.add(
              new Violation(
                  "$." + key,
                  "unknown section; expected "
                      + SERVICES_CONFIG
                      + ", "
                      + AUDIT_LOG_STREAM
                      + " or "
                      + A2A));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return b.build();
  }

  private interface BooleanField {
    void accept(String path, String name, boolean value);
  }

  private static void forEachBoolean(
      String path, @Nullable Object value, List<Violation> violations, BooleanField field) {
    if (!(value instanceof Map)) {
      violations.add(new Violation(path, "must be a JSON object, was " + describe(value)));
      return;
    }
    for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
      String name = String.valueOf(e.getKey());
      String fieldPath = path + "." + name;
      if (e.getValue() instanceof Boolean on) {
        field.accept(fieldPath, name, on);
      } else {
        violations.add(
            new Violation(fieldPath, "must be true or false, was " + describe(e.getValue())));
      }
    }
  }

  private static String describe(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "the string \"" + value + "\"";
    }
    return "a " + value.getClass().getSimpleName();
  }

  private static String configNames() {
    List<String> names = new ArrayList<>();
    for (Service s : Service.values()) {
      if (s.inServicesConfig()) {
        names.add(s.wireName());
      }
    }
    return String.join(", ", names);
  }

  static long mask(Service service) {
    return 1L << service.ordinal();
  }

  long bits() {
    return bits;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ServiceState other)) {
      return false;
    }
    return bits == other.bits && applicationToApplication.equals(other.applicationToApplication);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bits) * 31 + applicationToApplication.hashCode();
  }

  /** Returns the enabled services and the per-appliance A2A switches. */
  @Override
  public String toString() {
    return "ServiceState{enabled="
        + enabledServices()
        + ", applicationToApplication="
        + applicationToApplication
        + "}";
  }

  /** Builds {@link ServiceState}s. Not thread-safe; the last call for a service wins. */
  public static final class Builder {
    private long bits;
    private final Map<String, Boolean> a2a = new TreeMap<>();

    private Builder() {
      for (Service s : Service.values()) {
        if (s.enabledByDefault() && s != Service.APPLICATION_TO_APPLICATION_ENABLED) {
          bits |= mask(s);
        }
      }
    }

    /**
     * Sets a cluster-wide service. Default: {@link Service#enabledByDefault()}.
     *
     * @param service any service except {@code ApplicationToApplicationEnabled}
     * @param enabled the state
     * @return this builder
     * @throws IllegalArgumentException for {@code ApplicationToApplicationEnabled}, which is per
     *     appliance
     */
    public Builder enabled(Service service, boolean enabled) {
      requireNonNull(service, "service");
      if (service == Service.APPLICATION_TO_APPLICATION_ENABLED) {
        throw new IllegalArgumentException(
            "ApplicationToApplicationEnabled is per appliance; use"
                + " applicationToApplication(applianceId, enabled)");
      }
      bits = enabled ? bits | mask(service) : bits & ~mask(service);
      return this;
    }

    /**
     * Sets the Application to Application switch of one appliance. Default: on for every appliance.
     *
     * @param applianceId the appliance id; not blank
     * @param enabled the state
     * @return this builder
     */
    public Builder applicationToApplication(String applianceId, boolean enabled) {
      requireNonNull(applianceId, "applianceId");
      if (applianceId.isBlank()) {
        throw new IllegalArgumentException("applianceId must not be blank");
      }
      a2a.put(applianceId, enabled);
      return this;
    }

    /**
     * Builds the state.
     *
     * @return a new immutable state
     */
    public ServiceState build() {
      return new ServiceState(bits, a2a);
    }
  }
}
