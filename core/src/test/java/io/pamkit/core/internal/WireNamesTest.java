// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pamkit.core.WireNamed;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class WireNamesTest {
  private enum Color implements WireNamed {
    DARK_RED("DarkRed"),
    BLUE("Blue");

    private final String wireName;

    Color(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }
  }

  private enum Clash implements WireNamed {
    FIRST,
    SECOND;

    @Override
    public String wireName() {
      return "Same";
    }
  }

  @Test
  void index_mapsEachWireNameExactly() {
    Map<String, Color> index = WireNames.index(Color.values());
    assertEquals(Map.of("DarkRed", Color.DARK_RED, "Blue", Color.BLUE), index);
    assertNull(index.get("DARK_RED"));
    assertNull(index.get("darkred"));
    assertNull(index.get(null));
    assertThrows(UnsupportedOperationException.class, () -> index.remove("Blue"));
  }

  @Test
  void index_sharedWireName_namesBothConstants() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WireNames.index(Clash.values()));
    assertEquals("Clash: FIRST and SECOND share the wire name Same", e.getMessage());
  }
}
