// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.cert.SelfSigned;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TrustAnchorsAndSyslogIdentityConfigTest {
  @TempDir Path dir;

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
  }

  @Test
  void trustAnchors_fileAndInlinePem_readAndWrittenBackAsWritten() throws Exception {
    KeyMaterial a = SelfSigned.builder("CN=lab CA a").certificateAuthority(true).build();
    KeyMaterial b = SelfSigned.builder("CN=lab CA b").certificateAuthority(true).build();
    Path file = Files.writeString(dir.resolve("a.pem"), a.certificatePem());
    PamkitConfig c =
        PamkitConfig.parse(
            "{\"TrustAnchors\": [\""
                + json(file.toString())
                + "\", \""
                + json(b.certificatePem())
                + "\"]}");
    assertEquals(List.of(a.certificate(), b.certificate()), c.trustAnchors());
    PamkitConfig again = PamkitConfig.parse(c.toJson());
    assertEquals(c.trustAnchors(), again.trustAnchors());
    assertEquals(c.trustAnchorEntries(), again.trustAnchorEntries());
  }

  @Test
  void trustAnchors_missingFileAndNotAString_reportedByPath() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                PamkitConfig.parse(
                    "{\"TrustAnchors\": [\"" + json(dir.resolve("no.pem").toString()) + "\"]}"));
    assertEquals("$.TrustAnchors[0]", e.violations().get(0).path());
    assertTrue(e.getMessage().contains("is not a file"), e.getMessage());
    ConfigurationException n =
        assertThrows(
            ConfigurationException.class, () -> PamkitConfig.parse("{\"TrustAnchors\": [42]}"));
    assertEquals("$.TrustAnchors[0]", n.violations().get(0).path());
  }

  @Test
  void transportContext_addedAnchors_keepTheJvmDefaultsToo() throws Exception {
    KeyMaterial a = SelfSigned.builder("CN=lab CA").certificateAuthority(true).build();
    TransportContext ctx =
        TransportContext.builder().addTrustAnchors(List.of(a.certificate())).build();
    var store = ctx.trustAnchors().orElseThrow();
    assertTrue(store.getCertificateAlias(a.certificate()) != null);
    assertTrue(store.size() > 1, "the JVM's anchors are kept: " + store.size());
    assertTrue(ctx.sslContext().isPresent());
  }

  @Test
  void syslogProperties_identityFields_readAndWrittenBack() {
    PamkitConfig c =
        PamkitConfig.parse(
            """
        {"EventSubscribers": [{"Id": 3, "Type": "Syslog", "SubscribeToAllEvents": true,
          "SyslogProperties": {"NetworkAddress": "siem.example.com", "LogFormat": "CEF",
            "HostName": "spp-1.example.com", "AppName": "spp", "Utf8Bom": true,
            "DeviceVendor": "Example", "DeviceProduct": "PAM", "DeviceVersion": "7.5"}}]}
        """);
    SyslogSubscriberProperties p = c.eventSubscribers().get(0).syslogProperties().orElseThrow();
    assertEquals("spp-1.example.com", p.hostName().orElseThrow());
    assertEquals("spp", p.appName().orElseThrow());
    assertEquals(true, p.utf8Bom().orElseThrow());
    assertEquals("Example", p.deviceVendor().orElseThrow());
    assertEquals("PAM", p.deviceProduct().orElseThrow());
    assertEquals("7.5", p.deviceVersion().orElseThrow());
    assertEquals(c.eventSubscribers(), PamkitConfig.parse(c.toJson()).eventSubscribers());
  }

  @Test
  void syslogProperties_hostNameWithSpace_problemAtItsPath() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                PamkitConfig.parse(
                    """
            {"EventSubscribers": [{"Id": 3, "Type": "Syslog", "SubscribeToAllEvents": true,
              "SyslogProperties": {"NetworkAddress": "siem.example.com",
                "HostName": "my host"}}]}
            """));
    assertEquals("$.EventSubscribers[0].SyslogProperties.HostName", e.violations().get(0).path());
  }
}
