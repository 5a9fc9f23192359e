// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.sessionlink.ApplianceSettings;
import io.pamkit.sessionlink.SettingsChange;
import io.pamkit.sessionlink.SettingsPlan;
import io.pamkit.sessionlink.SettingsSync;
import io.pamkit.sessionlink.SppClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pamkit config pull|push}: moves the notification settings between a live password
 * appliance and a configuration document (sessionlink's {@link SettingsSync}). {@code pull} writes
 * the document (secrets left out; notes on standard error say where each goes); {@code push} prints
 * what would change per resource and field, and changes it with {@code --apply}.
 */
@Command(
    name = "config",
    description = {
      "Pulls the appliance's notification settings into a configuration document, or pushes a"
          + " document to the appliance.",
      "The password comes from PAMKIT_PASSWORD or a prompt, never from an argument.",
      "Exit codes: 0 done, 1 the appliance refused or could not be reached, 2 bad input."
    },
    subcommands = {ConfigCommand.PullCommand.class, ConfigCommand.PushCommand.class})
final class ConfigCommand {

  @Command(
      name = "pull",
      description = {
        "Writes a configuration document from a live appliance to standard output"
            + " (or --output).",
        "Secrets are never returned by the appliance: the notes on standard error say where"
            + " each goes."
      })
  static final class PullCommand implements Callable<Integer> {
    @Mixin ApplianceOptions appliance;

    @Option(
        names = "--output",
        paramLabel = "FILE",
        description = "Write the document to FILE instead of standard output.")
    @Nullable Path output;

    @Override
    public Integer call() throws IOException {
      SettingsSync.Pulled pulled;
      try (SppClient spp = appliance.open()) {
        pulled = SettingsSync.of(ApplianceSettings.of(spp)).pull();
      }
      if (output != null) {
        Files.writeString(output, pulled.document(), StandardCharsets.UTF_8);
      } else {
        appliance.spec.commandLine().getOut().print(pulled.document());
        appliance.spec.commandLine().getOut().flush();
      }
      PrintWriter err = appliance.spec.commandLine().getErr();
      pulled.notes().forEach(n -> err.println("pamkit: note: " + n));
      try {
        PamkitConfig.parse(pulled.document());
      } catch (ValidationException e) {
        for (Violation v : e.violations()) {
          err.println("pamkit: to do before use: " + v);
        }
      }
      err.flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "push",
      description = {
        "Shows what a configuration document would change on a live appliance"
            + " (dry run), or changes it with --apply.",
        "Only the fields the document lists are compared and changed; secrets are shown as"
            + " (secret)."
      })
  static final class PushCommand implements Callable<Integer> {
    @Option(names = "--apply", description = "Make the changes (default: a dry run).")
    boolean apply;

    @Option(
        names = "--prune",
        description =
            "Also delete syslog servers and event subscribers"
                + " the document does not have, and reset modified email templates it does not have.")
    boolean prune;

    @Option(names = "--json", description = "Print the plan as one JSON document.")
    boolean json;

    @Option(
        names = "--config",
        required = true,
        paramLabel = "FILE",
        description = "The configuration document to push.")
    Path config;

    @Mixin ApplianceOptions appliance;

    @Override
    public Integer call() throws IOException {
      ConfigFiles.read(config);
      JsonNode document = new ObjectMapper().readTree(ConfigFiles.text(config));
      PrintWriter out = appliance.spec.commandLine().getOut();
      try (SppClient spp = appliance.open()) {
        SettingsSync sync = SettingsSync.of(ApplianceSettings.of(spp));
        SettingsPlan plan = sync.plan(document, prune);
        print(out, plan);
        if (apply && !plan.isEmpty()) {
          sync.apply(plan);
          if (!json) {
            out.println("applied " + plan.changes().size() + " change(s)");
          }
        } else if (!json) {
          out.println(
              plan.isEmpty()
                  ? "the appliance matches the document"
                  : "dry run: nothing changed; add --apply to make these "
                      + plan.changes().size()
                      + " change(s)");
        }
        out.flush();
      }
      return ExitCodes.OK;
    }

    private void print(PrintWriter out, SettingsPlan plan) {
      if (json) {
        List<Object> changes = new ArrayList<>();
        for (SettingsChange c : plan.changes()) {
          Map<String, Object> m = Json.object();
          m.put("resource", c.resource());
          m.put("key", c.key());
          m.put("operation", c.operation().name());
          List<Object> fields = new ArrayList<>();
          for (SettingsChange.Field f : c.fields()) {
            Map<String, Object> fm = Json.object();
            fm.put("field", f.field());
            fm.put("before", f.before());
            fm.put("after", f.after());
            fields.add(fm);
          }
          m.put("fields", fields);
          changes.add(m);
        }
        Map<String, Object> d = Json.object();
        d.put("applied", apply && !plan.isEmpty());
        d.put("changes", changes);
        d.put("notes", plan.notes());
        Json.print(out, d);
        return;
      }
      for (SettingsChange c : plan.changes()) {
        out.println(
            c.operation().name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + c.resource()
                + (c.key().isEmpty() ? "" : " [" + c.key() + "]"));
        for (SettingsChange.Field f : c.fields()) {
          out.println(
              "    "
                  + f.field()
                  + ": "
                  + (f.before() == null ? "(none)" : f.before())
                  + " -> "
                  + (f.after() == null ? "(none)" : f.after()));
        }
      }
      plan.notes().forEach(n -> out.println("note: " + n));
    }
  }
}
