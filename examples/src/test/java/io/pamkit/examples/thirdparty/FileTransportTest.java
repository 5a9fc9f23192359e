// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.spi.TransportProviders;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.notify.ConfiguredTransports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transport that lives only in this test's code, with its own META-INF/services line, is found by
 * ServiceLoader, fed its section of the document, checked with the document, and delivers.
 */
final class FileTransportTest {

  private static String document(Path file, String extra) {
    return """
        {"FileTransport": {"Path": "%s"%s},
         "EventSubscribers": [{"Type": "File", "Subscriptions": ["PasswordChangeFailed"]}]}
        """
        .formatted(file.toString().replace("\\", "\\\\"), extra);
  }

  @Test
  void serviceLoader_findsTheThirdPartyProvider_besidesPamkits() {
    TransportProviders providers = TransportProviders.load();
    assertInstanceOf(FileTransportProvider.class, providers.require("file"));
    assertInstanceOf(
        FileTransportProvider.class, providers.forSection("FileTransport").orElseThrow());
    assertTrue(
        providers.names().containsAll(List.of("smtp", "syslog", "snmp", "file")),
        providers.names()::toString);
  }

  @Test
  void document_sectionFedToTheProvider_eventDelivered(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("events.log");
    PamkitConfig config = PamkitConfig.parse(document(file, ""));
    ConfiguredTransports transports = ConfiguredTransports.builder(config).build();
    assertEquals("File", transports.transport("File").orElseThrow().channel());
    EventDispatcher.Builder b =
        EventDispatcher.builder().synchronous(true).subscribers(config.eventSubscribers());
    transports.forEach(b::transport);
    ApplianceEvent event =
        ApplianceEvent.builder("PasswordChangeFailed").applianceId("SPP-1").build();
    try (EventDispatcher dispatcher = b.build()) {
      dispatcher.publish(event);
    }
    assertEquals(
        "PasswordChangeFailed " + event.id() + "\n",
        Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void document_badSection_reportedByPathWithTheRestOfTheDocument(@TempDir Path dir) {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> PamkitConfig.parse(document(dir.resolve("x"), ", \"Mode\": 1")));
    assertEquals(
        List.of("$.FileTransport.Mode"), e.violations().stream().map(v -> v.path()).toList());
    ConfigurationException unknown =
        assertThrows(
            ConfigurationException.class, () -> PamkitConfig.parse("{\"FileTransprt\": {}}"));
    assertTrue(
        unknown.getMessage().contains("$.FileTransprt: unknown field"), unknown.getMessage());
  }
}
