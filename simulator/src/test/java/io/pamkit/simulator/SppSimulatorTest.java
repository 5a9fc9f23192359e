// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.SessionConnectionQuery;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.internal.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's request validation, seen by a raw HTTPS client that skips pamkit's checks. */
final class SppSimulatorTest {
  private SppSimulator sim;
  private String token;
  private HttpClient http;

  @BeforeEach
  void start() {
    sim = SppSimulator.builder().build();
    sim.addUser("admin", Secret.of("pw"), AdminRole.APPLIANCE_ADMIN);
    try (SppClient c =
        SimulatorClients.spp(sim, SppAuthentication.password("admin", Secret.of("pw")))
            .logoutOnClose(false)
            .build()) {
      token = c.userToken().reveal();
    }
    http = HttpClient.newBuilder().sslContext(sim.clientSslContext()).build();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("https://" + sim.host() + ":" + sim.port() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void post_misspeltField_fails400With70000NamingIt() throws Exception {
    HttpResponse<String> r =
        send("POST", "/service/core/v4/Cluster/SessionModules", "{\"NodeIdd\":\"sps-a\"}");
    assertEquals(400, r.statusCode());
    JsonNode err = Json.mapper().readTree(r.body());
    assertEquals(70000, err.get("Code").asInt());
    assertTrue(err.get("Message").asText().contains("NodeId"), r.body());
    assertTrue(err.get("ModelState").has("entity.NodeIdd"), r.body());
    assertTrue(
        err.get("ModelState")
            .get("entity.NodeIdd")
            .get(0)
            .asText()
            .contains("did you mean NodeId?"),
        r.body());
    assertTrue(
        err.get("ModelState").has("entity.NodeId"),
        "the required NodeId is missing too: " + r.body());
    assertTrue(sim.storedConnections().isEmpty());
  }

  @Test
  void post_wrongType_fails400With70000() throws Exception {
    HttpResponse<String> r =
        send(
            "POST",
            "/service/core/v4/Cluster/SessionModules",
            "{\"NodeId\":\"a\",\"UseHostNameForLaunch\":\"yes\"}");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("entity.UseHostNameForLaunch"), r.body());
  }

  @Test
  void put_missingBodyAndKeyMismatch_fail60245And60102() throws Exception {
    HttpResponse<String> linked =
        send("POST", "/service/core/v4/Cluster/SessionModules", "{\"NodeId\":\"a\"}");
    int id = Json.mapper().readTree(linked.body()).get("Id").asInt();
    HttpResponse<String> empty = send("PUT", "/service/core/v4/Cluster/SessionModules/" + id, null);
    assertEquals(60245, Json.mapper().readTree(empty.body()).get("Code").asInt());
    HttpResponse<String> mismatch =
        send(
            "PUT",
            "/service/core/v4/Cluster/SessionModules/" + id,
            "{\"Id\":" + (id + 1) + ",\"NodeId\":\"a\"}");
    assertEquals(60102, Json.mapper().readTree(mismatch.body()).get("Code").asInt());
  }

  @Test
  void serviceEnabled_unknownName_fails70008() throws Exception {
    HttpResponse<String> r = send("GET", "/service/core/v4/ServicesConfig/FileCheckEnabled", null);
    assertEquals(400, r.statusCode());
    assertEquals(70008, Json.mapper().readTree(r.body()).get("Code").asInt());
  }

  @Test
  void list_countOption_returnsBareInteger() throws Exception {
    send("POST", "/service/core/v4/Cluster/SessionModules", "{\"NodeId\":\"a\"}");
    send("POST", "/service/core/v4/Cluster/SessionModules", "{\"NodeId\":\"b\"}");
    assertEquals(
        "2", send("GET", "/service/core/v4/Cluster/SessionModules?count=true", null).body());
    assertEquals(
        "1",
        send(
                "GET",
                "/service/core/v4/Cluster/SessionModules?count=true&filter=NodeId%20in%20%5B'a'%5D",
                null)
            .body());
    assertEquals(0, SessionConnectionQuery.defaults().parameters().size());
  }

  @Test
  void noToken_fails401With60094() throws Exception {
    token = "bogus";
    HttpResponse<String> r = send("GET", "/service/core/v4/Cluster/SessionModules", null);
    assertEquals(401, r.statusCode());
    assertEquals(60094, Json.mapper().readTree(r.body()).get("Code").asInt());
  }
}
