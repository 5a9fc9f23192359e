// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import io.pamkit.core.cert.Certificates;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.LaneConfig;
import io.pamkit.core.dispatch.RetryPolicy;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogFacility;
import io.pamkit.core.subscription.SyslogFormat;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.notify.syslog.SyslogServer;
import io.pamkit.notify.syslog.SyslogServerRegistry;
import io.pamkit.notify.syslog.SyslogTransport;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Recipe: security alerts to a SIEM's syslog collector over TLS (RFC 5425: TCP, octet counting,
 * certificate and host-name verification on), in CEF. Only the collector's certificate authority is
 * trusted.
 *
 * <p>Run: {@code java -cp examples/target/pamkit.jar io.pamkit.examples.recipes.SyslogOverTlsRecipe
 * HOST PORT CA.pem}.
 */
public final class SyslogOverTlsRecipe {
  private SyslogOverTlsRecipe() {}

  /**
   * Sends alert events to a TLS syslog collector and waits for them to be delivered.
   *
   * @param host the collector's host name (its certificate must name it)
   * @param port the collector's TLS port (6514 by convention)
   * @param collectorCa the certificate authority that signed the collector's certificate
   * @param events the events to send
   * @return true if every event was delivered before the dispatcher shut down
   */
  public static boolean sendAlerts(
      String host, int port, List<X509Certificate> collectorCa, List<ApplianceEvent> events) {
    SSLContext trust = TlsContexts.builder().trustAnchors(collectorCa).build();
    SyslogServer collector =
        SyslogServer.builder("SIEM collector", host)
            .id(1)
            .port(port)
            .protocol(SyslogProtocol.TCP)
            .useSslEncryption(true)
            .verifySslCertificate(true)
            .build();
    SyslogTransport syslog =
        SyslogTransport.builder()
            .serverRegistry(SyslogServerRegistry.of(collector))
            .sslContext(trust)
            .appName("vault")
            .build();
    Subscriber siem =
        Subscriber.builder(Subscriber.SYSLOG)
            .id(1)
            .description("SIEM over TLS")
            .subscribe("UserAuthenticationFailed", "PasswordChangeFailed", "AccessRequestDenied")
            .syslogProperties(
                SyslogSubscriberProperties.builder()
                    .syslogServerId(1)
                    .facility(SyslogFacility.AUDIT)
                    .logFormat(SyslogFormat.CEF)
                    .keyPrefix("vault_")
                    .build())
            .build();
    // a certificate problem does not heal by itself: three attempts, then a dead letter
    LaneConfig lane =
        LaneConfig.builder()
            .retryPolicy(
                RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(500)).build())
            .build();
    try (EventDispatcher dispatcher =
        EventDispatcher.builder().transport(syslog, lane).subscribers(List.of(siem)).build()) {
      events.forEach(dispatcher::publish);
      return dispatcher.shutdown(Duration.ofSeconds(30)).drained()
          && dispatcher.deadLetterSink().list().isEmpty();
    }
  }

  /**
   * Runs the recipe with two alerts.
   *
   * @param args host, port and the collector's CA certificate file (PEM)
   */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: SyslogOverTlsRecipe HOST PORT CA.pem");
      System.exit(2);
    }
    List<ApplianceEvent> alerts =
        List.of(
            ApplianceEvent.builder("UserAuthenticationFailed")
                .applianceId("SPP-1")
                .level(EventLevel.WARN)
                .property("UserName", "alice")
                .property("SourceIp", "203.0.113.7")
                .build(),
            ApplianceEvent.builder("PasswordChangeFailed")
                .applianceId("SPP-1")
                .level(EventLevel.ERROR)
                .property("AssetName", "db-prod-01")
                .property("AccountName", "oracle")
                .build());
    boolean ok =
        sendAlerts(
            args[0], Integer.parseInt(args[1]), Certificates.readChain(Path.of(args[2])), alerts);
    System.out.println(ok ? "alerts delivered over TLS" : "some alerts were not delivered");
    System.exit(ok ? 0 : 1);
  }
}
