// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.config.SecretOutput;
import io.pamkit.core.dispatch.DeadLetter;
import io.pamkit.core.event.EventDefinition;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit send --to URL ... --type EVENT_TYPE}: sends an event to one-line targets without a
 * configuration document. Each URL becomes a subscriber (and, for email, the email section) of a
 * document built in memory ({@link TargetUrls}), so the usual transports deliver it; the command
 * waits until each notification is delivered or dead-lettered.
 */
@Command(
    name = "send",
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

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL",
      description = "A target URL; repeatable (see above).")
  List<String> targets = new ArrayList<>();

  @Mixin EventOptions event;

  @Mixin TrustOptions trust;

  @Mixin DeliveryWait wait;

  @Option(names = "--json", description = "Print the result as one JSON document.")
  boolean json;

  @Option(
      names = "--dry-run",
      description = "Print the document the targets become (secrets masked) and send nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws InterruptedException {
    wait.check();
    TargetUrls.Built built = TargetUrls.document(targets, this::secret);
    PamkitConfig doc = parse(built);
    EventDefinition definition = event.definition(doc.eventCatalog());
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      out.println(doc.toJson(SecretOutput.MASK));
      out.flush();
      return ExitCodes.OK;
    }
    DeliveryTracker tracker;
    boolean settled;
    try (Integration integration = Integration.start(trust.apply(doc))) {
      tracker = integration.tracker();
      integration.dispatcher().publish(event.event(doc.eventCatalog()));
      settled = wait.await(integration, spec, "sending", json);
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
    return wait.exitCode(spec, tracker, settled);
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
    return SecretInput.read(PamkitCli.environment(spec), variable, what, what).reveal();
  }
}
