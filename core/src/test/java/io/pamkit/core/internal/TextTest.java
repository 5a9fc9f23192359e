// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class TextTest {

  @Test
  void oneLine_controlsBecomeSpaces_strippedAndCut() {
    assertEquals("a b  c", Text.oneLine(" a\rb\n\tc\0", 100));
    assertEquals("abc...", Text.oneLine("abcdef", 3));
    assertEquals("", Text.oneLine(null, 3));
  }

  @Test
  void escaped_controlsShownAsUnicodeEscapes() {
    assertEquals("a\\u000Db\\u0000", Text.escaped("a\rb\0", 10));
    assertEquals("ab...", Text.escaped("abc", 2));
  }

  @Test
  void maxNotPositive_rejected() {
    assertThrows(IllegalArgumentException.class, () -> Text.oneLine("x", 0));
    assertThrows(IllegalArgumentException.class, () -> Text.escaped("x", 0));
  }

  @Test
  void redactedUrl_userInfoQueryAndFragment_masked() {
    assertEquals("http://******@host/EWS", Text.redactedUrl("http://svc:Pw@host/EWS"));
    assertEquals("https://******@h:8443/p", Text.redactedUrl("https://a@b:c@h:8443/p"));
    assertEquals("******@host", Text.redactedUrl("svc:Pw@host"));
    assertEquals(
        "https://h/p?token=******&x=******#******",
        Text.redactedUrl("https://h/p?token=abc&x=1#frag"));
    assertEquals("https://h/a@b", Text.redactedUrl("https://h/a@b"));
    assertEquals("https://h/", Text.redactedUrl("https://h/"));
    assertEquals("not a url", Text.redactedUrl("not a url"));
    assertEquals("ht tp://******@h", Text.redactedUrl("ht tp://u:Pw@h"));
  }
}
