// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class EmailAddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alerts@example.com",
        "first.last+tag@mail.example.co.uk",
        "\"john doe\"@example.com",
        "user@localhost",
        "user@[192.0.2.1]",
        "user@[IPv6:2001:db8::1]",
        "o'brien@example.org",
        "Safeguard Alerts <alerts@example.com>",
        "\"Safeguard, Alerts\" <alerts@example.com>",
        "<alerts@example.com>",
        "Jürgen Müller <jm@example.de>",
        "John Q. Public <jqp@example.com>"
      })
  void parse_validMailbox_accepted(String text) {
    EmailAddress a = EmailAddress.parse("SenderEmail", text);
    assertTrue(text.contains(a.address()), a.address());
  }

  @Test
  void parse_nameAddr_splitsParts() {
    EmailAddress a = EmailAddress.parse("\"Ops, Team\" <ops@example.com>");
    assertEquals(Optional.of("\"Ops, Team\""), a.displayName());
    assertEquals("ops", a.localPart());
    assertEquals("example.com", a.domain());
    assertEquals("ops@example.com", a.address());
    assertEquals("\"Ops, Team\" <ops@example.com>", a.toString());
    assertEquals(Optional.empty(), EmailAddress.parse("ops@example.com").displayName());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "plainaddress",
        "@example.com",
        "user@",
        "user@@example.com",
        ".user@example.com",
        "user.@example.com",
        "us..er@example.com",
        "user name@example.com",
        "user@exa mple.com",
        "user@-example.com",
        "user@example..com",
        "user@192.0.2.1",
        "user@[300.1.1.1]",
        "user@[2001:db8::1]",
        "Name <user@example.com",
        "Bad, Name <user@example.com>",
        "\"unclosed@example.com",
        "user@example.com.",
        "(comment)user@example.com"
      })
  void parse_invalid_rejectedNamingTheField(String text) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> EmailAddress.parse("SenderEmail", text));
    assertEquals("SenderEmail", e.field());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@example.com\r\nBcc: x@evil.com", "a@example.com\n", "A\rB <a@b.com>"})
  void parse_lineBreak_rejected(String text) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> EmailAddress.parse("SenderEmail", text));
    assertTrue(e.rule().contains("line breaks are not allowed"), e.rule());
  }

  @Test
  void parse_over512Characters_rejected() {
    String name = "\"" + "n".repeat(480) + "\"";
    String ok = name + " <a@example.com>";
    assertEquals(498, ok.length());
    EmailAddress.parse(ok);
    String tooLong = "\"" + "n".repeat(500) + "\" <a@example.com>";
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> EmailAddress.parse(tooLong));
    assertTrue(e.rule().contains("at most 512"), e.rule());
  }

  @Test
  void parse_localPartOver64_rejected() {
    EmailAddress.parse("a".repeat(64) + "@example.com");
    assertThrows(
        InvalidValueException.class, () -> EmailAddress.parse("a".repeat(65) + "@example.com"));
  }

  @Property
  void parse_generatedDotAtoms_roundTrip(
      @ForAll("atoms") String local, @ForAll("atoms") String displayWord) {
    String addr = local + "@example.com";
    EmailAddress a = EmailAddress.parse(displayWord + " <" + addr + ">");
    assertEquals(addr, a.address());
    assertEquals(a, EmailAddress.parse(a.toString()));
  }

  @Property
  void parse_anyControlCharacter_rejected(@ForAll("controls") char c) {
    assertThrows(InvalidValueException.class, () -> EmailAddress.parse("a" + c + "b@example.com"));
  }

  @Provide
  Arbitrary<String> atoms() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars("!#$%&'*+-/=?^_`{|}~")
        .ofMinLength(1)
        .ofMaxLength(40);
  }

  @Provide
  Arbitrary<Character> controls() {
    return Arbitraries.chars().range('\u0000', '\u001f');
  }
}
