package io.pamkit.notify.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogTcpFraming;
import org.junit.jupiter.api.Test;

final class SyslogServerRegistryTest {

  private static SyslogServer server(int id, String name, String address) {
    return SyslogServer.builder().id(id).name(name).networkAddress(address).build();
  }

  @Test
  void builder_defaults_schemaDefaultsAndVerification() {
    SyslogServer s = SyslogServer.builder().name("SIEM").networkAddress("siem.example").build();
    assertEquals(514, s.port());
    assertEquals(SyslogProtocol.Udp, s.protocol());
    assertEquals(SyslogTcpFraming.OctetCounting, s.tcpFraming());
    assertFalse(s.useSslEncryption());
    assertTrue(s.verifySslCertificate());
    assertEquals(s, s.toBuilder().build());
  }

  @Test
  void builder_badValues_validationExceptionNamesFieldAndRule() {
    ValidationException port =
        assertThrows(ValidationException.class, () -> SyslogServer.builder().port(40000));
    assertEquals("Port", port.violations().get(0).path());
    assertTrue(port.getMessage().contains("1..32767"));
    ValidationException name =
        assertThrows(ValidationException.class, () -> SyslogServer.builder().name(""));
    assertEquals("Name", name.violations().get(0).path());
    ValidationException tls = assertThrows(ValidationException.class,
        () -> SyslogServer.builder().name("a").networkAddress("b").useSslEncryption(true).build());
    assertEquals("UseSslEncryption", tls.violations().get(0).path());
    ValidationException client = assertThrows(ValidationException.class,
        () -> SyslogServer.builder().name("a").networkAddress("b")
            .protocol(SyslogProtocol.Tcp).useClientCertificate(true).build());
    assertEquals("UseClientCertificate", client.violations().get(0).path());
    ValidationException missing =
        assertThrows(ValidationException.class, () -> SyslogServer.builder().name("a").build());
    assertEquals("NetworkAddress", missing.violations().get(0).path());
    assertThrows(ValidationException.class,
        () -> SyslogServer.builder().networkAddress("bad host"));
  }

  @Test
  void find_byIdNameAndAddress() {
    SyslogServerRegistry r =
        SyslogServerRegistry.of(server(1, "SIEM", "siem.example"), server(2, "V6", "[::1]"));
    assertEquals("SIEM", r.findById(1).orElseThrow().name());
    assertEquals(2, r.findByName("v6").orElseThrow().id().orElseThrow());
    assertEquals(1, r.findByNetworkAddress("SIEM.example").orElseThrow().id().orElseThrow());
    assertEquals(2, r.findByNetworkAddress("::1").orElseThrow().id().orElseThrow());
    assertTrue(r.findById(3).isEmpty());
  }

  @Test
  void put_sameIdReplaces_sameNameRejected() {
    SyslogServerRegistry r = SyslogServerRegistry.of(server(1, "SIEM", "a.example"));
    r.put(server(1, "SIEM", "b.example"));
    assertEquals("b.example", r.findById(1).orElseThrow().networkAddress());
    assertEquals(1, r.list().size());
    ValidationException e =
        assertThrows(ValidationException.class, () -> r.put(server(2, "siem", "c.example")));
    assertEquals("Name", e.violations().get(0).path());
    assertTrue(r.remove(1));
    assertFalse(r.remove(1));
    assertTrue(r.list().isEmpty());
  }
}
