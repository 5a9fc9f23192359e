// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One change {@link SettingsSync#plan} found between a configuration document and the appliance: a
 * resource to create, update or delete, with the fields that differ. Secrets are never shown: their
 * values read {@code (secret)}.
 */
public final class SettingsChange {
  /** What happens to the resource. */
  public enum Operation {
    /** {@code POST}: the document has it, the appliance does not. */
    CREATE,
    /** {@code PUT}: both have it, fields differ. */
    UPDATE,
    /** {@code DELETE}: the appliance has it, the document does not (only with pruning). */
    DELETE
  }

  /**
   * One field that differs.
   *
   * @param field the field's path inside the resource, e.g. {@code Port} or {@code
   *     SyslogProperties.Port}
   * @param before the appliance's value as JSON text, {@code (secret)} for a secret, null when
   *     absent
   * @param after the document's value as JSON text, {@code (secret)} for a secret, null when the
   *     field goes away
   */
  public record Field(String field, @Nullable String before, @Nullable String after) {
    /**
     * Checks the field's name.
     *
     * @throws NullPointerException if {@code field} is null
     */
    public Field {
      requireNonNull(field, "field");
    }
  }

  private final String resource;
  private final String key;
  private final Operation operation;
  private final List<Field> fields;
  private final Consumer<ApplianceSettings> action;

  SettingsChange(
      String resource,
      String key,
      Operation operation,
      List<Field> fields,
      Consumer<ApplianceSettings> action) {
    this.resource = resource;
    this.key = key;
    this.operation = operation;
    this.fields = List.copyOf(fields);
    this.action = action;
  }

  /**
   * @return the document's part, e.g. {@code SyslogServers}
   */
  public String resource() {
    return resource;
  }

  /**
   * @return which one, e.g. {@code Id=3 Name=siem}; empty for a singleton
   */
  public String key() {
    return key;
  }

  /**
   * @return what happens
   */
  public Operation operation() {
    return operation;
  }

  /**
   * @return the fields that change (for a delete: none)
   */
  public List<Field> fields() {
    return fields;
  }

  void apply(ApplianceSettings settings) {
    action.accept(settings);
  }

  /**
   * @return one line: operation, resource and key
   */
  @Override
  public String toString() {
    return operation + " " + resource + (key.isEmpty() ? "" : "[" + key + "]") + " " + fields;
  }
}
