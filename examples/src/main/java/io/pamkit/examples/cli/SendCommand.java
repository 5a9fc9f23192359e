// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.config.SecretOutput;
import io.pamkit.core.dispatch.DeadLetter;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.LaneConfig;
import io.pamkit.core.dispatch.RetryPolicy;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.notify.ConfiguredTransports;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit send --to URL ... --type EVENT_TYPE}: sends an event to one-line targets without a
 * configuration document. Each URL becomes a subscriber (and, for email, the email section) of a
 * document built in memory ({@link TargetUrls}), so the usual transports deliver it; the command
 * waits until each notification is delivered or dead-lettered.
 */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Sends an event to targets given as URLs, without a configuration document.",
      "  syslog+udp://HOST[:514]?facility=local4&format=cef|json|text&rfc=5424|3164",
      "  syslog+tcp://HOST[:514]?framing=octet-counting|lf|crlf|cr|nul&format=...",
      "  syslog+tls://HOST[:6514]?... (trust with --ca-cert)",
      "  mailto://NAME@DOMAIN?via=SMTP_HOST[:PORT]&tls=required|opportunistic|smtps|none"
          + "&from=SENDER&user=NAME (password from "
          + TargetUrls.SMTP_PASSWORD
          + ")",
      "  sendgrid://?to=ADDRESS&from=SENDER (key from " + TargetUrls.SENDGRID_API_KEY + ")",
      "  snmp://HOST[:162]?community=public, or ?user=NAME&auth=sha256&priv=aes128"
          + " (passwords from "
          + TargetUrls.SNMP_AUTH
          + ", "
          + TargetUrls.SNMP_PRIV
          + ")",
      "Secrets come from the environment or a prompt, never from a URL.",
      "Exit codes: 0 every notification delivered, 1 some dead-lettered or still pending,"
          + " 2 bad input (a malformed URL, an unknown event type)."
    })
final class SendCommand implements Callable<Integer> {
  private static final Pattern SUBSCRIBER_PATH =
      Pattern.compile("^\\$\\.EventSubscribers\\[(\\d+)\\]\\.?(.*)$");

  @Spec CommandSpec spec;

  @ParentCommand PamkitCli root;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL",
      description = "A target URL; repeatable (see above).")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--type",
      required = true,
      paramLabel = "EVENT_TYPE",
      description = "The event name, one of the catalog's (e.g. PasswordChangeFailed).")
  String type;

  @Option(names = "--property", paramLabel = "K=V", description = "An event property; repeatable.")
  Map<String, String> properties = new LinkedHashMap<>();

  @Option(
      names = "--appliance-id",
      paramLabel = "ID",
      defaultValue = "pamkit-cli",
      description = "The event's appliance id (default: ${DEFAULT-VALUE}).")
  String applianceId;

  @Option(
      names = "--ca-cert",
      paramLabel = "FILE",
      description =
          "PEM certificate(s) to trust for syslog+tls, SMTP TLS and SendGrid"
              + " (default: the JDK's trusted authorities).")
  @Nullable Path caCert;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "How long to wait for the outcomes (default: ${DEFAULT-VALUE}).")
  int waitSeconds;

  @Option(
      names = "--dry-run",
      description = "Print the document the targets become (secrets" + " masked) and send nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the result as one JSON document.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    if (waitSeconds < 1) {
      throw new UsageException("--wait: " + waitSeconds + " must be at least 1");
    }
    TargetUrls.Built built = TargetUrls.document(targets, this::secret);
    PamkitConfig doc = parse(built);
    EventDefinition definition =
        doc.eventCatalog()
            .find(type)
            .orElseThrow(
                () ->
                    new UsageException(
                        "--type: '" + type + "' is not an event name the catalog knows"));
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      out.println(doc.toJson(SecretOutput.MASK));
      out.flush();
      return ExitCodes.OK;
    }
    DeliveryTracker tracker = new DeliveryTracker();
    boolean settled;
    ConfiguredTransports.Builder tb = ConfiguredTransports.builder(doc);
    if (caCert != null) {
      tb.sslContext(
          TlsContexts.builder()
              .trustAnchors(LinkCommand.certificates("--ca-cert", caCert))
              .build());
    }
    ConfiguredTransports transports = tb.build();
    EventDispatcher.Builder b =
        EventDispatcher.builder()
            .defaultLaneConfig(
                LaneConfig.builder()
                    .retryPolicy(
                        RetryPolicy.builder()
                            .maxAttempts(3)
                            .initialDelay(Duration.ofMillis(500))
                            .maxDelay(Duration.ofSeconds(2))
                            .build())
                    .build())
            .listener(tracker)
            .subscribers(doc.eventSubscribers());
    transports.forEach(b::transport);
    EventDispatcher dispatcher = b.build();
    try {
      ApplianceEvent.Builder e =
          ApplianceEvent.builder(definition.name())
              .applianceId(applianceId)
              .level(definition.defaultLevel());
      properties.forEach(e::property);
      dispatcher.publish(e.build());
      try (Progress progress =
          Progress.start(spec.commandLine().getErr(), "sending", tracker.published(), json)) {
        settled = tracker.awaitSettled(Duration.ofSeconds(waitSeconds), progress::update);
      }
    } finally {
      dispatcher.shutdown(Duration.ofSeconds(10));
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 0; i < built.targets().size(); i++) {
      int id = i + 1;
      Map<String, Object> m = Json.object();
      m.put("target", built.targets().get(i));
      String status = "pending";
      String reason = null;
      if (tracker.deliveredNotifications().stream().anyMatch(n -> n.subscriber().id() == id)) {
        status = "delivered";
      }
      for (DeadLetter l : tracker.deadLetters()) {
        if (l.notification().subscriber().id() == id) {
          status = "dead-lettered";
          reason = l.reason();
        }
      }
      m.put("status", status);
      if (reason != null) {
        m.put("reason", reason);
      }
      results.add(m);
    }
    long delivered = tracker.delivered();
    long dead = tracker.deadLettered();
    if (json) {
      Map<String, Object> d = Json.object();
      d.put("type", definition.name());
      d.put("targets", results);
      d.put("delivered", delivered);
      d.put("deadLettered", dead);
      Json.print(out, d);
    } else {
      for (Map<String, Object> r : results) {
        out.printf(
            "%s: %s%s%n",
            r.get("target"),
            r.get("status"),
            r.containsKey("reason") ? " (" + r.get("reason") + ")" : "");
      }
      out.printf("%s: %d delivered, %d dead-lettered%n", definition.name(), delivered, dead);
      out.flush();
    }
    if (dead > 0 || !settled) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "pamkit: "
              + dead
              + " notification(s) dead-lettered"
              + (settled ? "" : ", some still pending after " + waitSeconds + " s"));
      err.flush();
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }

  /** Reads the document the targets became, naming the target (not a JSON path) in errors. */
  private static PamkitConfig parse(TargetUrls.Built built) {
    try {
      return PamkitConfig.parse(built.document().toString());
    } catch (ValidationException e) {
      Violation v = e.violations().get(0);
      Matcher m = SUBSCRIBER_PATH.matcher(v.path());
      String where =
          m.matches() && Integer.parseInt(m.group(1)) < built.targets().size()
              ? "--to '"
                  + built.targets().get(Integer.parseInt(m.group(1)))
                  + "'"
                  + (m.group(2).isEmpty() ? "" : " (" + m.group(2) + ")")
              : "--to (" + v.path().replaceFirst("^\\$\\.", "") + ")";
      String field = v.path().substring(v.path().lastIndexOf('.') + 1);
      String hint =
          field.equals("HostName") || field.equals("AppName")
              ? "; this build cannot set the syslog "
                  + (field.equals("HostName") ? "host" : "app")
                  + " name yet"
              : "";
      int more = e.violations().size() - 1;
      throw new UsageException(
          where
              + ": "
              + v.message()
              + hint
              + (more > 0 ? " (and " + more + " more problem(s))" : ""));
    }
  }

  private String secret(String variable, String what) {
    String fromEnv = root.environment().get(variable);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    Console console = System.console();
    if (console == null) {
      throw new UsageException(
          "no value for " + what + ": set " + variable + " or run on a terminal to be prompted");
    }
    char[] typed =
        console.readPassword("%s: ", Character.toUpperCase(what.charAt(0)) + what.substring(1));
    if (typed == null || typed.length == 0) {
      throw new UsageException("nothing entered for " + what);
    }
    String s = new String(typed);
    java.util.Arrays.fill(typed, '\0');
    return s;
  }
}
