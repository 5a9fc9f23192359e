// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.policy.DisableAllConfirmation;
import io.pamkit.core.policy.LinkStatus;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.core.policy.ServiceToggles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pamkit services list | enable NAME | disable NAME | disable-all --confirm}, on a live
 * appliance ({@code --appliance https://HOST --user NAME}: {@code GET/PUT ServicesConfig} and
 * {@code AuditLog/StreamService}) or on a document ({@code --config FILE}): the service-toggle
 * engine on the document's {@code ServicesConfig}. A change is enforced by the engine's rules,
 * emits the engine's event through the document's subscribers, and is written back into the
 * document (only its {@code ServicesConfig} part changes), so it survives a restart.
 */
@Command(
    name = "services",
    description = {
      "Lists and switches the appliance's services: on a live appliance (--appliance) or in a"
          + " configuration document (--config).",
      "(The appliance's Enable or Disable Services page.)",
      "Exit codes: 0 done, 1 the change was saved but its event was not delivered to every"
          + " subscriber, 2 bad input (unknown service, refused change, missing --confirm)."
    },
    subcommands = {
      ServicesCommand.ListCommand.class,
      ServicesCommand.EnableCommand.class,
      ServicesCommand.DisableCommand.class,
      ServicesCommand.DisableAllCommand.class
    })
final class ServicesCommand {
  /** The options every services subcommand takes. */
  static final class Common extends ApplianceOptions {
    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "The configuration document; changes are written back into it.")
    @Nullable Path config;

    /**
     * @return the document, checking that exactly one of --config and --appliance is given
     */
    Path document() {
      if (config == null) {
        throw new UsageException(
            "give --config FILE (a document) or --appliance https://HOST (a live appliance)");
      }
      return config;
    }

    void checkOne() {
      if (config != null && live()) {
        throw new UsageException("give --config or --appliance, not both");
      }
    }

    @Option(names = "--json", description = "Print the result as one JSON document.")
    boolean json;

    @Option(
        names = "--actor",
        paramLabel = "NAME",
        defaultValue = "${sys:user.name}",
        description = "Who makes the change, recorded in the event (default: the OS user).")
    String actor;

    @Option(
        names = "--appliance-id",
        paramLabel = "ID",
        defaultValue = "pamkit-cli",
        description =
            "This appliance's id, for Application to Application and the events"
                + " (default: ${DEFAULT-VALUE}).")
    String applianceId;
  }

  @Command(name = "list", description = "Lists every service with its group and state.")
  static final class ListCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      common.checkOne();
      if (common.live()) {
        return LiveServices.list(common);
      }
      PamkitConfig doc = ConfigFiles.read(common.document());
      ServiceToggles toggles =
          ServiceToggles.builder(common.applianceId)
              .publisher(event -> {})
              .state(doc.servicesConfig())
              .build();
      PrintWriter out = common.spec.commandLine().getOut();
      if (common.json) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Service s : Service.values()) {
          Map<String, Object> m = Json.object();
          m.put("name", s.wireName());
          m.put("group", s.group().wireName());
          m.put("title", s.title());
          m.put("enabled", toggles.isEnabled(s));
          list.add(m);
        }
        Map<String, Object> d = Json.object();
        d.put("services", list);
        Json.print(out, d);
      } else {
        for (Service s : Service.values()) {
          out.printf(
              "%-32s %-24s %-3s  %s%n",
              s.wireName(), s.group().wireName(), toggles.isEnabled(s) ? "on" : "off", s.title());
        }
        out.flush();
      }
      return ExitCodes.OK;
    }
  }

  /** {@code enable NAME} and {@code disable NAME}: one service on or off. */
  abstract static class SwitchCommand implements Callable<Integer> {
    @Mixin Common common;

    @Parameters(
        paramLabel = "NAME",
        description = "The service's API name, e.g. PasswordChangeEnabled (see 'services list').")
    String name;

    private final boolean on;

    /**
     * @param on the state the command switches the service to
     */
    SwitchCommand(boolean on) {
      this.on = on;
    }

    @Override
    public Integer call() throws InterruptedException {
      Service s = service(name);
      common.checkOne();
      if (common.live()) {
        return LiveServices.set(common, s, on);
      }
      return change(common, t -> t.setEnabled(s, on, common.actor) ? Set.of(s) : Set.of());
    }
  }

  @Command(name = "enable", description = "Switches one service on.")
  static final class EnableCommand extends SwitchCommand {
    EnableCommand() {
      super(true);
    }
  }

  @Command(
      name = "disable",
      description = "Switches one service off (running tasks finish; no new one starts).")
  static final class DisableCommand extends SwitchCommand {
    DisableCommand() {
      super(false);
    }
  }

  @Command(
      name = "disable-all",
      description = {
        "Switches every enabled service off (\"Disable all enabled services\").",
        "Needs --confirm; re-enabling is one service at a time."
      })
  static final class DisableAllCommand implements Callable<Integer> {
    @Mixin Common common;

    @Option(names = "--confirm", description = "Confirms switching every enabled service off.")
    boolean confirm;

    @Override
    public Integer call() throws InterruptedException {
      if (!confirm) {
        throw new UsageException(
            "disable-all switches every enabled service off; add --confirm to do it");
      }
      common.checkOne();
      if (common.live()) {
        return LiveServices.disableAll(common);
      }
      return change(
          common,
          t -> {
            DisableAllConfirmation c = t.requestDisableAll();
            return t.disableAll(c.token(), common.actor);
          });
    }
  }

  static Service service(String name) {
    for (Service s : Service.values()) {
      if (s.wireName().equalsIgnoreCase(name.strip())) {
        return s;
      }
    }
    throw UsageException.unknownName(
        "service", name.strip(), Arrays.stream(Service.values()).map(Service::wireName).toList());
  }

  private static int change(Common common, Function<ServiceToggles, Set<Service>> change)
      throws InterruptedException {
    CommandSpec spec = common.spec;
    Path file = common.document();
    String text = ConfigFiles.text(file);
    PamkitConfig doc = ConfigFiles.read(file);
    Set<Service> changed;
    ServiceState state;
    DeliveryTracker tracker;
    boolean settled;
    try (Integration integration = Integration.start(doc)) {
      tracker = integration.tracker();
      ServiceToggles toggles =
          ServiceToggles.builder(common.applianceId)
              .publisher(integration.dispatcher())
              .state(doc.servicesConfig())
              .linkStatus(
                  () ->
                      LinkStatus.notLinked(
                          "the pamkit tool does not see the session link; switch the Audit Log Stream"
                              + " Service on at the appliance"))
              .build();
      changed = change.apply(toggles);
      state = toggles.snapshot();
      save(file, text, doc.servicesConfig(), state);
      settled = integration.awaitSettled(Duration.ofSeconds(60), n -> {});
    }
    PrintWriter out = spec.commandLine().getOut();
    List<String> names = changed.stream().map(Service::wireName).sorted().toList();
    if (common.json) {
      Map<String, Object> d = Json.object();
      d.put("changed", names);
      Map<String, Object> now = Json.object();
      for (Service s : Service.values()) {
        if (s != Service.APPLICATION_TO_APPLICATION_ENABLED) {
          now.put(s.wireName(), state.isEnabled(s));
        }
      }
      d.put("state", now);
      d.put("notificationsDelivered", tracker.delivered());
      d.put("notificationsDeadLettered", tracker.deadLettered());
      Json.print(out, d);
    } else {
      out.println(
          names.isEmpty()
              ? "nothing changed"
              : "switched " + String.join(", ", names) + "; saved in " + file);
      out.printf(
          "event notifications: %d delivered, %d dead-lettered%n",
          tracker.delivered(), tracker.deadLettered());
      out.flush();
    }
    return tracker.deadLettered() == 0 && settled
        ? ExitCodes.OK
        : PamkitCli.failure(
            spec,
            "the change is saved, but "
                + tracker.deadLettered()
                + " event notification(s) were not delivered");
  }

  private static void save(Path file, String original, ServiceState before, ServiceState services) {
    try {
      // Only the changed toggles' tokens are replaced (or added); every other byte is kept.
      String updated = JsonDocumentEditor.servicesConfig(original, before, services);
      if (updated.equals(original)) {
        return;
      }
      PamkitConfig.parse(updated);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, updated, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file, e);
    }
  }
}
