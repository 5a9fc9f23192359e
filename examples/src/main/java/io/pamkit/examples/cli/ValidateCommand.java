// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.spi.Transport;
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
 * transport refuses is reported too.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a configuration document and lists every problem by JSON path.",
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
      if (parsed != null) {
        doc.put("subscribers", parsed.eventSubscribers().size());
      }
      Json.print(out, doc);
    } else if (problems.isEmpty()) {
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
    }
    out.flush();
    if (!problems.isEmpty()) {
      err.println("pamkit: " + config + ": " + problems.size() + " problem(s)");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }
}
