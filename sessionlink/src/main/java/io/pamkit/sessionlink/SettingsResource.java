// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.sessionlink.internal.SettingsJson;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One object of the appliance's notification settings API as the appliance sent it: an {@code
 * EmailClientConfig}, {@code EmailTemplate}, {@code EventSubscriber}, {@code SyslogServer} or
 * {@code TicketSystem}, with the schema's PascalCase field names (the same names the pamkit
 * configuration document uses, see docs/configuration.md).
 *
 * <p>Kept as JSON on purpose: these schemas have dozens of fields, appliances add fields from
 * release to release, and the configuration document is the typed view (core's {@code PamkitConfig}
 * and the transport providers' settings classes). Immutable; {@link #toString()} masks every
 * secret.
 */
public final class SettingsResource {
  private final String schema;
  private final ObjectNode json;

  private SettingsResource(String schema, ObjectNode json) {
    this.schema = schema;
    this.json = json;
  }

  /**
   * Wraps an object of a schema.
   *
   * @param schema the OpenAPI schema's name, e.g. {@code SyslogServer}
   * @param json the object; copied
   * @return the resource
   * @throws IllegalArgumentException if {@code json} is not a JSON object
   */
  public static SettingsResource of(String schema, JsonNode json) {
    requireNonNull(schema, "schema");
    requireNonNull(json, "json");
    if (!json.isObject()) {
      throw new IllegalArgumentException(
          schema + " must be a JSON object, not " + json.getNodeType());
    }
    return new SettingsResource(schema, ((ObjectNode) json).deepCopy());
  }

  /**
   * Returns the schema's name.
   *
   * @return e.g. {@code EventSubscriber}
   */
  public String schema() {
    return schema;
  }

  /**
   * Returns the object, secrets included (the appliance never returns its write-only ones).
   *
   * @return a fresh copy
   */
  public ObjectNode json() {
    return json.deepCopy();
  }

  /**
   * Returns the object without its read-only fields and {@code null}s: what a {@code PUT} of it
   * sends back.
   *
   * @return a fresh copy
   */
  public ObjectNode writable() {
    return SettingsJson.writable(json);
  }

  /**
   * Returns the {@code Id}.
   *
   * @return the id; empty for the singletons ({@code EmailClientConfig}) and templates
   */
  public Optional<Integer> id() {
    JsonNode id = json.get("Id");
    return id != null && id.canConvertToInt() ? Optional.of(id.intValue()) : Optional.empty();
  }

  /**
   * Returns a text field.
   *
   * @param field the field, e.g. {@code Name}
   * @return its value; empty when absent, null or not text
   */
  public Optional<String> text(String field) {
    JsonNode v = json.get(requireNonNull(field, "field"));
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SettingsResource r && r.schema.equals(schema) && r.json.equals(json);
  }

  @Override
  public int hashCode() {
    return schema.hashCode() * 31 + json.hashCode();
  }

  /**
   * @return the schema and the object, secrets masked
   */
  @Override
  public String toString() {
    return schema + SettingsJson.masked(json);
  }
}
