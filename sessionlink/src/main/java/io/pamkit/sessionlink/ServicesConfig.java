package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The password appliance's {@code ServicesConfig}: which services of the Enable or Disable Services
 * page are on, keyed by the API's field names. A plain value for the caller to map onto its own
 * service-toggle policy; it holds exactly the fields the appliance sent (a {@code fields} query can
 * return fewer), and {@link #isEnabled(ServiceToggle)} falls back to the schema default (on) for an
 * absent one.
 *
 * <p>Immutable and thread-safe.
 */
public final class ServicesConfig {
  private final Map<ServiceToggle, Boolean> values;

  private ServicesConfig(Map<ServiceToggle, Boolean> values) {
    this.values = Collections.unmodifiableMap(new EnumMap<>(values));
  }

  /**
   * Returns a configuration with every switch on (the schema defaults).
   *
   * @return all services enabled
   */
  public static ServicesConfig defaults() {
    Map<ServiceToggle, Boolean> all = new EnumMap<>(ServiceToggle.class);
    for (ServiceToggle t : ServiceToggle.values()) {
      all.put(t, Boolean.TRUE);
    }
    return new ServicesConfig(all);
  }

  /**
   * Returns a configuration holding the given switches.
   *
   * @param values switch to state; may hold fewer than all switches
   * @return the configuration
   */
  public static ServicesConfig of(Map<ServiceToggle, Boolean> values) {
    requireNonNull(values, "values");
    values.forEach((k, v) -> requireNonNull(v, "values[" + k + "]"));
    return new ServicesConfig(values.isEmpty() ? new EnumMap<>(ServiceToggle.class) : values);
  }

  /**
   * Reads the API form, field name to boolean.
   *
   * @param apiValues field name (e.g. {@code SessionRequestsEnabled}) to state
   * @return the configuration
   * @throws IllegalArgumentException naming the field if a name is not a {@code ServicesConfig}
   *     field or its value is null
   */
  @JsonCreator
  public static ServicesConfig fromApi(Map<String, @Nullable Boolean> apiValues) {
    Map<ServiceToggle, Boolean> map = new EnumMap<>(ServiceToggle.class);
    apiValues.forEach(
        (k, v) -> {
          if (v == null) {
            throw new IllegalArgumentException("ServicesConfig." + k + " is null; must be a boolean");
          }
          map.put(ServiceToggle.ofApiName(k), v);
        });
    return new ServicesConfig(map);
  }

  /**
   * Returns the API form, field name to boolean, in the schema's field order.
   *
   * @return an immutable map keyed by API field names
   */
  @JsonValue
  public Map<String, Boolean> toApi() {
    Map<String, Boolean> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k.apiName(), v));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns the switches the appliance sent.
   *
   * @return an immutable map
   */
  public Map<ServiceToggle, Boolean> values() {
    return values;
  }

  /**
   * Returns whether a service is on; an absent switch reads as its default, on.
   *
   * @param toggle the switch
   * @return true when enabled
   */
  public boolean isEnabled(ServiceToggle toggle) {
    return values.getOrDefault(requireNonNull(toggle, "toggle"), Boolean.TRUE);
  }

  /**
   * Returns a copy with one switch set.
   *
   * @param toggle the switch
   * @param enabled its new state
   * @return a new configuration
   */
  public ServicesConfig with(ServiceToggle toggle, boolean enabled) {
    Map<ServiceToggle, Boolean> copy = new EnumMap<>(ServiceToggle.class);
    copy.putAll(values);
    copy.put(requireNonNull(toggle, "toggle"), enabled);
    return new ServicesConfig(copy);
  }

  /** Equal when the same switches have the same states. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ServicesConfig && ((ServicesConfig) o).values.equals(values);
  }

  /** Returns a hash of the switches. */
  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Returns {@code ServicesConfig{Name=state, ...}}. */
  @Override
  public String toString() {
    return "ServicesConfig" + toApi();
  }
}
