// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.benchmarks.ShortRun;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.sessionlink.internal.SchemaValidator;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The sessionlink wire codec: reading a {@code GET Cluster/SessionModules} response into typed
 * {@link SessionModuleConnection}s, and encoding plus schema-validating a link request, against the
 * baselines a user would write by hand with a default {@code ObjectMapper} (a tree, or a list of
 * maps, without validation).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JsonCodecBenchmark -rf json}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonCodecBenchmark extends ShortRun {
  /** Connections in the list response. */
  @Param({"1", "100"})
  public int rows;

  private byte[] listResponse;
  private SessionModuleConnection linkRequest;
  private final ObjectMapper plain = new ObjectMapper();

  /** Builds the response body and the request. */
  @Setup
  public void setup() throws IOException {
    List<SessionModuleConnection> list = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      list.add(
          SessionModuleConnection.builder()
              .id(i + 1)
              .nodeId("sps-" + i)
              .description("cluster " + i)
              .spsNetworkAddress("192.0.2." + (i % 250))
              .spsHostName("sps-" + i + ".example")
              .trusted(true)
              .certificateUserId(100 + i)
              .certificateUserThumbprint("A1B2C3D4E5F60718293A4B5C6D7E8F9012345678")
              .certificateUser("SPS-sps-" + i)
              .firmwareVersion("7.5.0")
              .createdDate(Instant.parse("2026-01-02T03:04:05Z"))
              .createdByUserId(7)
              .createdByUserDisplayName("admin")
              .build());
    }
    listResponse = Json.mapper().writeValueAsBytes(list);
    linkRequest = list.get(0).toBuilder().id(null).build();
  }

  /** pamkit: typed read of the list. */
  @Benchmark
  public List<SessionModuleConnection> readTyped() throws IOException {
    return Json.mapper()
        .readValue(listResponse, new TypeReference<List<SessionModuleConnection>>() {});
  }

  /** Baseline: a default ObjectMapper reading a tree. */
  @Benchmark
  public JsonNode readTreeBaseline() throws IOException {
    return plain.readTree(listResponse);
  }

  /** Baseline: a default ObjectMapper reading maps. */
  @Benchmark
  public List<Map<String, Object>> readMapsBaseline() throws IOException {
    return plain.readValue(listResponse, new TypeReference<List<Map<String, Object>>>() {});
  }

  /**
   * pamkit: encode a link request and validate it against the OpenAPI schema, as the client does.
   */
  @Benchmark
  public byte[] writeValidated() throws IOException {
    JsonNode node = Json.mapper().valueToTree(linkRequest);
    if (!SchemaValidator.shipped().validate("SessionModuleConnection", node).isEmpty()) {
      throw new IllegalStateException("invalid");
    }
    return Json.mapper().writeValueAsBytes(node);
  }

  /** Baseline: encode without validation. */
  @Benchmark
  public byte[] writePlainBaseline() throws IOException {
    return Json.mapper().writeValueAsBytes(linkRequest);
  }
}
