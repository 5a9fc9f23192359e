// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit validate --config FILE}: checks a configuration document and lists every problem by
 * JSON path; then builds (without connecting) the transports it describes, so that a setting a
 * transport refuses is reported too. Settings that are valid but unsafe are listed as warnings,
 * which do not change the exit code: a {@code SyslogServers} entry with {@code
 * VerifySslCertificate: false} (the appliance schema's default, so in every server pasted from it),
 * which on the appliance means trust-all TLS, and the same in the email settings ({@code
 * EmailClientConfig}, an entry of {@code EmailProviders}: SMTP, SendGrid, EWS, Graph).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a configuration document and lists every problem by JSON path.",
      "Unsafe but valid settings (trust-all TLS) are listed as warnings.",
      "Exit codes: 0 valid, 2 missing file, malformed JSON or broken rules."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The configuration document (docs/configuration.md).")
  Path config;

  @Option(names = "--json", description = "Print the result as one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String text = ConfigFiles.text(config);
    List<Violation> problems = new ArrayList<>();
    PamkitConfig parsed = null;
    try {
      parsed = PamkitConfig.parse(text);
    } catch (ValidationException e) {
      problems.addAll(e.violations());
    }
    List<Violation> warnings = parsed != null ? warnings(parsed) : List.of();
    if (parsed != null) {
      try {
        for (Transport t : Integration.createTransports(parsed).values()) {
          t.close();
        }
      } catch (ValidationException e) {
        problems.addAll(e.violations());
      }
    }
    if (json) {
      Map<String, Object> doc = Json.object();
      doc.put("file", config.toString());
      doc.put("valid", problems.isEmpty());
      List<Map<String, Object>> list = new ArrayList<>();
      for (Violation v : problems) {
        Map<String, Object> p = Json.object();
        p.put("path", v.path());
        p.put("message", v.message());
        list.add(p);
      }
      doc.put("problems", list);
      List<Map<String, Object>> warned = new ArrayList<>();
      for (Violation v : warnings) {
        Map<String, Object> w = Json.object();
        w.put("path", v.path());
        w.put("message", v.message());
        warned.add(w);
      }
      doc.put("warnings", warned);
      if (parsed != null) {
        doc.put("subscribers", parsed.eventSubscribers().size());
      }
      Json.print(out, doc);
    } else if (problems.isEmpty()) {
      for (Violation v : warnings) {
        out.println("warning: " + v);
      }
      out.printf(
          "%s: valid (%d subscriber(s), %d syslog server(s), %d SNMP destination(s),"
              + " email %s)%n",
          config,
          parsed.eventSubscribers().size(),
          Integration.syslogServerCount(parsed),
          parsed.snmpDestinations().size(),
          Integration.emailSummary(parsed));
    } else {
      for (Violation v : problems) {
        out.println(v);
      }
      for (Violation v : warnings) {
        out.println("warning: " + v);
      }
    }
    out.flush();
    if (!problems.isEmpty()) {
      err.println("pamkit: " + config + ": " + problems.size() + " problem(s)");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }

  /**
   * Finds the syslog servers whose {@code VerifySslCertificate} is false. The appliance's schema
   * (spp-openapi {@code SyslogServer.VerifySslCertificate}, default false) makes that the value of
   * every pasted server, and there it means trust-all; pamkit keeps verifying unless the server
   * also has {@code TrustAllCertificatesInsecurely: true} (see {@code SyslogServer}). The email
   * settings with {@code VerifySslCertificate: false} too (notify's {@code EmailSettings}).
   */
  private static List<Violation> warnings(PamkitConfig config) {
    List<Violation> out = new ArrayList<>();
    List<Subscriber> subscribers = config.eventSubscribers();
    for (int i = 0; i < subscribers.size(); i++) {
      SyslogSubscriberProperties p = subscribers.get(i).syslogProperties().orElse(null);
      if (p != null
          && p.syslogServerId().isEmpty()
          && p.syslogServerName().isEmpty()
          && p.useSslEncryption()
          && !p.verifySslCertificate()) {
        out.add(
            new Violation(
                "$.EventSubscribers[" + i + "].SyslogProperties.VerifySslCertificate",
                "syslog destination '"
                    + printable(p.networkAddress().orElse("?"))
                    + "' trusts every certificate (false means trust-all TLS): anyone on the"
                    + " network path can read and forge its messages; describe the server in"
                    + " SyslogServers to verify it"));
      }
    }
    JsonNode servers = config.sections().get("SyslogServers");
    if (servers != null && servers.isArray()) {
      for (int i = 0; i < servers.size(); i++) {
        JsonNode s = servers.get(i);
        verifyFalse(
            out,
            s,
            "$.SyslogServers[" + i + "]",
            "syslog server '" + printable(s.path("Name").asText("?")) + "'",
            "read and forge its messages");
      }
    }
    // the email settings follow the same rule (notify's EmailSettings)
    JsonNode smtp = config.sections().get("EmailClientConfig");
    if (smtp != null && smtp.isObject()) {
      verifyFalse(
          out,
          smtp,
          "$.EmailClientConfig",
          "SMTP server '" + printable(smtp.path("ServerAddress").asText("?")) + "'",
          "read the email and the SMTP credentials");
    }
    JsonNode providers = config.sections().get("EmailProviders");
    if (providers != null && providers.isArray()) {
      for (int i = 0; i < providers.size(); i++) {
        JsonNode p = providers.get(i);
        String type = p.path("Type").asText("");
        verifyFalse(
            out,
            p,
            "$.EmailProviders[" + i + "]",
            "email provider '"
                + printable(p.path("Name").asText(type))
                + "' (Type "
                + printable(type)
                + ")",
            "read the email and the provider's credentials");
      }
    }
    return out;
  }

  /**
   * Warns about an entry whose {@code VerifySslCertificate} is false: trust-all when it also has
   * {@code TrustAllCertificatesInsecurely: true}, else still verified, saying what to add.
   */
  private static void verifyFalse(
      List<Violation> out, JsonNode entry, String at, String what, String exposure) {
    JsonNode verify = entry.get("VerifySslCertificate");
    if (verify == null || !verify.isBoolean() || verify.booleanValue()) {
      return;
    }
    String path = at + ".VerifySslCertificate";
    if (entry.path("TrustAllCertificatesInsecurely").asBoolean(false)) {
      out.add(
          new Violation(
              path,
              what
                  + " trusts every certificate (TrustAllCertificatesInsecurely is true):"
                  + " anyone on the network path can "
                  + exposure));
    } else {
      out.add(
          new Violation(
              path,
              what
                  + ": false means trust-all TLS on the appliance; pamkit still verifies the"
                  + " certificate and host name. To accept any certificate add"
                  + " \"TrustAllCertificatesInsecurely\": true to this "
                  + (at.startsWith("$.SyslogServers") ? "server" : "entry")
                  + "; else set \"VerifySslCertificate\": true"));
    }
  }

  private static String printable(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints()
        .limit(255)
        .forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return sb.toString();
  }
}
