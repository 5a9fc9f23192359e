// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.sessionlink.SppClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code pamkit services ... --appliance}: the Enable or Disable Services page of a live appliance
 * ({@code GET/PUT /service/core/v4/ServicesConfig}, {@code ServicesConfig/{name}}, {@code
 * AuditLog/StreamService}; docs/sessionlink.md).
 */
final class LiveServices {
  private LiveServices() {}

  /** The services a live appliance switches: the ServicesConfig page and the Audit Log Stream. */
  static List<Service> switchable() {
    List<Service> out = new ArrayList<>();
    for (Service s : Service.values()) {
      if (s.inServicesConfig() || s == Service.AUDIT_LOG_STREAM_SERVICE) {
        out.add(s);
      }
    }
    return out;
  }

  static int list(ServicesCommand.Common common) {
    try (SppClient spp = common.open()) {
      ServiceState state = spp.servicesConfig();
      boolean audit = spp.auditLogStreamService();
      PrintWriter out = common.spec.commandLine().getOut();
      if (common.json) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Service s : switchable()) {
          Map<String, Object> m = Json.object();
          m.put("name", s.wireName());
          m.put("group", s.group().wireName());
          m.put("title", s.title());
          m.put("enabled", s == Service.AUDIT_LOG_STREAM_SERVICE ? audit : state.isEnabled(s));
          list.add(m);
        }
        Map<String, Object> d = Json.object();
        d.put("appliance", common.appliance);
        d.put("services", list);
        Json.print(out, d);
      } else {
        for (Service s : switchable()) {
          boolean on = s == Service.AUDIT_LOG_STREAM_SERVICE ? audit : state.isEnabled(s);
          out.printf(
              "%-32s %-24s %-3s  %s%n",
              s.wireName(), s.group().wireName(), on ? "on" : "off", s.title());
        }
        out.flush();
      }
    }
    return ExitCodes.OK;
  }

  static int set(ServicesCommand.Common common, Service s, boolean on) {
    if (!switchable().contains(s)) {
      throw new UsageException(
          s.wireName()
              + " is not on the appliance's Enable or Disable"
              + " Services page; it is switched per appliance");
    }
    boolean changed;
    try (SppClient spp = common.open()) {
      if (s == Service.AUDIT_LOG_STREAM_SERVICE) {
        changed = spp.auditLogStreamService() != on;
        if (changed) {
          spp.setAuditLogStreamService(on);
        }
      } else {
        ServiceState state = spp.servicesConfig();
        changed = state.isEnabled(s) != on;
        if (changed && s != Service.FILE_CHECK_ENABLED && s != Service.FILE_CHANGE_ENABLED) {
          // ServicesConfig/{serviceName}; the two File switches are not ServiceEnabled values
          spp.setServiceEnabled(s, on);
        } else if (changed) {
          spp.updateServicesConfig(state.toBuilder().enabled(s, on).build());
        }
      }
    }
    report(common, changed ? List.of(s.wireName()) : List.of());
    return ExitCodes.OK;
  }

  static int disableAll(ServicesCommand.Common common) {
    List<String> changed = new ArrayList<>();
    try (SppClient spp = common.open()) {
      ServiceState state = spp.servicesConfig();
      ServiceState.Builder next = state.toBuilder();
      for (Service s : Service.values()) {
        if (s.inServicesConfig() && state.isEnabled(s)) {
          next.enabled(s, false);
          changed.add(s.wireName());
        }
      }
      if (!changed.isEmpty()) {
        spp.updateServicesConfig(next.build());
      }
    }
    report(common, changed);
    return ExitCodes.OK;
  }

  private static void report(ServicesCommand.Common common, List<String> changed) {
    PrintWriter out = common.spec.commandLine().getOut();
    if (common.json) {
      Map<String, Object> d = Json.object();
      d.put("appliance", common.appliance);
      d.put("changed", changed.stream().sorted().toList());
      Json.print(out, d);
    } else {
      out.println(
          changed.isEmpty()
              ? "nothing changed"
              : "switched "
                  + String.join(", ", changed.stream().sorted().toList())
                  + " on "
                  + common.appliance);
      out.flush();
    }
  }
}
