// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.ApplianceVersion;
import io.pamkit.sessionlink.AuthorizationException;
import io.pamkit.sessionlink.CheckReport;
import io.pamkit.sessionlink.CheckStatus;
import io.pamkit.sessionlink.JoinPreflight;
import io.pamkit.sessionlink.SessionApplianceException;
import io.pamkit.sessionlink.SessionConnectionQuery;
import io.pamkit.sessionlink.SessionConnectionValueException;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.SpsClient;
import io.pamkit.sessionlink.TlsHostnameMismatchException;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import io.pamkit.sessionlink.model.SpsClusterStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SPS side of the join, SpsClient -> SPS simulator -> SPP simulator, over real HTTPS. */
final class SpsClientTest {
  private SppSimulator spp;
  private SpsSimulator sps;
  private SppClient sppAdmin;
  private SpsClient spsAdmin;

  @BeforeEach
  void start() {
    spp = SppSimulator.builder().build();
    spp.addUser("admin", Secret.of("pw"), AdminRole.APPLIANCE_ADMIN, AdminRole.OPERATIONS_ADMIN);
    spp.addUser("auditor", Secret.of("pw"), AdminRole.AUDITOR);
    sps = SpsSimulator.builder().credentials("admin", Secret.of("sps-pw")).build();
    sppAdmin = sppClient("admin");
    spsAdmin = spsClient("pamkit-sessionlink");
    spsAdmin.login();
  }

  @AfterEach
  void stop() {
    spsAdmin.close();
    sppAdmin.close();
    sps.close();
    spp.close();
  }

  private SppClient sppClient(String user) {
    return SppClient.builder()
        .host(spp.host())
        .port(spp.port())
        .sslContext(spp.clientSslContext())
        .authentication(SppAuthentication.password(user, Secret.of("pw")))
        .build();
  }

  private SpsClient spsClient(String userAgent) {
    return SpsClient.builder()
        .host(sps.host())
        .port(sps.port())
        .sslContext(sps.clientSslContext())
        .credentials("admin", Secret.of("sps-pw"))
        .userAgent(userAgent)
        .build();
  }

  private String sppAddress() {
    return spp.host() + ":" + spp.port();
  }

  @Test
  void join_fullFlow_promotesThenLinks() {
    assertFalse(spsAdmin.clusterStatus().centralManagement());
    SpsClusterStatus status = spsAdmin.ensureCentralManagement();
    assertTrue(status.centralManagement());
    assertTrue(status.clusterEnabled());
    assertEquals(2, sps.transactionCounts()[0], "clustering and the promotion, each committed");
    assertEquals(ApplianceVersion.parse("7.5.0"), spsAdmin.version());

    JsonNode response = spsAdmin.joinSpp(sppAdmin, sppAddress());
    assertTrue(response.path("body").isObject(), "the join's answer is SPS's envelope");
    assertEquals("/api/cluster/spp", response.path("meta").path("href").asText());
    List<SessionModuleConnection> links =
        sppAdmin.sessionConnections(SessionConnectionQuery.defaults());
    assertEquals(1, links.size());
    assertEquals("sps-sim-node", links.get(0).nodeId());
    assertTrue(links.get(0).trusted());
    assertTrue(
        links.get(0).certificateUserPemEncodedCertificate().contains("BEGIN CERTIFICATE"),
        "SPS's CSR was signed");
    assertEquals(links.get(0).id(), sps.connectionId());
    assertEquals(Boolean.TRUE, sppAdmin.status().isSessionModuleJoined());
  }

  @Test
  void preflight_gatheredFromBothSimulators() {
    CheckReport before =
        JoinPreflight.evaluate(
            JoinPreflight.gather(sppAdmin, spsAdmin).build(), java.time.Clock.systemUTC());
    assertEquals(CheckStatus.FAIL, before.check("CENTRAL_MANAGEMENT").orElseThrow().status());
    assertEquals(
        CheckStatus.PASS, before.check("VERSIONS").orElseThrow().status(), before.toString());
    assertEquals(CheckStatus.PASS, before.check("SPP_PRIMARY").orElseThrow().status());
    assertEquals(
        CheckStatus.PASS,
        before.check("CERTIFICATE_NAMES").orElseThrow().status(),
        before.toString());
    assertEquals(CheckStatus.UNKNOWN, before.check("PORT_8649").orElseThrow().status());
    spsAdmin.ensureCentralManagement();
    spp.setReplica(true);
    CheckReport after =
        JoinPreflight.evaluate(
            JoinPreflight.gather(sppAdmin, spsAdmin).build(), java.time.Clock.systemUTC());
    assertEquals(CheckStatus.PASS, after.check("CENTRAL_MANAGEMENT").orElseThrow().status());
    assertEquals(CheckStatus.FAIL, after.check("SPP_PRIMARY").orElseThrow().status());
  }

  @Test
  void join_alreadyLinked_relays60657() {
    spsAdmin.ensureCentralManagement();
    spsAdmin.joinSpp(sppAdmin, sppAddress());
    SessionConnectionValueException e =
        assertThrows(
            SessionConnectionValueException.class, () -> spsAdmin.joinSpp(sppAdmin, sppAddress()));
    assertEquals(60657, e.code());
    assertTrue(e.getMessage().contains("JoinFailed"), e.getMessage());
    assertTrue(e.uri().orElseThrow().getPath().endsWith("/Cluster/SessionModules"));
  }

  @Test
  void relink_afterSoftDelete_reusesConnection() {
    spsAdmin.ensureCentralManagement();
    spsAdmin.joinSpp(sppAdmin, sppAddress());
    int id = sps.connectionId();
    sppAdmin.softDelete(id);
    assertEquals(List.of(), sppAdmin.sessionConnections(SessionConnectionQuery.defaults()));
    JsonNode r = spsAdmin.relinkSpp(sppAddress(), sppAdmin.userToken(), spp.certificateChainPem());
    assertTrue(r.path("body").isObject(), "the answer is SPS's envelope");
    assertEquals(id, sps.connectionId());
    assertEquals(id, sppAdmin.sessionConnections(SessionConnectionQuery.defaults()).get(0).id());
    assertTrue(sppAdmin.sessionConnections(SessionConnectionQuery.defaults()).get(0).trusted());
  }

  @Test
  void join_notCentralManagement_failsWithRemedy() {
    SessionApplianceException e =
        assertThrows(
            SessionApplianceException.class, () -> spsAdmin.joinSpp(sppAdmin, sppAddress()));
    assertEquals("NotCentralManagement", e.errorType());
    assertTrue(e.resolution().orElseThrow().contains("ensureCentralManagement"));
  }

  @Test
  void join_tokenWithoutRights_relays60108() {
    spsAdmin.ensureCentralManagement();
    try (SppClient auditor = sppClient("auditor")) {
      AuthorizationException e =
          assertThrows(AuthorizationException.class, () -> spsAdmin.joinSpp(auditor, sppAddress()));
      assertEquals(60108, e.code());
      assertEquals(403, e.httpStatus());
    }
  }

  @Test
  void join_addressNotInCertificate_saysWhichAddressToUse() {
    try (SppSimulator dnsOnly =
        SppSimulator.builder().certificateNames(List.of("localhost")).build()) {
      dnsOnly.addUser("admin", Secret.of("pw"), AdminRole.APPLIANCE_ADMIN);
      spsAdmin.ensureCentralManagement();
      try (SppClient c =
          SppClient.builder()
              .host(dnsOnly.host())
              .port(dnsOnly.port())
              .sslContext(dnsOnly.clientSslContext())
              .authentication(SppAuthentication.password("admin", Secret.of("pw")))
              .build()) {
        TlsHostnameMismatchException e =
            assertThrows(
                TlsHostnameMismatchException.class,
                () ->
                    spsAdmin.joinSpp(
                        "127.0.0.1:" + dnsOnly.port(),
                        c.userToken(),
                        dnsOnly.certificateChainPem()));
        assertEquals("127.0.0.1", e.address());
        assertEquals("localhost", e.suggestedAddress().orElseThrow());
      }
    }
  }

  @Test
  void browserUserAgent_sendsXToken_rawRequestWithoutItRefused() throws Exception {
    try (SpsClient browser = spsClient("Mozilla/5.0 (X11; Linux x86_64)")) {
      browser.login();
      assertTrue(browser.ensureCentralManagement().centralManagement());
    }
    HttpClient raw =
        HttpClient.newBuilder()
            .sslContext(sps.clientSslContext())
            .cookieHandler(new java.net.CookieManager())
            .build();
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString("admin:sps-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    URI base = URI.create("https://" + sps.host() + ":" + sps.port());
    raw.send(
        HttpRequest.newBuilder(base.resolve("/api/authentication"))
            .header("Authorization", "Basic " + basic)
            .build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> r =
        raw.send(
            HttpRequest.newBuilder(base.resolve("/api/transaction"))
                .header("User-Agent", "Mozilla/5.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("XTokenMissing"));
  }

  @Test
  void transaction_closedUncommitted_rollsBack() {
    SpsClient.Transaction tx = spsAdmin.openTransaction();
    assertTrue(sps.transactionOpen());
    tx.close();
    tx.close();
    assertFalse(sps.transactionOpen());
    assertEquals(1, sps.transactionCounts()[1]);
    assertFalse(sps.clusterEnabled());
  }

  @Test
  void login_wrongPassword_refused() {
    try (SpsClient wrong =
        SpsClient.builder()
            .host(sps.host())
            .port(sps.port())
            .sslContext(sps.clientSslContext())
            .credentials("admin", Secret.of("nope"))
            .build()) {
      AuthorizationException e = assertThrows(AuthorizationException.class, wrong::login);
      assertEquals(401, e.httpStatus());
      assertFalse(e.getMessage().contains("nope"));
    }
  }

  @Test
  void join_rejectsIpv6Address() {
    assertThrows(
        IllegalArgumentException.class,
        () -> spsAdmin.joinSpp("2001:db8::1", Secret.of("t"), spp.certificateChainPem()));
  }
}
