package io.pamkit.examples;

import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.notify.ConfiguredTransports;
import java.nio.file.Path;

/**
 * The README's quick start, compiled and run by {@code QuickStartTest} so that it cannot rot:
 * read a configuration document, start its transports, publish an event.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Publishes one event to the subscribers of a configuration document.
   *
   * @param configFile the configuration document
   */
  public static void publish(Path configFile) {
    PamkitConfig config = PamkitConfig.read(configFile); // every problem, by JSON path
    try (ConfiguredTransports transports = ConfiguredTransports.builder(config).build()) {
      EventDispatcher.Builder builder = EventDispatcher.builder()
          .subscribers(config.eventSubscribers());
      transports.all().values().forEach(builder::transport); // Email, Syslog, Snmp
      try (EventDispatcher dispatcher = builder.build()) {
        dispatcher.publish(ApplianceEvent.builder("PasswordChangeFailed")
            .applianceId("SPP-1").level(EventLevel.Error)
            .property("AssetName", "dc01.example.com").build());
      } // close() drains the lanes; what cannot be delivered is retried, then dead-lettered
    }
  }

  /**
   * Runs the quick start: {@code QuickStart CONFIG}.
   *
   * @param args the configuration file
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: QuickStart CONFIG");
      System.exit(2);
    }
    publish(Path.of(args[0]));
  }
}
