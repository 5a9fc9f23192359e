// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.dispatch.spi.TransportProviders;
import io.pamkit.notify.ews.EwsTransportProvider;
import io.pamkit.notify.sendgrid.SendGridTransportProvider;
import io.pamkit.notify.smtp.SmtpTransport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pamkit's providers are found by ServiceLoader under their names and read their sections. */
final class TransportProvidersTest {

  @Test
  void load_findsEveryBuiltInProvider_byNameIgnoringCase() {
    TransportProviders p = TransportProviders.load(getClass().getClassLoader());
    assertTrue(
        p.names().containsAll(List.of("smtp", "sendgrid", "ews", "graph", "syslog", "snmp")),
        p.names()::toString);
    assertInstanceOf(SendGridTransportProvider.class, p.require("SendGrid"));
    assertInstanceOf(EwsTransportProvider.class, p.find("ews").orElseThrow());
    assertEquals("Email", p.require("smtp").channel());
    assertEquals(
        "EmailClientConfig",
        p.forSection("EmailClientConfig")
            .orElseThrow()
            .name()
            .replace("smtp", "EmailClientConfig"));
    assertEquals(
        List.of("smtp", "sendgrid", "ews", "graph"),
        p.forChannel("Email").stream()
            .map(x -> x.name())
            .sorted(
                (a, b) ->
                    List.of("smtp", "sendgrid", "ews", "graph").indexOf(a)
                        - List.of("smtp", "sendgrid", "ews", "graph").indexOf(b))
            .toList());
  }

  @Test
  void require_missingProvider_namesTheArtifactToAdd() {
    TransportProviders none = TransportProviders.of(List.of());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> none.require("sendgrid"));
    assertTrue(e.getMessage().contains("io.pamkit:pamkit-notify"), e.getMessage());
    IllegalArgumentException x =
        assertThrows(IllegalArgumentException.class, () -> none.require("kafka"));
    assertTrue(x.getMessage().contains("META-INF/services"), x.getMessage());
  }

  @Test
  void create_smtpSection_smtpTransportOnTheEmailChannel() {
    Transport t =
        TransportProviders.load()
            .require("smtp")
            .create(
                Sections.of(
                    "$.EmailClientConfig",
                    "{'ServerAddress':'mail.example.com',"
                        + "'SenderEmail':'pam@example.com','PortNumber':2525}"),
                TransportContext.defaults());
    try (t) {
      assertInstanceOf(SmtpTransport.class, t);
      assertEquals("Email", t.channel());
    }
  }

  @Test
  void create_invalidSection_everyProblemByPath() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                TransportProviders.load()
                    .require("smtp")
                    .create(
                        Sections.of(
                            "$.EmailClientConfig", "{'ServerAddress':5,'PortNumber':0,'Extra':1}"),
                        TransportContext.defaults()));
    assertEquals(
        List.of(
            "$.EmailClientConfig.ServerAddress",
            "$.EmailClientConfig.PortNumber",
            "$.EmailClientConfig.Extra"),
        e.violations().stream().map(v -> v.path()).toList());
  }
}
