// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pamkit.core.ValidationException;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.notify.email.EmailProviderChain;
import io.pamkit.testing.SyslogReceiver;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transports of a configuration document, delivering to real peers. */
final class ConfiguredTransportsTest {
  private GreenMail smtp;
  private SyslogReceiver syslog;

  @BeforeEach
  void start() throws Exception {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    // a low port: the schema limits syslog ports to 1..32767, below the kernel's ephemeral range
    syslog = SyslogReceiver.builder().udp().start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
    syslog.close();
  }

  private String document() {
    return """
        {
          "EmailClientConfig": {"ServerAddress": "[127.0.0.1]", "PortNumber": %d,
            "RequireTlsFlag": false, "SenderEmail": "vault@example.com"},
          "SyslogServers": [{"Id": 1, "Name": "SIEM", "NetworkAddress": "127.0.0.1",
            "Port": %d, "Protocol": "Udp"}],
          "EmailTemplates": [{"EventName": "PasswordChangeFailed",
            "SubjectTemplate": "Change failed on {{AssetName}}",
            "BodyTemplate": "{{EventName}} at {{Time}}"}],
          "EventSubscribers": [
            {"Id": 1, "Type": "Email", "EmailAddress": "oncall@example.com",
             "Subscriptions": ["PasswordChangeFailed"]},
            {"Id": 2, "Type": "Syslog", "SubscribeToAllEvents": true,
             "SyslogProperties": {"SyslogServerId": 1}}
          ]
        }
        """
        .formatted(smtp.getSmtp().getPort(), syslog.port());
  }

  @Test
  void build_document_emailWithItsTemplateAndSyslogToItsServer() throws Exception {
    PamkitConfig config = PamkitConfig.parse(document());
    try (ConfiguredTransports transports = ConfiguredTransports.builder(config).build()) {
      assertEquals(
          java.util.List.of("Email", "Syslog", "Snmp"),
          java.util.List.copyOf(transports.all().keySet()));
      EventDispatcher.Builder b =
          EventDispatcher.builder().synchronous(true).subscribers(config.eventSubscribers());
      transports.all().values().forEach(b::transport);
      try (EventDispatcher d = b.build()) {
        d.publish(
            ApplianceEvent.builder("PasswordChangeFailed")
                .applianceId("SPP-1")
                .property("AssetName", "dc01")
                .build());
      }
      MimeMessage[] mail = smtp.getReceivedMessages();
      assertEquals(1, mail.length);
      assertEquals("Change failed on dc01", mail[0].getSubject());
      String line = syslog.next();
      assertTrue(line.contains("PasswordChangeFailed"), line);
      assertTrue(line.contains("AssetName=\"dc01\""), line);
    }
  }

  @Test
  void build_emailProviders_chainInPriorityOrder() {
    PamkitConfig config =
        PamkitConfig.parse(
            """
        {"EmailProviders": [
          {"Name": "relay", "Type": "Smtp", "Priority": 0,
           "ServerAddress": "[127.0.0.1]", "PortNumber": %d, "RequireTlsFlag": false,
           "SenderEmail": "vault@example.com"},
          {"Name": "cloud", "Type": "SendGrid", "Priority": 10,
           "ApiKey": "SG.test-key", "SenderEmail": "vault@example.com"}
        ]}
        """
                .formatted(smtp.getSmtp().getPort()));
    try (ConfiguredTransports transports = ConfiguredTransports.builder(config).build()) {
      assertTrue(transports.transport("Email").orElseThrow() instanceof EmailProviderChain);
    }
  }

  @Test
  void build_exchangeOnlineWithOAuth_acceptedButBasicRefused() {
    String online =
        """
        {"EmailProviders": [{"Type": "Ews", "Name": "m365", "Priority": 0,
          "ServiceUrl": "https://outlook.office365.com/EWS/Exchange.asmx",
          "Mailbox": "vault@example.com", "AllowExchangeOnline": true, %s}]}
        """;
    PamkitConfig oauth =
        PamkitConfig.parse(
            online.formatted(
                "\"OAuthTenant\": \"example.onmicrosoft.com\", \"OAuthClientId\": \"app\","
                    + " \"OAuthClientSecret\": \"s3cret\""));
    try (ConfiguredTransports transports = ConfiguredTransports.builder(oauth).build()) {
      assertTrue(transports.transport("Email").isPresent());
    }
    // the provider checks its section when the document is read
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> PamkitConfig.parse(online.formatted("\"Password\": \"pw\"")));
    assertTrue(e.violations().get(0).path().startsWith("$.EmailProviders[0]"), e.getMessage());
  }

  @Test
  void templates_malformedTagInTheDocument_namedByPath() {
    PamkitConfig config =
        PamkitConfig.parse(
            """
        {"EmailTemplates": [{"EventName": "UserCreated",
          "SubjectTemplate": "{{{UserName}}}", "BodyTemplate": "x"}]}
        """);
    ValidationException e =
        assertThrows(ValidationException.class, () -> ConfiguredTransports.templates(config));
    assertTrue(e.violations().get(0).path().startsWith("$.EmailTemplates[0]"), e.getMessage());
  }
}
