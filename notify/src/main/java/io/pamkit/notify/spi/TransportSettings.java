package io.pamkit.notify.spi;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.secret.Secret;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings a {@link TransportProvider} creates a transport from: named string values (the
 * appliance's field names, e.g. {@code ServerAddress}, {@code PortNumber}), named {@link Secret}s,
 * and typed attachments for what cannot be written as text (a {@link
 * io.pamkit.core.secret.CredentialResolver}, a {@link javax.net.ssl.SSLContext}, a {@link
 * RecipientResolver}...).
 *
 * <p>The typed readers throw {@link ValidationException}s whose path is {@link #path()} plus the
 * setting's name, e.g. {@code EmailClientConfig.PortNumber}. {@link #toString()} lists the names
 * of values and secrets, never a secret's value.
 *
 * <p>Immutable and thread-safe; the builder is not.
 */
public final class TransportSettings {
  private final String path;
  private final Map<String, String> values;
  private final Map<String, Secret> secrets;
  private final Map<Class<?>, Object> attachments;

  private TransportSettings(Builder b) {
    this.path = b.path;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
    this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(b.secrets));
    this.attachments = Collections.unmodifiableMap(new LinkedHashMap<>(b.attachments));
  }

  /**
   * Starts an empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns settings with no values, secrets or attachments.
   *
   * @return empty settings
   */
  public static TransportSettings empty() {
    return new Builder().build();
  }

  /**
   * Returns a builder holding these settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.path = path;
    b.values.putAll(values);
    b.secrets.putAll(secrets);
    b.attachments.putAll(attachments);
    return b;
  }

  /**
   * Returns the prefix of the paths named in validation errors, e.g. {@code EmailClientConfig}.
   *
   * @return the path prefix; empty when not set
   */
  public String path() {
    return path;
  }

  /**
   * Returns the names of every value and secret, in the order added.
   *
   * @return an immutable set
   */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>(values.keySet());
    names.addAll(secrets.keySet());
    return Collections.unmodifiableSet(names);
  }

  /**
   * Returns a string value.
   *
   * @param name the setting's name
   * @return the value, or empty when not set
   */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(requireNonNull(name, "name")));
  }

  /**
   * Returns a string value, or a default.
   *
   * @param name the setting's name
   * @param defaultValue the value when not set
   * @return the value or the default
   */
  public String string(String name, String defaultValue) {
    return value(name).orElse(defaultValue);
  }

  /**
   * Returns a whole-number value within a range.
   *
   * @param name the setting's name
   * @param defaultValue the value when not set
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @return the value or the default
   * @throws ValidationException if the value is not a number or is outside {@code min..max}
   */
  public int intValue(String name, int defaultValue, int min, int max) {
    Optional<String> v = value(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    int n;
    try {
      n = Integer.parseInt(v.get().trim());
    } catch (NumberFormatException e) {
      throw new ValidationException(pathOf(name), "'" + v.get() + "' is not a whole number");
    }
    if (n < min || n > max) {
      throw new ValidationException(pathOf(name), n + " is outside " + min + ".." + max);
    }
    return n;
  }

  /**
   * Returns a boolean value, written {@code true} or {@code false} (any case).
   *
   * @param name the setting's name
   * @param defaultValue the value when not set
   * @return the value or the default
   * @throws ValidationException if the value is neither {@code true} nor {@code false}
   */
  public boolean flag(String name, boolean defaultValue) {
    Optional<String> v = value(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    String s = v.get().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true")) {
      return true;
    }
    if (s.equals("false")) {
      return false;
    }
    throw new ValidationException(pathOf(name), "'" + v.get() + "' is not true or false");
  }

  /**
   * Returns a secret.
   *
   * @param name the setting's name
   * @return the secret, or empty when not set
   */
  public Optional<Secret> secret(String name) {
    return Optional.ofNullable(secrets.get(requireNonNull(name, "name")));
  }

  /**
   * Returns a typed attachment.
   *
   * @param <T> the attachment's type
   * @param type the class the attachment was registered under
   * @return the attachment, or empty when none
   */
  public <T> Optional<T> attachment(Class<T> type) {
    return Optional.ofNullable(type.cast(attachments.get(requireNonNull(type, "type"))));
  }

  /**
   * Checks that every value and secret is one of the given names, so that a misspelt setting is
   * reported instead of silently ignored.
   *
   * @param known the names the provider understands
   * @throws ValidationException naming each unknown setting and listing the known ones
   */
  public void requireKnown(Set<String> known) {
    List<Violation> violations = new ArrayList<>();
    for (String n : names()) {
      if (!known.contains(n)) {
        violations.add(
            new Violation(pathOf(n), "unknown setting; known settings are " + new TreeSet<>(known)));
      }
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /**
   * Returns the path of a setting in validation errors.
   *
   * @param name the setting's name
   * @return {@code path() + "." + name}, or the name when there is no path
   */
  public String pathOf(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** Returns the path and the names of values, secrets and attachments; no secret values. */
  @Override
  public String toString() {
    List<String> types = new ArrayList<>();
    attachments.keySet().forEach(c -> types.add(c.getSimpleName()));
    return "TransportSettings{path=" + path + ", values=" + values + ", secrets="
        + secrets.keySet() + ", attachments=" + types + "}";
  }

  /** Builds {@link TransportSettings}. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private String path = "";
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final Map<Class<?>, Object> attachments = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the prefix of the paths named in validation errors. Default: empty.
     *
     * @param path e.g. {@code EmailClientConfig} or {@code $.transports.smtp}
     * @return this builder
     */
    public Builder path(String path) {
      this.path = requireNonNull(path, "path");
      return this;
    }

    /**
     * Sets a string value.
     *
     * @param name the setting's name; not blank
     * @param value the value; never a secret (use {@link #secret})
     * @return this builder
     */
    public Builder value(String name, String value) {
      values.put(checkName(name), requireNonNull(value, "value"));
      secrets.remove(name);
      return this;
    }

    /**
     * Sets several string values, in the map's iteration order.
     *
     * @param values the values
     * @return this builder
     */
    public Builder values(Map<String, String> values) {
      requireNonNull(values, "values").forEach(this::value);
      return this;
    }

    /**
     * Sets a secret value (a password, a key).
     *
     * @param name the setting's name; not blank
     * @param secret the secret
     * @return this builder
     */
    public Builder secret(String name, Secret secret) {
      secrets.put(checkName(name), requireNonNull(secret, "secret"));
      values.remove(name);
      return this;
    }

    /**
     * Attaches an object under its type, e.g. a {@link io.pamkit.core.secret.CredentialResolver}.
     *
     * @param <T> the type
     * @param type the class to register it under
     * @param value the object
     * @return this builder
     */
    public <T> Builder attach(Class<T> type, T value) {
      attachments.put(requireNonNull(type, "type"), type.cast(requireNonNull(value, "value")));
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return new immutable settings
     */
    public TransportSettings build() {
      return new TransportSettings(this);
    }

    private static String checkName(String name) {
      requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("setting name must not be blank");
      }
      return name;
    }
  }
}
