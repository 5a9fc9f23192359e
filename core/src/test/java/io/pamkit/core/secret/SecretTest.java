// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SecretTest {

  @Test
  void toString_neverShowsValue() {
    Secret s = Secret.of("hunter2-password");
    assertEquals("******", s.toString());
    assertFalse(String.valueOf(Map.of("k", s)).contains("hunter2"));
  }

  @Test
  void jackson_writesMask() throws Exception {
    String json = new ObjectMapper().writeValueAsString(Map.of("Password", Secret.of("hunter2")));
    assertEquals("{\"Password\":\"******\"}", json);
  }

  @Test
  void reveal_returnsValue() {
    assertEquals("hunter2", Secret.of("hunter2").reveal());
    assertEquals("hunter2", new String(Secret.of("hunter2".toCharArray()).chars()));
  }

  @Test
  void wipe_clearsAndRefusesReads() {
    Secret s = Secret.of("hunter2");
    s.wipe();
    assertTrue(s.wiped());
    assertThrows(IllegalStateException.class, s::reveal);
    assertThrows(IllegalStateException.class, s::chars);
  }

  @Test
  void equals_comparesValues() {
    assertEquals(Secret.of("a"), Secret.of("a"));
    assertNotEquals(Secret.of("a"), Secret.of("b"));
    assertNotEquals(Secret.of("a"), Secret.of("aa"));
    assertEquals(Secret.of("a").hashCode(), Secret.of("b").hashCode());
  }

  @Test
  void equals_unpairedSurrogatesAndPrefixes_notEqual() {
    assertNotEquals(Secret.of("\uD800"), Secret.of("?"));
    assertNotEquals(Secret.of("\uD800"), Secret.of("\uDC00"));
    assertNotEquals(Secret.of("ab"), Secret.of("ab\0"));
    assertEquals(Secret.of("\uD800x"), Secret.of("\uD800x"));
  }

  @Test
  void withChars_lendsACopyAndWipesItAfterwards() {
    Secret s = Secret.of("hunter2");
    char[][] lent = new char[1][];
    int length =
        s.withChars(
            c -> {
              lent[0] = c;
              return c.length;
            });
    assertEquals(7, length);
    assertEquals("\0".repeat(7), new String(lent[0]));
    assertEquals("hunter2", s.reveal());
  }

  @Test
  void withUtf8_wipesTheCopyEvenWhenTheActionThrows() {
    Secret s = Secret.of("h\u00e9");
    byte[][] lent = new byte[1][];
    assertThrows(
        IllegalArgumentException.class,
        () ->
            s.withUtf8(
                b -> {
                  lent[0] = b;
                  assertEquals(3, b.length);
                  throw new IllegalArgumentException("boom");
                }));
    assertEquals(3, lent[0].length);
    for (byte b : lent[0]) {
      assertEquals(0, b);
    }
  }

  @Test
  void anyChar_testsWithoutCopying_andRefusesAfterWipe() {
    Secret s = Secret.of("ab c");
    assertTrue(s.anyChar(c -> c == ' '));
    assertFalse(s.anyChar(c -> c < 0x20));
    s.wipe();
    assertThrows(IllegalStateException.class, () -> s.anyChar(c -> true));
    assertThrows(IllegalStateException.class, () -> s.withChars(c -> c.length));
  }
}
