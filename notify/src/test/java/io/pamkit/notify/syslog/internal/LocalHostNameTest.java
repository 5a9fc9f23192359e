// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LocalHostNameTest {

  @Test
  void resolve_jvmSaysLocalhost_takesTheEnvironmentsName() {
    // the review's machine: /etc/hosts maps "vm" to 127.0.0.1, the JVM answers "localhost"
    assertEquals(
        "vm", LocalHostName.resolve(() -> "localhost", () -> "vm", () -> "other", List::of));
  }

  @Test
  void resolve_jvmNameUsable_takesIt() {
    assertEquals(
        "spp-1.example.com",
        LocalHostName.resolve(() -> "spp-1.example.com", () -> "vm", () -> null, List::of));
  }

  @Test
  void resolve_noEnvironment_readsEtcHostname() {
    assertEquals(
        "appliance",
        LocalHostName.resolve(
            () -> "localhost.localdomain", () -> null, () -> " appliance ", List::of));
  }

  @Test
  void resolve_everyNameLoopback_takesTheFirstNonLoopbackAddress() throws Exception {
    List<InetAddress> addresses =
        List.of(
            InetAddress.getByName("127.0.0.1"),
            InetAddress.getByName("fe80::1"),
            InetAddress.getByName("192.0.2.7"));
    assertEquals(
        "192.0.2.7",
        LocalHostName.resolve(() -> "localhost", () -> "ip6-localhost", () -> "", () -> addresses));
  }

  @Test
  void resolve_nothingUsable_givesNilValue() {
    assertEquals("-", LocalHostName.resolve(() -> null, () -> "has space", () -> null, List::of));
  }

  @Test
  void loopbackish_loopbackNamesAndLiterals_true() {
    for (String n :
        new String[] {
          "localhost",
          "LOCALHOST",
          "localhost.localdomain",
          "localhost6",
          "ip6-localhost",
          "127.0.1.1",
          "::1"
        }) {
      assertTrue(LocalHostName.loopbackish(n), n);
    }
    assertFalse(LocalHostName.loopbackish("vm"));
    assertFalse(LocalHostName.loopbackish("localhostess.example.com"));
  }

  @Test
  void get_onThisMachine_isNeverLoopback() {
    assertFalse(LocalHostName.loopbackish(LocalHostName.get()), LocalHostName.get());
  }
}
