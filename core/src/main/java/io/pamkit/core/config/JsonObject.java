package io.pamkit.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.secret.Secret;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object being read: typed getters that report wrong types, setter calls whose rule
 * errors are re-attached to the field's JSON path, and a final check for unknown fields. Every
 * problem goes to the shared list; nothing is thrown.
 */
final class JsonObject {
  private final JsonNode node;
  private final String path;
  private final String typeName;
  private final List<Violation> problems;
  private final int problemsAtStart;
  private final Set<String> known = new LinkedHashSet<>();

  private JsonObject(JsonNode node, String path, String typeName, List<Violation> problems) {
    this.node = node;
    this.path = path;
    this.typeName = typeName;
    this.problems = problems;
    this.problemsAtStart = problems.size();
  }

  /** Returns a reader of the object at {@code path}, or null (with a problem) if not an object. */
  static @Nullable JsonObject of(
      JsonNode node, String path, String typeName, List<Violation> problems) {
    if (!node.isObject()) {
      problems.add(new Violation(path, "expected an object (" + typeName + "), got "
          + describe(node, false)));
      return null;
    }
    return new JsonObject(node, path, typeName, problems);
  }

  String path() {
    return path;
  }

  String path(String field) {
    return child(path, field);
  }

  static String child(String path, String field) {
    return field.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
        && !field.isEmpty()
        ? path + "." + field
        : path + "['" + field.replace("'", "\\'") + "']";
  }

  void problem(String field, String message) {
    problems.add(new Violation(path(field), message));
  }

  /** Marks fields as known and ignores them (read-only fields of the appliance's schema). */
  void readOnly(String... fields) {
    known.addAll(Arrays.asList(fields));
  }

  /** Returns the field's node, null when absent or JSON null; marks the field as known. */
  @Nullable JsonNode get(String field) {
    known.add(field);
    JsonNode n = node.get(field);
    return n == null || n.isNull() ? null : n;
  }

  boolean has(String field) {
    return get(field) != null;
  }

  @Nullable String string(String field) {
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

  @Nullable Integer integer(String field) {
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

  @Nullable Boolean bool(String field) {
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

  <E extends Enum<E>> @Nullable E enumValue(String field, Class<E> type) {
    String s = string(field);
    if (s == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    problem(field, "'" + s + "' is not one of " + Arrays.stream(type.getEnumConstants())
        .map(Enum::name).collect(Collectors.joining(", ")));
    return null;
  }

  @Nullable Secret secret(String field) {
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

  void string(String field, Consumer<String> setter) {
    String v = string(field);
    if (v != null) {
      set(field, () -> setter.accept(v));
    }
  }

  void integer(String field, IntConsumer setter) {
    Integer v = integer(field);
    if (v != null) {
      set(field, () -> setter.accept(v));
    }
  }

  void bool(String field, Consumer<Boolean> setter) {
    Boolean v = bool(field);
    if (v != null) {
      set(field, () -> setter.accept(v));
    }
  }

  <E extends Enum<E>> void enumValue(String field, Class<E> type, Consumer<E> setter) {
    E v = enumValue(field, type);
    if (v != null) {
      set(field, () -> setter.accept(v));
    }
  }

  void secret(String field, Consumer<Secret> setter) {
    Secret v = secret(field);
    if (v != null) {
      set(field, () -> setter.accept(v));
    }
  }

  /** Runs a setter; its rule errors are reported at the field's path. */
  void set(String field, Runnable setter) {
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
   * Builds the object when no problem was found inside it; its cross-field rule errors are
   * reported at the path of the field they name.
   */
  <T> @Nullable T build(Supplier<T> builder) {
    finish();
    if (problems.size() != problemsAtStart) {
      return null;
    }
    try {
      return builder.get();
    } catch (ValidationException e) {
      for (Violation v : e.violations()) {
        problems.add(new Violation(
            v.path().startsWith("$") ? v.path() : path + "." + v.path(), v.message()));
      }
      return null;
    } catch (IllegalArgumentException e) {
      problems.add(new Violation(path, String.valueOf(e.getMessage())));
      return null;
    }
  }

  /** Reports every field that is not part of this object's type. */
  void finish() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        problem(f, "unknown field of " + typeName + "; known fields are "
            + String.join(", ", known));
      }
    }
    known.addAll(iterable(node.fieldNames()));
  }

  boolean clean() {
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
