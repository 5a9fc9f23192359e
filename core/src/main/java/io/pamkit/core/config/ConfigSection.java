// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.secret.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A read-only, path-aware view of one JSON object of the configuration document (for example a
 * transport's section, {@code $.EmailClientConfig} or {@code $.SyslogServers[0]}): typed getters
 * that report values of the wrong type, setter calls whose rule errors are re-attached to the
 * field's JSON path, and a final check for fields nobody read. Every problem is collected (with its
 * JSON path) instead of thrown, so that a whole document is checked in one pass; {@link
 * #problems()} lists them and {@link #throwIfProblems()} ends the reading.
 *
 * <p>A transport provider reads its section like this:
 *
 * <pre>{@code
 * WebhookSettings.Builder b = WebhookSettings.builder();
 * section.string("Url", b::url);            // a wrong type or a setter's rule error is reported
 * section.integer("TimeoutSeconds", b::timeoutSeconds);
 * WebhookSettings settings = section.build(b::build); // null when a problem was found
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 *
 * <p>Sections made from one another share their list of problems. Not thread-safe: a section is a
 * cursor used by one reader; the JSON it reads is a private copy and never changes.
 */
public final class ConfigSection {
  private final JsonNode node;
  private final String path;
  private final String typeName;
  private final List<Violation> problems;
  private final int problemsAtStart;
  private final Set<String> known = new LinkedHashSet<>();

  private ConfigSection(JsonNode node, String path, String typeName, List<Violation> problems) {
    this.node = node;
    this.path = path;
    this.typeName = typeName;
    this.problems = problems;
    this.problemsAtStart = problems.size();
  }

  /**
   * Returns a view of a JSON object, with its own list of problems. A value that is not an object
   * is reported (and read as an empty object).
   *
   * @param node the JSON object; copied
   * @param path its JSON path, e.g. {@code $.EmailClientConfig}
   * @param typeName what the object is, for messages, e.g. {@code EmailClientConfig}
   * @return the view
   */
  public static ConfigSection of(JsonNode node, String path, String typeName) {
    List<Violation> problems = new ArrayList<>();
    ConfigSection s = of(node.deepCopy(), path, typeName, problems);
    return s != null
        ? s
        : new ConfigSection(
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
            path,
            typeName,
            problems);
  }

  /**
   * Returns a view of the object held by a field, sharing this section's problems.
   *
   * @param field the field
   * @param typeName what the object is, for messages
   * @return the view, or empty when the field is absent or null, or (with a problem) not an object
   */
  public Optional<ConfigSection> object(String field, String typeName) {
    JsonNode n = get(field);
    return n == null
        ? Optional.empty()
        : Optional.ofNullable(of(n, path(field), typeName, problems));
  }

  /**
   * Returns views of the objects of an array field, sharing this section's problems; elements that
   * are not objects are reported and left out.
   *
   * @param field the field
   * @param typeName what each element is, for messages
   * @return the views in array order; empty when the field is absent or (with a problem) not an
   *     array
   */
  public List<ConfigSection> objects(String field, String typeName) {
    JsonNode n = get(field);
    if (n == null) {
      return List.of();
    }
    if (!n.isArray()) {
      problem(field, "expected an array, got " + describe(n, false));
      return List.of();
    }
    List<ConfigSection> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      ConfigSection s = of(n.get(i), path(field) + "[" + i + "]", typeName, problems);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Returns every problem found so far by this section and the sections sharing its list.
   *
   * @return an immutable copy, in the order found
   */
  public List<Violation> problems() {
    return List.copyOf(problems);
  }

  /**
   * Throws when a problem was found.
   *
   * @throws ConfigurationException listing every problem by JSON path
   */
  public void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  /**
   * Returns a copy of the JSON object.
   *
   * @return a deep copy; changing it changes nothing here
   */
  public JsonNode json() {
    return node.deepCopy();
  }

  /**
   * Returns the names of the object's fields, in document order (whether read or not).
   *
   * @return the names
   */
  public Set<String> fieldNames() {
    return iterable(node.fieldNames());
  }

  /** Returns a reader of the object at {@code path}, or null (with a problem) if not an object. */
  static @Nullable ConfigSection of(
      JsonNode node, String path, String typeName, List<Violation> problems) {
    if (!node.isObject()) {
      problems.add(
          new Violation(
              path, "expected an object (" + typeName + "), got " + describe(node, false)));
      return null;
    }
    return new ConfigSection(node, path, typeName, problems);
  }

  /**
   * Returns this object's JSON path.
   *
   * @return e.g. {@code $.EmailProviders[1]}
   */
  public String path() {
    return path;
  }

  /**
   * Returns the JSON path of a field of this object.
   *
   * @param field the field
   * @return e.g. {@code $.EmailClientConfig.PortNumber}
   */
  public String path(String field) {
    return child(path, field);
  }

  static String child(String path, String field) {
    return field.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') && !field.isEmpty()
        ? path + "." + field
        : path + "['" + field.replace("'", "\\'") + "']";
  }

  /**
   * Reports a problem with a field.
   *
   * @param field the field
   * @param message what is wrong, without the value when it is a secret
   */
  public void problem(String field, String message) {
    problems.add(new Violation(path(field), message));
  }

  /**
   * Marks fields as known and ignores them (read-only fields of the appliance's schema).
   *
   * @param fields the fields
   */
  public void readOnly(String... fields) {
    known.addAll(Arrays.asList(fields));
  }

  /**
   * Returns a field's JSON value and marks the field as known.
   *
   * @param field the field
   * @return the value (not a copy: do not change it), or null when absent or JSON null
   */
  public @Nullable JsonNode get(String field) {
    known.add(field);
    JsonNode n = node.get(field);
    return n == null || n.isNull() ? null : n;
  }

  /**
   * Tells whether a field is present and not null; marks it as known.
   *
   * @param field the field
   * @return whether it has a value
   */
  public boolean has(String field) {
    return get(field) != null;
  }

  /**
   * Reads a string field.
   *
   * @param field the field
   * @return the value, or null when absent or (with a problem) not a string
   */
  public @Nullable String string(String field) {
    JsonNode n = get(field);
    if (n == null) {
      return null;
    }
    if (!n.isTextual()) {
      problem(field, "expected a string, got " + describe(n, false));
      return null;
    }
    return n.textValue();
  }

  /**
   * Reads a 32-bit integer field.
   *
   * @param field the field
   * @return the value, or null when absent or (with a problem) not such an integer
   */
  public @Nullable Integer integer(String field) {
    JsonNode n = get(field);
    if (n == null) {
      return null;
    }
    if (!n.isIntegralNumber()) {
      problem(field, "expected an integer, got " + describe(n, false));
      return null;
    }
    if (!n.canConvertToInt()) {
      problem(field, n.asText() + " is outside the 32-bit integer range");
      return null;
    }
    return n.intValue();
  }

  /**
   * Reads a boolean field.
   *
   * @param field the field
   * @return the value, or null when absent or (with a problem) not a boolean
   */
  public @Nullable Boolean bool(String field) {
    JsonNode n = get(field);
    if (n == null) {
      return null;
    }
    if (!n.isBoolean()) {
      problem(field, "expected true or false, got " + describe(n, false));
      return null;
    }
    return n.booleanValue();
  }

  /**
   * Reads a string field naming an enum constant exactly, by its wire name: the constant's {@link
   * Object#toString()}. pamkit's enums whose constant names differ from the appliance's spelling
   * return their wire name there (and from {@code wireName()}), e.g. {@code "Local3"} for {@code
   * SyslogFacility.LOCAL3}; for any other enum it is the constant's name.
   *
   * @param field the field
   * @param type the enum
   * @param <E> the enum type
   * @return the constant, or null when absent or (with a problem) not one of the constants
   */
  public <E extends Enum<E>> @Nullable E enumValue(String field, Class<E> type) {
    String s = string(field);
    if (s == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.toString().equals(s)) {
        return e;
      }
    }
    problem(
        field,
        "'"
            + s
            + "' is not one of "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::toString)
                .collect(Collectors.joining(", ")));
    return null;
  }

  /**
   * Reads a string field holding a secret; problems never quote its value.
   *
   * @param field the field
   * @return the secret, or null when absent or (with a problem) not a string
   */
  public @Nullable Secret secret(String field) {
    JsonNode n = get(field);
    if (n == null) {
      return null;
    }
    if (!n.isTextual()) {
      problem(field, "expected a string, got " + describe(n, true));
      return null;
    }
    return Secret.of(n.textValue());
  }

  /**
   * Reads a string field into a setter, reporting the setter's rule errors at the field's path.
   *
   * @param field the field
   * @param setter called only when the field holds a string
   */
  public void string(String field, Consumer<String> setter) {
    String v = string(field);
    if (v != null) {
      set(field, () -> setter.accept(v));
    }
  }

  /**
   * Reads an integer field into a setter, reporting the setter's rule errors at the field's path.
   *
   * @param field the field
   * @param setter called only when the field holds a 32-bit integer
   */
  public void integer(String field, IntConsumer setter) {
    Integer v = integer(field);
    if (v != null) {
      set(field, () -> setter.accept(v));
    }
  }

  /**
   * Reads a boolean field into a setter, reporting the setter's rule errors at the field's path.
   *
   * @param field the field
   * @param setter called only when the field holds a boolean
   */
  public void bool(String field, Consumer<Boolean> setter) {
    Boolean v = bool(field);
    if (v != null) {
      set(field, () -> setter.accept(v));
    }
  }

  /**
   * Reads an enum field into a setter, reporting the setter's rule errors at the field's path.
   *
   * @param field the field
   * @param type the enum
   * @param setter called only when the field names a constant
   * @param <E> the enum type
   */
  public <E extends Enum<E>> void enumValue(String field, Class<E> type, Consumer<E> setter) {
    E v = enumValue(field, type);
    if (v != null) {
      set(field, () -> setter.accept(v));
    }
  }

  /**
   * Reads a secret field into a setter, reporting the setter's rule errors at the field's path.
   *
   * @param field the field
   * @param setter called only when the field holds a string
   */
  public void secret(String field, Consumer<Secret> setter) {
    Secret v = secret(field);
    if (v != null) {
      set(field, () -> setter.accept(v));
    }
  }

  /**
   * Runs a setter; its rule errors ({@link ValidationException}, {@link IllegalArgumentException})
   * are reported at the field's path.
   *
   * @param field the field the setter sets
   * @param setter the call
   */
  public void set(String field, Runnable setter) {
    try {
      setter.run();
    } catch (ValidationException e) {
      for (Violation v : e.violations()) {
        problems.add(new Violation(path(field), v.message()));
      }
    } catch (IllegalArgumentException e) {
      problems.add(new Violation(path(field), String.valueOf(e.getMessage())));
    }
  }

  /**
   * Reports unknown fields ({@link #finish()}), then builds the object when no problem was found
   * inside it; the builder's cross-field rule errors are reported at the path of the field they
   * name.
   *
   * @param builder builds the object
   * @param <T> the object's type
   * @return the object, or null when a problem was found
   */
  public <T> @Nullable T build(Supplier<T> builder) {
    finish();
    if (problems.size() != problemsAtStart) {
      return null;
    }
    try {
      return builder.get();
    } catch (ValidationException e) {
      for (Violation v : e.violations()) {
        problems.add(
            new Violation(
                v.path().startsWith("$") ? v.path() : path + "." + v.path(), v.message()));
      }
      return null;
    } catch (IllegalArgumentException e) {
      problems.add(new Violation(path, String.valueOf(e.getMessage())));
      return null;
    }
  }

  /** Reports every field that was not read (nor marked {@link #readOnly}) as unknown. */
  public void finish() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        problem(
            f, "unknown field of " + typeName + "; known fields are " + String.join(", ", known));
      }
    }
    known.addAll(iterable(node.fieldNames()));
  }

  /**
   * Tells whether no problem was found since this section was made.
   *
   * @return whether it is clean so far
   */
  public boolean clean() {
    return problems.size() == problemsAtStart;
  }

  private static Set<String> iterable(Iterator<String> it) {
    Set<String> s = new LinkedHashSet<>();
    it.forEachRemaining(s::add);
    return s;
  }

  static String describe(JsonNode n, boolean secret) {
    if (n.isTextual()) {
      if (secret) {
        return "a string";
      }
      String t = n.textValue();
      t = t.length() > 40 ? t.substring(0, 40) + "..." : t;
      StringBuilder b = new StringBuilder();
      for (char c : t.toCharArray()) {
        b.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
      }
      return "the string \"" + b + "\"";
    }
    if (n.isNumber()) {
      return secret ? "a number" : "the number " + n.asText();
    }
    if (n.isBoolean()) {
      return secret ? "a boolean" : String.valueOf(n.booleanValue());
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isObject()) {
      return "an object";
    }
    return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }
}
