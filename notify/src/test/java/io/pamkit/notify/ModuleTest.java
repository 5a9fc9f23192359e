// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify;

import io.pamkit.testing.ModuleDescriptorAssert;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The module exports exactly its API packages (to everyone, none qualified), lists every public
 * type in its package-info, and provides its transports.
 */
final class ModuleTest {

  @Test
  void descriptor_exportsExactlyTheApiPackages_providesTransports() {
    ModuleDescriptorAssert.assertThatModuleOf(ConfiguredTransports.class)
        .hasName("io.pamkit.notify")
        .exportsExactly(
            "io.pamkit.notify",
            "io.pamkit.notify.spi",
            "io.pamkit.notify.smtp",
            "io.pamkit.notify.template",
            "io.pamkit.notify.syslog",
            "io.pamkit.notify.snmp",
            "io.pamkit.notify.email",
            "io.pamkit.notify.sendgrid",
            "io.pamkit.notify.ews",
            "io.pamkit.notify.graph",
            "io.pamkit.notify.oauth",
            "io.pamkit.notify.approval")
        .exportsNothingQualified()
        .exportsNoInternalPackageToEveryone()
        .listsPublicTypesInPackageInfos(Path.of("src/main/java"))
        .providesExactly(
            "io.pamkit.core.dispatch.spi.TransportProvider",
            "io.pamkit.notify.smtp.SmtpTransportProvider",
            "io.pamkit.notify.syslog.SyslogTransportProvider",
            "io.pamkit.notify.snmp.SnmpTransportProvider",
            "io.pamkit.notify.sendgrid.SendGridTransportProvider",
            "io.pamkit.notify.ews.EwsTransportProvider",
            "io.pamkit.notify.graph.GraphTransportProvider");
  }
}
