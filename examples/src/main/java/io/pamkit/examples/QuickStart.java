// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples;

import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.ShutdownReport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.notify.ConfiguredTransports;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The README's quick start, compiled and run by {@code QuickStartTest} so that it cannot rot: read
 * a configuration document, start its transports, send their email failover alerts through the
 * dispatcher, publish an event, shut down and say what was left.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Publishes one event to the subscribers of a configuration document and shuts down.
   *
   * @param configFile the configuration document
   * @return what the shutdown left undelivered (nothing when every receiver was up)
   */
  public static ShutdownReport publish(Path configFile) {
    PamkitConfig config = PamkitConfig.read(configFile); // every problem, by JSON path
    ConfiguredTransports transports = ConfiguredTransports.builder(config).build();
    EventDispatcher dispatcher =
        EventDispatcher.builder()
            .transports(transports) // owned and closed once by the dispatcher
            .subscribers(config.eventSubscribers())
            .build();
    // a delivery through a lower-priority email provider raises EmailNotificationFailed
    transports.failoverEvents().publishTo(dispatcher);
    dispatcher.publish(
        ApplianceEvent.builder("PasswordChangeFailed")
            .applianceId("SPP-1")
            .level(EventLevel.ERROR)
            .property("AssetName", "dc01.example.com")
            .build());
    // Waits up to 10 s for the deliveries; what is still undelivered then is logged (WARN; add an
    // SLF4J binding such as slf4j-simple to see it), counted and reported here.
    ShutdownReport report = dispatcher.shutdown(Duration.ofSeconds(10));
    if (!report.drained()) {
      System.err.printf(
          "%d notification(s) not delivered before shutdown%s%n",
          report.left(), report.journaled() ? " (kept in the journal)" : "");
    }
    return report;
  }

  /**
   * Runs the quick start: {@code QuickStart CONFIG}; exits 1 when a notification was left.
   *
   * @param args the configuration file
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: QuickStart CONFIG");
      System.exit(2);
    }
    System.exit(publish(Path.of(args[0])).drained() ? 0 : 1);
  }
}
