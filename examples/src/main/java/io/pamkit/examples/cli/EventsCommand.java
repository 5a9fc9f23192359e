// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventCategory;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.event.EventLevel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit events list|search|show}: the event catalog, the 630 event names of the appliance
 * (plus a document's {@code EventCatalogExtensions} with {@code --config}), each with its category,
 * default level and what that level becomes in syslog, CEF and SNMP.
 */
@Command(
    name = "events",
    description = {
      "Lists, searches and shows the event catalog: every event name --type and Subscriptions"
          + " accept, with its category and default level.",
      "Exit codes: 0 success, 1 search found nothing, 2 bad input (e.g. unknown category)."
    },
    subcommands = {
      EventsCommand.ListCommand.class,
      EventsCommand.SearchCommand.class,
      EventsCommand.ShowCommand.class
    })
final class EventsCommand {
  private EventsCommand() {}

  /** The options every {@code events} command has. */
  static final class Common {
    @Option(names = "--json", description = "Print the result as one JSON document.")
    boolean json;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "Include the document's EventCatalogExtensions (user-defined events).")
    @Nullable Path config;

    /** The command these options are mixed into. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    EventCatalog catalog() {
      return config == null ? EventCatalog.defaults() : ConfigFiles.read(config).eventCatalog();
    }
  }

  /** Base of the subcommands: the common options. */
  abstract static class Sub implements Callable<Integer> {
    @Mixin Common common;
  }

  /** {@code --category} of {@code list} and {@code search}. */
  static final class CategoryFilter {
    @Option(
        names = "--category",
        paramLabel = "CATEGORY",
        description = "Only this category (case-insensitive), e.g. PasswordManagement.")
    @Nullable String category;

    /**
     * Returns the catalog's definitions, in catalog order.
     *
     * @param catalog the catalog
     * @return the definitions, only those of the category when one was given
     * @throws UsageException if the category is unknown
     */
    List<EventDefinition> definitions(EventCatalog catalog) {
      return category == null
          ? List.copyOf(catalog.definitions())
          : catalog.definitions(category(category));
    }
  }

  @Command(
      name = "list",
      description = {
        "Lists every event name with its category and default level, in catalog"
            + " order; --category keeps one category."
      })
  static final class ListCommand extends Sub {
    @Mixin CategoryFilter filter;

    @Override
    public Integer call() {
      print(common, filter.definitions(common.catalog()));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "search",
      description = {
        "Lists the event names that contain TEXT (case-insensitive).",
        "Exit code 1 when no name contains it."
      })
  static final class SearchCommand extends Sub {

    @Mixin CategoryFilter filter;

    @Parameters(paramLabel = "TEXT", description = "Part of an event name, e.g. password.")
    String text;

    @Override
    public Integer call() {
      String needle = text.strip().toLowerCase(Locale.ROOT);
      EventCatalog catalog = common.catalog();
      List<EventDefinition> found =
          filter.definitions(catalog).stream()
              .filter(d -> d.name().toLowerCase(Locale.ROOT).contains(needle))
              .toList();
      print(common, found);
      if (found.isEmpty()) {
        return PamkitCli.failure(
            common.spec,
            "no event name contains '" + text + "'" + Suggestions.hint(catalog.suggest(text)));
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "show",
      description = {
        "Shows one event name: its category, default level, and the syslog"
            + " severity, CEF severity and SNMP trap kind that level is sent as."
      })
  static final class ShowCommand extends Sub {

    @Parameters(paramLabel = "NAME", description = "The event name (case-insensitive).")
    String name;

    @Override
    public Integer call() {
      EventDefinition d = find(common.catalog(), name);
      EventLevel level = d.defaultLevel();
      PrintWriter out = common.spec.commandLine().getOut();
      if (common.json) {
        Json.print(out, json(d));
        return ExitCodes.OK;
      }
      out.printf("%s%n", d.name());
      out.printf("  category:         %s%n", d.category());
      out.printf("  default level:    %s%n", level);
      out.printf(
          "  syslog severity:  %d (%s)%n", level.syslogSeverity(), level.syslogSeverityName());
      out.printf("  CEF severity:     %d%n", level.cefSeverity());
      out.printf("  SNMP trap kind:   %d (%s)%n", level.snmpTrapKind(), trapKind(level));
      out.printf(
          "  user-defined:     %s%n",
          EventCatalog.defaults().contains(d.name()) ? "no" : "yes (EventCatalogExtensions)");
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** The definition of a name, matched exactly, then case-insensitively. */
  static EventDefinition find(EventCatalog catalog, String name) {
    String wanted = name.strip();
    Optional<EventDefinition> d = catalog.find(wanted);
    if (d.isEmpty()) {
      d = catalog.definitions().stream().filter(x -> x.name().equalsIgnoreCase(wanted)).findFirst();
    }
    return d.orElseThrow(
        () ->
            new UsageException(
                "unknown event '" + wanted + "'" + Suggestions.hint(catalog.suggest(wanted))));
  }

  /** A category by name, case-insensitively. */
  static EventCategory category(String name) {
    String wanted = name.strip();
    for (EventCategory c : EventCategory.values()) {
      if (c.wireName().equalsIgnoreCase(wanted)) {
        return c;
      }
    }
    throw UsageException.unknownName(
        "category",
        wanted,
        Arrays.stream(EventCategory.values()).map(EventCategory::wireName).toList());
  }

  private static void print(Common common, List<EventDefinition> found) {
    PrintWriter out = common.spec.commandLine().getOut();
    if (common.json) {
      Map<String, Object> doc = Json.object();
      doc.put("count", found.size());
      doc.put("events", found.stream().map(EventsCommand::json).toList());
      Json.print(out, doc);
      return;
    }
    int width = found.stream().mapToInt(d -> d.name().length()).max().orElse(0);
    int catWidth = found.stream().mapToInt(d -> d.category().wireName().length()).max().orElse(0);
    for (EventDefinition d : found) {
      out.printf(
          "%-" + width + "s  %-" + catWidth + "s  %s%n",
          d.name(),
          d.category().wireName(),
          d.defaultLevel().wireName());
    }
    out.flush();
  }

  private static Map<String, Object> json(EventDefinition d) {
    EventLevel level = d.defaultLevel();
    Map<String, Object> m = Json.object();
    m.put("name", d.name());
    m.put("category", d.category().wireName());
    m.put("defaultLevel", level.wireName());
    m.put("syslogSeverity", level.syslogSeverity());
    m.put("cefSeverity", level.cefSeverity());
    m.put("snmpTrapKind", level.snmpTrapKind());
    m.put("userDefined", !EventCatalog.defaults().contains(d.name()));
    return m;
  }

  private static String trapKind(EventLevel level) {
    return switch (level.snmpTrapKind()) {
      case 3 -> "alarm";
      case 2 -> "warning";
      default -> "informational";
    };
  }
}
