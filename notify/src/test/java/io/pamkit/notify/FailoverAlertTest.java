// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.notify.email.FailoverEvents;
import io.pamkit.notify.email.FailoverListener;
import io.pamkit.testing.SyslogReceiver;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the document's email chain falls back to a lower-priority provider, the appliance's
 * email-failure event reaches the document's subscribers (a syslog receiver here) and the listener
 * API.
 */
final class FailoverAlertTest {
  private GreenMail fallback;
  private SyslogReceiver syslog;
  private int deadPort;

  @BeforeEach
  void start() throws Exception {
    fallback = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    fallback.start();
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort(); // closed again: connecting is refused
    }
    // a low port: the schema limits syslog ports to 1..32767, below the kernel's ephemeral range
    syslog = SyslogReceiver.builder().udp().start();
  }

  @AfterEach
  void stop() {
    fallback.stop();
    syslog.close();
  }

  private PamkitConfig document() {
    return PamkitConfig.parse(
        """
        {
          "EmailProviders": [
            {"Type": "Smtp", "Name": "primary", "Priority": 0, "ServerAddress": "[127.0.0.1]",
             "PortNumber": %d, "RequireTlsFlag": false, "SenderEmail": "vault@example.com"},
            {"Type": "Smtp", "Name": "backup", "Priority": 10, "ServerAddress": "[127.0.0.1]",
             "PortNumber": %d, "RequireTlsFlag": false, "SenderEmail": "vault@example.com"}
          ],
          "SyslogServers": [{"Id": 1, "Name": "SIEM", "NetworkAddress": "127.0.0.1",
            "Port": %d, "Protocol": "Udp"}],
          "EventSubscribers": [
            {"Id": 1, "Type": "Email", "EmailAddress": "oncall@example.com",
             "Subscriptions": ["PasswordChangeFailed"]},
            {"Id": 2, "Type": "Syslog", "Subscriptions": ["EmailNotificationFailed"],
             "SyslogProperties": {"SyslogServerId": 1}}
          ]
        }
        """
            .formatted(deadPort, fallback.getSmtp().getPort(), syslog.port()));
  }

  @Test
  void send_primaryDown_fallbackDeliversAndSyslogSubscriberGetsEmailNotificationFailed()
      throws Exception {
    PamkitConfig config = document();
    List<List<String>> seen = new CopyOnWriteArrayList<>();
    FailoverListener listener =
        new FailoverListener() {
          @Override
          public void failedOver(Notification n, List<DeliveryException> failures, String by) {
            throw new AssertionError("the chain names the failed providers");
          }

          @Override
          public void failedOver(
              Notification n, List<DeliveryException> failures, List<String> failed, String by) {
            seen.add(List.of(String.join(",", failed), by, n.event().name()));
          }
        };
    try (ConfiguredTransports transports =
            ConfiguredTransports.builder(config).failoverListener(listener).build();
        EventDispatcher d =
            EventDispatcher.builder()
                .synchronous(true)
                .subscribers(config.eventSubscribers())
                .transports(transports)
                .build()) {
      transports.failoverEvents().publishTo(d);
      d.publish(
          ApplianceEvent.builder("PasswordChangeFailed")
              .applianceId("SPP-1")
              .property("AssetName", "dc01")
              .build());

      assertEquals(1, fallback.getReceivedMessages().length);
      assertEquals(List.of(List.of("primary", "backup", "PasswordChangeFailed")), seen);
      String line = syslog.next(); // published from the scheduler: waits for the datagram
      assertTrue(line.contains(FailoverEvents.EVENT_NAME), line);
      assertTrue(line.contains("FailedProviders=\"primary\""), line);
      assertTrue(line.contains("DeliveredBy=\"backup\""), line);
      assertTrue(line.contains("EventName=\"PasswordChangeFailed\""), line);
    }
  }
}
