// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import org.junit.jupiter.api.Test;

final class SyslogServerRegistryTest {

  private static SyslogServer server(int id, String name, String address) {
    return SyslogServer.builder(name, address).id(id).build();
  }

  @Test
  void find_byIdNameAndAddress() {
    SyslogServerRegistry r =
        SyslogServerRegistry.of(server(1, "SIEM", "siem.example"), server(2, "V6", "[::1]"));
    assertEquals("SIEM", r.findById(1).orElseThrow().name());
    assertEquals(2, r.findByName("v6").orElseThrow().id());
    assertEquals(1, r.findByNetworkAddress("SIEM.example").orElseThrow().id());
    assertEquals(2, r.findByNetworkAddress("::1").orElseThrow().id());
    assertTrue(r.findById(3).isEmpty());
  }

  @Test
  void put_sameIdReplaces_sameNameRejected() {
    SyslogServerRegistry r = SyslogServerRegistry.of(server(1, "SIEM", "a.example"));
    r.put(server(1, "SIEM", "b.example"));
    assertEquals("b.example", r.findById(1).orElseThrow().networkAddress().text());
    assertEquals(1, r.list().size());
    ValidationException e =
        assertThrows(ValidationException.class, () -> r.put(server(2, "siem", "c.example")));
    assertEquals("Name", e.violations().get(0).path());
    assertTrue(r.remove(1));
    assertFalse(r.remove(1));
    assertTrue(r.list().isEmpty());
  }
}
