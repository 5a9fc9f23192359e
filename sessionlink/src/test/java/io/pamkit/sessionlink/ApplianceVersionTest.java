// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.sessionlink.model.ProductVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ApplianceVersionTest {
  @ParameterizedTest
  @CsvSource({
    "7.0 LTS, 7, 0, 0, true",
    "6.0.6 LTS, 6, 0, 6, true",
    "6.0.1, 6, 0, 1, true",
    "6.6, 6, 6, 0, false",
    "6.6.1, 6, 6, 1, false",
    "SPP 8.2.0.21662, 8, 2, 0, false",
    "sps 7.5.0, 7, 5, 0, false"
  })
  void parse_knownForms(String text, int major, int minor, int maintenance, boolean lts) {
    ApplianceVersion v = ApplianceVersion.parse(text);
    assertEquals(major, v.major());
    assertEquals(minor, v.minor());
    assertEquals(maintenance, v.maintenance());
    assertEquals(lts, v.lts());
  }

  @Test
  void parse_build_kept() {
    ApplianceVersion v = ApplianceVersion.parse("8.2.0.21662");
    assertEquals(21662, v.build());
    assertEquals("8.2.0.21662", v.toString());
    assertNull(ApplianceVersion.parse("6.6").build());
    assertEquals("6.0.6 LTS", ApplianceVersion.parse("6.0.6 LTS").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "7", "seven", "7.x", "6.6 LTS", "1.2.3.4.5", "7.0-beta"})
  void parse_bad_namesVersionField(String text) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> ApplianceVersion.parse(text));
    assertEquals("version", e.violations().get(0).path());
  }

  @Test
  void of_productVersion_andOrdering() {
    ApplianceVersion v =
        ApplianceVersion.of(
            ProductVersion.builder().major(7).minor(5).revision(1).build(3).build());
    assertEquals(new ApplianceVersion(7, 5, 1, 3), v);
    assertTrue(v.compareTo(ApplianceVersion.parse("7.5")) > 0);
    assertFalse(v.lts());
    assertThrows(
        ValidationException.class,
        () -> ApplianceVersion.of(ProductVersion.builder().major(7).build()));
  }
}
