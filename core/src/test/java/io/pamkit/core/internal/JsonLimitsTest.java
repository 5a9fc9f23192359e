// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.config.PamkitConfig;
import org.junit.jupiter.api.Test;

final class JsonLimitsTest {
  private final ObjectMapper mapper = JsonLimits.mapperBuilder().build();

  @Test
  void readTree_nestedDeeperThan64_refused() throws Exception {
    String deep = "[".repeat(65) + "]".repeat(65);
    assertThrows(StreamConstraintsException.class, () -> mapper.readTree(deep));
    assertTrue(mapper.readTree("[".repeat(64) + "]".repeat(64)).isArray());
  }

  @Test
  void readTree_numberLongerThan100_refused() {
    assertThrows(StreamConstraintsException.class, () -> mapper.readTree("1".repeat(101)));
  }

  @Test
  void constraints_everyLimitSet() {
    var c = JsonLimits.constraints();
    assertEquals(32L * 1024 * 1024, c.getMaxDocumentLength());
    assertEquals(16 * 1024 * 1024, c.getMaxStringLength());
    assertEquals(64 * 1024, c.getMaxNameLength());
  }

  @Test
  void configDocument_tooDeep_configurationErrorNotStackOverflow() {
    String doc = "{\"X\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> PamkitConfig.parse(doc));
    assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
  }
}
