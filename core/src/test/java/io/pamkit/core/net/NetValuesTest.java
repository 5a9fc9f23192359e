// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class NetValuesTest {

  @Property
  void port_inRange_accepted(@ForAll @IntRange(min = 1, max = 65535) int p) {
    assertEquals(p, Port.of(p).value());
  }

  @Property
  void port_aboveRange_rejected(@ForAll @Positive int p) {
    if (p <= 65535) {
      return;
    }
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> Port.of(p));
    assertEquals("Port: " + p + " is outside 1..65535", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536, 70000, Integer.MIN_VALUE})
  void port_outside_rejectedNamingField(int p) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> Port.of("PortNumber", p));
    assertEquals("PortNumber", e.field());
    assertEquals(p + " is outside 1..65535", e.rule());
  }

  @Property
  void testTimeout_inRange_accepted(@ForAll @IntRange(min = 1, max = 255) int s) {
    assertEquals(Duration.ofSeconds(s), TestTimeout.ofSeconds(s).duration());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -5, 256, 1000})
  void testTimeout_outside_rejected(int s) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> TestTimeout.ofSeconds(s));
    assertEquals("TimeoutSeconds", e.field());
    assertTrue(e.rule().contains("1..255"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"spp-link", "CORP\\svc_sps", "admin@corp.example.com", "x"})
  void connectionUserName_withoutSpaces_accepted(String name) {
    assertEquals(name, ConnectionUserName.of(name).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "svc sps", " lead", "trail ", "tab\tname", "new\nline", "nb\u00a0sp"})
  void connectionUserName_withSpaceOrEmpty_rejected(String name) {
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class, () -> ConnectionUserName.of("ConnectionUser", name));
    assertEquals("ConnectionUser", e.field());
  }

  @Test
  void connectionUserName_tooLong_rejected() {
    assertThrows(InvalidValueException.class, () -> ConnectionUserName.of("u".repeat(256)));
  }
}
