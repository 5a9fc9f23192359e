// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pamkit.core.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SchemaValidatorTest {
  private final SchemaValidator v = SchemaValidator.shipped();

  private static JsonNode json(String s) throws Exception {
    return Json.mapper().readTree(s);
  }

  @Test
  void validate_minimalConnection_passes() throws Exception {
    assertEquals(
        List.of(),
        v.validate("SessionModuleConnection", json("{\"NodeId\":\"sps\",\"Description\":null}")));
  }

  @Test
  void validate_misspeltField_namesItAndSuggests() throws Exception {
    List<Violation> out =
        v.validate("SessionModuleConnection", json("{\"NodeId\":\"sps\",\"SpsHostname\":\"x\"}"));
    assertEquals(1, out.size());
    assertEquals("$.SpsHostname", out.get(0).path());
    assertTrue(out.get(0).message().contains("did you mean SpsHostName?"), out.get(0).message());
  }

  @Test
  void validate_wrongTypes_nullsAndRanges_reported() throws Exception {
    List<Violation> out =
        v.validate(
            "SessionModuleConnection",
            json(
                "{\"NodeId\":5,\"Trusted\":\"yes\",\"Id\":4294967296,\"CreatedDate\":\"yesterday\",\"UseHostNameForLaunch\":null}"));
    assertEquals(
        List.of("$.NodeId", "$.Trusted", "$.Id", "$.CreatedDate", "$.UseHostNameForLaunch"),
        out.stream().map(Violation::path).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void validate_missingRequiredAndBadEnum_reported() throws Exception {
    List<Violation> out =
        v.validate(
            "NetworkSubnet", json("{\"AddressFamily\":\"IPv4\",\"NetworkPrefixLength\":24}"));
    assertEquals(2, out.size());
    assertEquals("$.NetworkAddress", out.get(0).path());
    assertTrue(out.get(1).message().contains("not one of [Ipv4, Ipv6]"));
  }

  @Test
  void validateArray_itemPathsIndexed() throws Exception {
    List<Violation> out =
        v.validateArray("ManagedNetwork", json("[{\"Name\":\"a\"},{\"Name\":\"\"}]"));
    assertEquals("$[1].Name", out.get(0).path());
    assertEquals("$", v.validateArray("ManagedNetwork", json("{}")).get(0).path());
  }
}
