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
}
