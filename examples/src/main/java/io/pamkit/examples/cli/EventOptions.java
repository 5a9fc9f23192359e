// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The event of the commands that publish one ({@code publish}, {@code send}). */
final class EventOptions {
  @Option(names = "--property", paramLabel = "K=V", description = "An event property; repeatable.")
  Map<String, String> properties = new LinkedHashMap<>();

  @Option(
      names = "--type",
      required = true,
      paramLabel = "EVENT_TYPE",
      description = "The event name, one of the catalog's (e.g. PasswordChangeFailed).")
  String type;

  @Option(
      names = "--appliance-id",
      paramLabel = "ID",
      defaultValue = "pamkit-cli",
      description = "The events' appliance id (default: ${DEFAULT-VALUE}).")
  String applianceId;

  /**
   * Looks the event name up.
   *
   * @param catalog the document's catalog
   * @return its definition
   * @throws io.pamkit.core.event.UnknownEventException naming {@code --type} and the closest name
   */
  EventDefinition definition(EventCatalog catalog) {
    return catalog.require(type);
  }

  /**
   * Builds one event, at the catalog's default level of its name.
   *
   * @param catalog the document's catalog
   * @return the event, with the properties and the appliance id
   * @throws io.pamkit.core.event.UnknownEventException naming {@code --type} and the closest name
   */
  ApplianceEvent event(EventCatalog catalog) {
    ApplianceEvent.Builder b = ApplianceEvent.builder(catalog, type).applianceId(applianceId);
    properties.forEach(b::property);
    return b.build();
  }
}
