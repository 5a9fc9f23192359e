// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class HostAddressTest {

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.10", "0.0.0.0", "255.255.255.255", "[10.1.2.3]"})
  void parse_ipv4_accepted(String text) {
    HostAddress a = HostAddress.parse("ServerAddress", text);
    assertEquals(HostAddress.Kind.IPV4, a.kind());
    assertEquals(text, a.text());
    assertEquals(text.replace("[", "").replace("]", ""), a.host());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[b86f:b86f:b86f:1:b86f:b86f:b86f:b86f]", "[::1]", "[::]", "[2001:db8::]",
        "[::ffff:192.0.2.1]", "[fe80::1:2]", "[1:2:3:4:5:6:7::]", "[1:2:3:4:5:6:1.2.3.4]"
      })
  void parse_bracketedIpv6_accepted(String text) {
    HostAddress a = HostAddress.parse("ServerAddress", text);
    assertEquals(HostAddress.Kind.IPV6, a.kind());
    assertEquals(text, a.text());
    assertEquals(text.substring(1, text.length() - 1), a.host());
    assertEquals(text + ":25", a.authority(Port.of(25)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"mail.example.com", "localhost", "smtp-1.corp.example.com.", "a.b-c.d9", "x1"})
  void parse_dnsName_accepted(String text) {
    assertEquals(HostAddress.Kind.DNS_NAME, HostAddress.parse("ServerAddress", text).kind());
  }

  @org.junit.jupiter.api.Test
  void parse_empty_meansDisabled() {
    HostAddress a = HostAddress.parse("ServerAddress", "");
    assertTrue(a.isDisabled());
    assertEquals(HostAddress.disabled(), a);
    assertThrows(IllegalStateException.class, () -> a.authority(Port.of(25)));
  }

  @org.junit.jupiter.api.Test
  void parse_bareIpv6_rejectedWithBracketHint() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> HostAddress.parse("ServerAddress", "::1"));
    assertEquals("ServerAddress", e.field());
    assertTrue(e.rule().contains("must be enclosed in square brackets, e.g. [::1]"), e.rule());
    assertEquals("ServerAddress", e.violations().get(0).path());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " ",
        "256.1.1.1",
        "1.2.3",
        "1.2.3.4.5",
        "01.2.3.4",
        "-bad.example.com",
        "bad-.example.com",
        "a..b",
        ".example.com",
        "exa mple.com",
        "under_score.com",
        "host:25",
        "[::1",
        "[1:2::3::4]",
        "[12345::]",
        "[fe80::1%eth0]",
        "[not-an-ip]",
        "1.2.3.999",
        "example.123",
        "mail.exämple.com",
        "a\nb"
      })
  void parse_invalid_rejected(String text) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> HostAddress.parse("ServerAddress", text));
    assertEquals("ServerAddress", e.field());
    assertTrue(e.getMessage().startsWith("ServerAddress: "), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void parse_tooLongDnsName_rejected() {
    String label = "a".repeat(63);
    String name = String.join(".", label, label, label, label);
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> HostAddress.parse(name));
    assertTrue(e.rule().contains("at most 253"), e.rule());
    assertThrows(InvalidValueException.class, () -> HostAddress.parse("a".repeat(64) + ".com"));
  }

  @Property
  void parse_anyIpv4_accepted(
      @ForAll @IntRange(max = 255) int a,
      @ForAll @IntRange(max = 255) int b,
      @ForAll @IntRange(max = 255) int c,
      @ForAll @IntRange(max = 255) int d) {
    String text = a + "." + b + "." + c + "." + d;
    HostAddress h = HostAddress.parse(text);
    assertEquals(HostAddress.Kind.IPV4, h.kind());
    assertEquals(text, h.host());
  }

  @Property
  void parse_ipv4PartAbove255_rejected(@ForAll @IntRange(min = 256, max = 999) int part) {
    assertThrows(InvalidValueException.class, () -> HostAddress.parse("10." + part + ".0.1"));
  }

  @Property
  void parse_anyIpv6TextOfTheJdk_acceptedInBracketsOnly(@ForAll("ipv6") byte[] bytes)
      throws Exception {
    String text = InetAddress.getByAddress(bytes).getHostAddress();
    HostAddress h = HostAddress.parse("[" + text + "]");
    assertEquals(HostAddress.Kind.IPV6, h.kind());
    assertEquals(InetAddress.getByName(h.host()), InetAddress.getByAddress(bytes));
    assertThrows(InvalidValueException.class, () -> HostAddress.parse(text));
  }

  @Property
  void parse_compressedIpv6_acceptedAndEqualToJdk(@ForAll("ipv6") byte[] bytes) throws Exception {
    Inet6Address addr = (Inet6Address) InetAddress.getByAddress(bytes);
    String compressed = compress(addr.getHostAddress());
    HostAddress h = HostAddress.parse("[" + compressed + "]");
    assertEquals(addr, InetAddress.getByName(h.host()));
  }

  @Property
  void parse_dnsLabels_accepted(@ForAll("labels") java.util.List<String> labels) {
    String name = String.join(".", labels) + ".example";
    assertEquals(HostAddress.Kind.DNS_NAME, HostAddress.parse(name).kind());
  }

  @Provide
  Arbitrary<byte[]> ipv6() {
    return Arbitraries.bytes().array(byte[].class).ofSize(16);
  }

  @Provide
  Arbitrary<java.util.List<String>> labels() {
    Arbitrary<String> label =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('0', '9')
            .withChars('-')
            .ofMinLength(1)
            .ofMaxLength(63)
            .filter(s -> !s.startsWith("-") && !s.endsWith("-"));
    return label.list().ofMinSize(1).ofMaxSize(3);
  }

  /**
   * Compresses the first longest run of two or more zero groups to "::", as RFC 5952 does, by
   * looking for runs from the longest down (a different method from the one under test).
   */
  private static String compress(String full) {
    String padded = ":" + full + ":";
    for (int n = 8; n >= 2; n--) {
      String zeros = ":" + String.join(":", java.util.Collections.nCopies(n, "0")) + ":";
      int at = padded.indexOf(zeros);
      if (at >= 0) {
        int end = at + zeros.length() - 1;
        String left = at == 0 ? "" : full.substring(0, at - 1);
        String right = end >= full.length() ? "" : full.substring(end);
        return left + "::" + right;
      }
    }
    return full;
  }
}
