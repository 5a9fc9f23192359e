// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.ApplianceSettings;
import io.pamkit.sessionlink.SessionConnectionQuery;
import io.pamkit.sessionlink.SettingsResource;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The usage examples in sessionlink's Javadoc, compiled and run against the SPP simulator. Each
 * test's body between the marker comments is the example its type's Javadoc shows (with the
 * example's free variables declared above it): when an example changes, change it here too.
 */
final class JavadocExamplesTest {

  /** {@link SppClient}. */
  @Test
  void sppClient_builderExample_listsTheSessionConnections() {
    try (SppSimulator sim = SppSimulator.builder().build()) {
      String password = "Adm1n!pw";
      sim.addUser("admin", Secret.of(password), AdminRole.APPLIANCE_ADMIN);

      // example (the example's host is "spp.example.com" on 443, trusted by the JDK's CAs)
      try (SppClient spp =
          SppClient.builder()
              .host(sim.host())
              .port(sim.port())
              .sslContext(sim.clientSslContext())
              .authentication(SppAuthentication.password("admin", Secret.of(password))) // PKCE
              .build()) {
        List<SessionModuleConnection> links =
            spp.sessionConnections(SessionConnectionQuery.defaults());
        // end
        assertTrue(links.isEmpty(), links.toString());
      }
    }
  }

  /** {@link ApplianceSettings}. */
  @Test
  void applianceSettings_example_updatesThePort() {
    try (SppSimulator sim = SppSimulator.builder().build()) {
      sim.addUser("admin", Secret.of("Adm1n!pw"), AdminRole.APPLIANCE_ADMIN);
      try (SppClient spp =
          SppClient.builder()
              .host(sim.host())
              .port(sim.port())
              .sslContext(sim.clientSslContext())
              .authentication(SppAuthentication.password("admin", Secret.of("Adm1n!pw")))
              .build()) {
        // example
        ApplianceSettings settings = ApplianceSettings.of(spp);
        SettingsResource smtp = settings.emailClientConfig();
        ObjectNode change = smtp.writable().put("PortNumber", 587);
        settings.updateEmailClientConfig(change);
        // end

        assertEquals(587, sim.settings().emailClientConfig().get("PortNumber").intValue());
      }
    }
  }
}
