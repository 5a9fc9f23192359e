// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pamkit.core.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Validates JSON against the schemas of the appliance's OpenAPI v4 description, shipped as the
 * resources {@code spp-openapi-v4-link.json} (the subset of the link endpoints, {@link #shipped()})
 * and {@code spp-openapi-v4-settings.json} (the notification settings endpoints, {@link
 * #settings()}). Checks types, int32 range, integer {@code minimum}/{@code maximum}, {@code
 * date-time}, enums, {@code nullable}, {@code required}, string lengths and {@code
 * additionalProperties: false} (an unknown or misspelt field fails, with a suggestion). Read-only
 * fields are accepted, as the appliance ignores them.
 *
 * <p>Thread-safe.
 */
public final class SchemaValidator {
  private static final String RESOURCE = "spp-openapi-v4-link.json";
  private static final SchemaValidator INSTANCE = new SchemaValidator(load(RESOURCE));

  /** The notification settings endpoints' schemas (EmailClientConfig, SyslogServer, ...). */
  private static final String SETTINGS_RESOURCE = "spp-openapi-v4-settings.json";

  private static final SchemaValidator SETTINGS = new SchemaValidator(load(SETTINGS_RESOURCE));

  private final JsonNode document;

  private SchemaValidator(JsonNode document) {
    this.document = document;
  }

  /**
   * Returns the validator of the shipped OpenAPI subset.
   *
   * @return the shared validator
   */
  public static SchemaValidator shipped() {
    return INSTANCE;
  }

  /**
   * Returns the validator of the shipped notification settings subset ({@code
   * spp-openapi-v4-settings.json}: {@code EmailClientConfig}, {@code EmailTemplate}, {@code
   * EventSubscriber}, {@code SyslogServer}, {@code TicketSystem} and what they refer to).
   *
   * @return the shared validator
   */
  public static SchemaValidator settings() {
    return SETTINGS;
  }

  private static JsonNode load(String resource) {
    try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource " + resource + " missing from pamkit-sessionlink");
      }
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the whole OpenAPI document.
   *
   * @return the parsed document; do not modify
   */
  public JsonNode document() {
    return document;
  }

  /**
   * Returns a named schema.
   *
   * @param name the schema name under {@code components/schemas}
   * @return the schema
   * @throws IllegalArgumentException if there is no such schema
   */
  public JsonNode schema(String name) {
    JsonNode s = document.path("components").path("schemas").path(name);
    if (s.isMissingNode()) {
      throw new IllegalArgumentException("no schema " + name);
    }
    return s;
  }

  /**
   * Validates a value against a named schema.
   *
   * @param schemaName the schema name
   * @param value the JSON value
   * @return every violation, paths in {@code $.Field[0].Sub} form; empty when valid
   */
  public List<Violation> validate(String schemaName, JsonNode value) {
    List<Violation> out = new ArrayList<>();
    check(schema(schemaName), value, "$", out);
    return out;
  }

  /**
   * Validates a JSON array whose items must match a named schema.
   *
   * @param itemSchemaName the item schema
   * @param value the JSON value
   * @return every violation
   */
  public List<Violation> validateArray(String itemSchemaName, JsonNode value) {
    List<Violation> out = new ArrayList<>();
    if (!value.isArray()) {
      out.add(new Violation("$", "is " + kind(value) + "; must be an array of " + itemSchemaName));
      return out;
    }
    for (int i = 0; i < value.size(); i++) {
      check(schema(itemSchemaName), value.get(i), "$[" + i + "]", out);
    }
    return out;
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      s = schema(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return s;
  }

  private void check(
      JsonNode rawSchema, @Nullable JsonNode value, String path, List<Violation> out) {
    JsonNode schema = resolve(rawSchema);
    if (value == null || value.isNull()) {
      if (!rawSchema.path("nullable").asBoolean(false)
          && !schema.path("nullable").asBoolean(false)) {
        out.add(new Violation(path, "is null; the schema does not allow null"));
      }
      return;
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> checkObject(schema, value, path, out);
      case "array" -> {
        if (!value.isArray()) {
          out.add(new Violation(path, "is " + kind(value) + "; must be an array"));
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          check(schema.path("items"), value.get(i), path + "[" + i + "]", out);
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          out.add(new Violation(path, "is " + kind(value) + "; must be an integer"));
        } else if ("int32".equals(schema.path("format").asText()) && !value.canConvertToInt()) {
          out.add(new Violation(path, value + " is outside the int32 range"));
        } else if ((schema.has("minimum") && value.asLong() < schema.get("minimum").asLong())
            || (schema.has("maximum") && value.asLong() > schema.get("maximum").asLong())) {
          out.add(
              new Violation(
                  path,
                  value
                      + " is outside "
                      + schema.path("minimum").asText("")
                      + ".."
                      + schema.path("maximum").asText("")));
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          out.add(new Violation(path, "is " + kind(value) + "; must be true or false"));
        }
      }
      case "string" -> checkString(schema, value, path, out);
      default -> {}
    }
  }

  private void checkString(JsonNode schema, JsonNode value, String path, List<Violation> out) {
    if (!value.isTextual()) {
      out.add(new Violation(path, "is " + kind(value) + "; must be a string"));
      return;
    }
    String text = value.asText();
    if (schema.has("enum")) {
      List<String> allowed = new ArrayList<>();
      schema.get("enum").forEach(e -> allowed.add(e.asText()));
      if (!allowed.contains(text)) {
        out.add(new Violation(path, "'" + text + "' is not one of " + allowed));
      }
      return;
    }
    if ("date-time".equals(schema.path("format").asText())) {
      try {
        Json.parseInstant(text);
      } catch (DateTimeParseException e) {
        out.add(new Violation(path, "'" + text + "' is not an ISO-8601 date-time"));
      }
    }
    if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
      out.add(
          new Violation(
              path,
              "has "
                  + text.length()
                  + " characters; at least "
                  + schema.get("minLength").asInt()
                  + " required"));
    }
    if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
      out.add(
          new Violation(
              path,
              "has "
                  + text.length()
                  + " characters; at most "
                  + schema.get("maxLength").asInt()
                  + " allowed"));
    }
  }

  private void checkObject(JsonNode schema, JsonNode value, String path, List<Violation> out) {
    if (!value.isObject()) {
      out.add(new Violation(path, "is " + kind(value) + "; must be an object"));
      return;
    }
    JsonNode props = schema.path("properties");
    for (JsonNode r : schema.path("required")) {
      JsonNode v = value.get(r.asText());
      if (v == null || v.isNull()) {
        out.add(new Violation(path + "." + r.asText(), "is missing; the field is required"));
      }
    }
    for (Map.Entry<String, JsonNode> f : value.properties()) {
      String fieldPath = path + "." + f.getKey();
      JsonNode ps = props.get(f.getKey());
      if (ps == null) {
        if (!schema.path("additionalProperties").asBoolean(true)) {
          String hint = suggest(f.getKey(), props);
          out.add(
              new Violation(
                  fieldPath,
                  "is not a field of this schema"
                      + (hint == null ? "" : " (did you mean " + hint + "?)")
                      + "; additional properties are not allowed"));
        }
        continue;
      }
      if (f.getValue().isNull()
          && schema.path("required").toString().contains('"' + f.getKey() + '"')) {
        continue; // already reported as missing
      }
      check(ps, f.getValue(), fieldPath, out);
    }
  }

  private static @Nullable String suggest(String name, JsonNode props) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    Iterator<String> names = props.fieldNames();
    while (names.hasNext()) {
      String candidate = names.next();
      int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 4) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    return "null";
  }
}
