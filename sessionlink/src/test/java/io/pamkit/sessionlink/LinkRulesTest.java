// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class LinkRulesTest {
  private static ApplianceVersion v(String s) {
    return ApplianceVersion.parse(s);
  }

  @ParameterizedTest(name = "SPP {0} with SPS {1}: {2}")
  @CsvSource({
    "6.6, 6.6, PASS",
    "6.6.1, 6.6, PASS",
    "7.0 LTS, 7.0.2 LTS, PASS",
    "8.2.0.21662, 8.2.1, PASS",
    "6.7, 6.6, FAIL",
    "6.1, 6.0.1, FAIL",
    "7.0 LTS, 7.1, FAIL",
    "7.5, 8.5, FAIL"
  })
  void linkCompatibility(String spp, String sps, CheckStatus expected) {
    Check c = LinkRules.linkCompatibility(v(spp), v(sps));
    assertEquals(expected, c.status(), c.toString());
    assertEquals("VERSIONS", c.id());
  }

  @ParameterizedTest
  @CsvSource({"6.1, 6.0.1", "7.0, 7.4"})
  void linkCompatibility_ltsWithFeature_saysDoNotMix(String spp, String sps) {
    assertTrue(
        LinkRules.linkCompatibility(v(spp), v(sps))
            .remedy()
            .contains("do not mix LTS and feature"));
  }

  @ParameterizedTest(name = "SPS {0}: {1}")
  @CsvSource({
    "6.0, false",
    "6.0.1, false",
    "6.0.2, true",
    "6.0.6 LTS, true",
    "6.1, false",
    "6.1.3, false",
    "6.2, true",
    "6.6, true",
    "7.0, true",
    "5.9, false"
  })
  void spsSupportsSessionsInitiated(String sps, boolean expected) {
    assertEquals(expected, LinkRules.spsSupportsSessionsInitiated(v(sps)));
  }

  @ParameterizedTest(name = "SPP {0}: {1}")
  @CsvSource({"2.7, false", "2.8, true", "2.11, true", "6.0, true", "1.9, false"})
  void sppSupportsSessionsInitiated(String spp, boolean expected) {
    assertEquals(expected, LinkRules.sppSupportsSessionsInitiated(v(spp)));
  }

  @ParameterizedTest
  @CsvSource({"2.8, 6.2, PASS", "2.7, 6.2, FAIL", "2.8, 6.1.2, FAIL", "7.5, 7.5, PASS"})
  void sessionsInitiatedVersions(String spp, String sps, CheckStatus expected) {
    Check c = LinkRules.sessionsInitiatedVersions(v(spp), v(sps));
    assertEquals(expected, c.status(), c.toString());
  }
}
