package io.pamkit.examples;

import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.notify.smtp.SmtpTransport;
import io.pamkit.notify.smtp.SmtpTransportConfig;
import io.pamkit.notify.syslog.SyslogTransport;
import java.nio.file.Path;

/**
 * The README's quick start, compiled and run by {@code QuickStartTest} so that it cannot rot:
 * read a configuration document, start a transport per channel, publish an event.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Publishes one event to the subscribers of a configuration document.
   *
   * @param configFile the configuration document
   * @param smtp the SMTP settings, e.g. {@code SmtpTransportConfig.builder()
   *     .serverAddress("mail.example.com").port(587).senderEmail("vault@example.com").build()}
   */
  public static void publish(Path configFile, SmtpTransportConfig smtp) {
    PamkitConfig config = PamkitConfig.read(configFile); // every problem, by JSON path
    SmtpTransport email = SmtpTransport.builder(smtp).build();
    try (EventDispatcher dispatcher = EventDispatcher.builder()
            .transport(email) // channel "Email"
            .transport(SyslogTransport.builder().build()) // channel "Syslog"
            .subscribers(config.eventSubscribers())
            .build()) {
      dispatcher.publish(ApplianceEvent.builder("PasswordChangeFailed")
          .applianceId("SPP-1").level(EventLevel.Error)
          .property("AssetName", "dc01.example.com").build());
    } // close() drains the lanes; what could not be delivered is retried or dead-lettered
  }

  /**
   * Runs the quick start: {@code QuickStart CONFIG SMTP_HOST SMTP_PORT SENDER}.
   *
   * @param args the configuration file, the SMTP server, its port and the sender address
   */
  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: QuickStart CONFIG SMTP_HOST SMTP_PORT SENDER");
      System.exit(2);
    }
    publish(Path.of(args[0]), SmtpTransportConfig.builder()
        .serverAddress(args[1]).port(Integer.parseInt(args[2])).senderEmail(args[3]).build());
  }
}
