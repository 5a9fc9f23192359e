package io.pamkit.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.spi.Transport;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module exports exactly its API packages and provides its transports. */
final class ModuleTest {

  @Test
  void descriptor_exportsApiOnly_providesTransports() {
    ModuleDescriptor d = ConfiguredTransports.class.getModule().getDescriptor();
    assertEquals("io.pamkit.notify", d.name());
    Set<String> exported = d.exports().stream()
        .filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    assertTrue(exported.containsAll(Set.of("io.pamkit.notify", "io.pamkit.notify.spi",
        "io.pamkit.notify.smtp", "io.pamkit.notify.template")), exported.toString());
    assertTrue(exported.stream().noneMatch(p -> p.contains("internal")), exported.toString());
    Set<String> providers = d.provides().stream()
        .filter(p -> p.service().equals("io.pamkit.core.dispatch.spi.TransportProvider"))
        .flatMap(p -> p.providers().stream()).collect(Collectors.toSet());
    assertEquals(Set.of("io.pamkit.notify.smtp.SmtpTransportProvider",
        "io.pamkit.notify.sendgrid.SendGridTransportProvider",
        "io.pamkit.notify.ews.EwsTransportProvider",
        "io.pamkit.notify.syslog.SyslogTransportProvider",
        "io.pamkit.notify.snmp.SnmpTransportProvider"), providers);
  }
}
