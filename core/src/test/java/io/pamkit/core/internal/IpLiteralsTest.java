// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class IpLiteralsTest {

  @Test
  void ipv4_canonicalDottedQuad_parsedBigEndian() {
    assertEquals(0xC000020A, IpLiterals.ipv4("192.0.2.10"));
    assertEquals(0, IpLiterals.ipv4("0.0.0.0"));
    assertEquals(-1, IpLiterals.ipv4("255.255.255.255"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1.2.3",
        "1.2.3.4.5",
        "010.1.1.1",
        "256.1.1.1",
        "1.2.3.",
        ".1.2.3",
        "0x7f.0.0.1",
        "1..2.3",
        "1.2.3.4 ",
        "\u0661.2.3.4"
      })
  void ipv4_notCanonical_null(String text) {
    assertNull(IpLiterals.ipv4(text));
    assertFalse(IpLiterals.isIpv4(text));
  }

  @Test
  void ipv6_compressedMixedAndUpperCase_parsed() {
    byte[] loopback = new byte[16];
    loopback[15] = 1;
    assertArrayEquals(loopback, IpLiterals.ipv6("::1"));
    assertArrayEquals(IpLiterals.ipv6("2001:db8::a"), IpLiterals.ipv6("2001:DB8:0:0:0:0:0:A"));
    byte[] mapped = IpLiterals.ipv6("::ffff:192.0.2.1");
    assertEquals((byte) 0xFF, mapped[10]);
    assertEquals((byte) 192, mapped[12]);
    assertTrue(IpLiterals.isIpv6("1:2:3:4:5:6:7:8"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ":",
        "1::2::3",
        "1:2:3:4:5:6:7:8:9",
        "fe80::1%eth0",
        "[::1]",
        "12345::",
        "g::1",
        "1:2:3:4:5:6:7",
        "::1.2.3",
        "\uff11::1"
      })
  void ipv6_invalid_null(String text) {
    assertNull(IpLiterals.ipv6(text));
  }

  @Test
  void inetAddress_literalsOnly_neverALookup() throws Exception {
    assertEquals(InetAddress.getByName("192.0.2.1"), IpLiterals.inetAddress("192.0.2.1"));
    assertEquals(InetAddress.getByName("::1"), IpLiterals.inetAddress("::1"));
    assertNull(IpLiterals.inetAddress("localhost"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> IpLiterals.requireInetAddress("bad\nname"));
    assertTrue(e.getMessage().contains("bad\\u000Aname"), e.getMessage());
  }
}
