// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify;

import static java.nio.charset.StandardCharsets.UTF_8;
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
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
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
  private DatagramSocket syslog;
  private int deadPort;

  @BeforeEach
  void start() throws Exception {
    fallback = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    fallback.start();
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort(); // closed again: connecting is refused
    }
    for (int i = 0; syslog == null; i++) {
      try {
        syslog =
            new DatagramSocket(
                ThreadLocalRandom.current().nextInt(20_000, 32_000),
                InetAddress.getLoopbackAddress());
      } catch (BindException busy) {
        if (i > 20) {
          throw busy;
        }
      }
    }
    syslog.setSoTimeout(10_000);
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
            .formatted(deadPort, fallback.getSmtp().getPort(), syslog.getLocalPort()));
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
      DatagramPacket p = new DatagramPacket(new byte[8192], 8192);
      syslog.receive(p); // published from the scheduler: waits for the datagram
      String line = new String(p.getData(), 0, p.getLength(), UTF_8);
      assertTrue(line.contains(FailoverEvents.EVENT_NAME), line);
      assertTrue(line.contains("FailedProviders=\"primary\""), line);
      assertTrue(line.contains("DeliveredBy=\"backup\""), line);
      assertTrue(line.contains("EventName=\"PasswordChangeFailed\""), line);
    }
  }
}
