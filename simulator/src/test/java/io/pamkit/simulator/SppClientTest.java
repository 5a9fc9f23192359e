// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.cert.Certificates;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.ApplianceErrorException;
import io.pamkit.sessionlink.AuthorizationException;
import io.pamkit.sessionlink.LinkTransportException;
import io.pamkit.sessionlink.LoginFailedException;
import io.pamkit.sessionlink.NotFoundException;
import io.pamkit.sessionlink.NotPrimaryException;
import io.pamkit.sessionlink.RequestValidationException;
import io.pamkit.sessionlink.SessionConnectionQuery;
import io.pamkit.sessionlink.SessionConnectionValueException;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.SpsClient;
import io.pamkit.sessionlink.TlsException;
import io.pamkit.sessionlink.TlsHostnameMismatchException;
import io.pamkit.sessionlink.model.ApplianceStatus;
import io.pamkit.sessionlink.model.ManagedNetwork;
import io.pamkit.sessionlink.model.NetworkAddressFamily;
import io.pamkit.sessionlink.model.NetworkMember;
import io.pamkit.sessionlink.model.NetworkSubnet;
import io.pamkit.sessionlink.model.ProductVersion;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import io.pamkit.sessionlink.model.SessionModuleConnectionPolicy;
import io.pamkit.sessionlink.model.SessionModuleConnectionProtocol;
import io.pamkit.sessionlink.model.SessionPolicyCapabilities;
import io.pamkit.simulator.internal.CertificateAuthority;
import io.pamkit.testing.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SppClient against the SPP simulator over real HTTPS. */
final class SppClientTest {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-23T08:00:00Z"));
  private SppSimulator sim;
  private SppClient admin;

  @BeforeEach
  void start() {
    sim = SppSimulator.builder().clock(clock).build();
    sim.addUser("admin", Secret.of("Adm1n!pw"), AdminRole.APPLIANCE_ADMIN, AdminRole.POLICY_ADMIN);
    sim.addUser("auditor", Secret.of("Aud1t!pw"), AdminRole.AUDITOR);
    sim.addUser("appliance", Secret.of("App1!pw"), AdminRole.APPLIANCE_ADMIN);
    admin = client("admin", "Adm1n!pw").build();
  }

  @AfterEach
  void stop() {
    admin.close();
    sim.close();
  }

  private SppClient.Builder client(String user, String password) {
    return SimulatorClients.spp(sim, SppAuthentication.password(user, Secret.of(password)))
        .clock(clock)
        .retryBackoff(Duration.ZERO);
  }

  private static SessionModuleConnection sps(String nodeId) {
    return SimulatorClients.sps(nodeId).toBuilder().description("cluster " + nodeId).build();
  }

  @Test
  void link_newNode_isListedTrustedWithId() {
    SessionModuleConnection linked = admin.link(sps("sps-a"));
    assertNotNull(linked.id());
    assertTrue(linked.trusted());
    assertNotNull(linked.certificateUserThumbprint());
    assertEquals("sps-a.example", linked.spsHostName());
    assertEquals(linked, admin.sessionConnection(linked.id()));
    assertEquals(List.of(linked), admin.sessionConnections(SessionConnectionQuery.defaults()));
  }

  @Test
  void link_withCsr_returnsCertificateSignedBySimulatorCa() throws Exception {
    String csr = CertificateAuthority.newCsr("sps-csr");
    SessionModuleConnection linked =
        admin.link(sps("sps-csr").toBuilder().certificateUserCsr(csr).build());
    var cert =
        Certificates.read(
            linked.certificateUserPemEncodedCertificate().getBytes(StandardCharsets.US_ASCII));
    cert.verify(sim.caCertificate().getPublicKey());
    assertEquals(CertificateAuthority.thumbprint(cert), linked.certificateUserThumbprint());
    assertTrue(linked.sppSslPemEncodedCertificateChain().contains("BEGIN CERTIFICATE"));
  }

  @Test
  void link_duplicateLiveNodeId_failsWith60657AndResolution() {
    admin.link(sps("sps-a"));
    SessionConnectionValueException e =
        assertThrows(SessionConnectionValueException.class, () -> admin.link(sps("sps-a")));
    assertEquals(60657, e.code());
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().contains("NodeId"), e.getMessage());
    assertTrue(e.resolution().orElseThrow().contains("includeDisconnected=true"));
  }

  @Test
  void link_onReplica_failsWith60418() {
    sim.setReplica(true);
    NotPrimaryException e = assertThrows(NotPrimaryException.class, () -> admin.link(sps("sps-a")));
    assertEquals(60418, e.code());
    assertEquals(403, e.httpStatus());
    assertTrue(e.resolution().orElseThrow().contains("primary"));
    assertFalse(admin.status().isPrimary());
  }

  @Test
  void link_withoutApplianceAdmin_failsWith60108() {
    try (SppClient auditor = client("auditor", "Aud1t!pw").build()) {
      assertEquals(List.of(), auditor.sessionConnections(SessionConnectionQuery.defaults()));
      AuthorizationException e =
          assertThrows(AuthorizationException.class, () -> auditor.link(sps("sps-a")));
      assertEquals(60108, e.code());
      assertEquals(403, e.httpStatus());
      assertFalse(e.tokenRejected());
      assertTrue(e.resolution().orElseThrow().contains("Appliance and Operations"));
    }
  }

  @Test
  void link_invalidValues_failBeforeSendingNamingTheField() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> admin.link(SessionModuleConnection.builder().nodeId("").build()));
    assertEquals("$.NodeId", e.violations().get(0).path());
    ValidationException tooLong =
        assertThrows(
            ValidationException.class,
            () -> admin.link(sps("x").toBuilder().description("d".repeat(256)).build()));
    assertEquals("$.Description", tooLong.violations().get(0).path());
    assertTrue(tooLong.getMessage().contains("at most 255"));
    assertEquals(0, sim.requestCount("POST", "Cluster/SessionModules"));
  }

  @Test
  void softDelete_hidesUnlessIncludeDisconnected_andRelinkReusesRow() {
    SessionModuleConnection linked = admin.link(sps("sps-a"));
    admin.softDelete(linked.id());
    assertEquals(List.of(), admin.sessionConnections(SessionConnectionQuery.defaults()));
    List<SessionModuleConnection> all =
        admin.sessionConnections(
            SessionConnectionQuery.builder().includeDisconnected(true).build());
    assertEquals(1, all.size());
    assertNull(all.get(0).certificateUserThumbprint());
    assertFalse(all.get(0).trusted());
    assertEquals(
        List.of(linked.id()),
        admin.splitSessionConnections().stream()
            .map(SessionModuleConnection::id)
            .collect(Collectors.toList()));

    SessionModuleConnection relinked =
        admin.link(
            sps("sps-a").toBuilder().description(null).spsNetworkAddress("192.0.2.11").build());
    assertEquals(linked.id(), relinked.id());
    assertEquals("cluster sps-a", relinked.description());
    assertEquals("192.0.2.11", relinked.spsNetworkAddress());
    assertTrue(relinked.trusted());
    assertEquals(1, sim.storedConnections().size());
    assertEquals(List.of(), admin.splitSessionConnections());
  }

  @Test
  void hardDelete_linked_deletesTwiceAndRemoves() {
    SessionModuleConnection linked = admin.link(sps("sps-a"));
    assertEquals(2, admin.hardDelete(linked.id()));
    assertEquals(0, sim.storedConnections().size());
    assertThrows(NotFoundException.class, () -> admin.sessionConnection(linked.id()));
    assertEquals(2, sim.requestCount("DELETE", "Cluster/SessionModules/" + linked.id()));
    SessionModuleConnection fresh = admin.link(sps("sps-a"));
    assertFalse(fresh.id().equals(linked.id()), "a hard delete forgets the row");
  }

  @Test
  void hardDelete_alreadySoftDeleted_deletesOnce() {
    SessionModuleConnection linked = admin.link(sps("sps-a"));
    admin.softDelete(linked.id());
    assertTrue(sim.isDisconnected(linked.id()));
    assertEquals(1, admin.hardDelete(linked.id()));
    assertTrue(sim.storedConnections().isEmpty());
  }

  @Test
  void hardDelete_unknown_isNotFound() {
    assertThrows(NotFoundException.class, () -> admin.hardDelete(42));
  }

  @Test
  void sessionConnection_unknown_isNotFound() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> admin.sessionConnection(999));
    assertEquals(404, e.httpStatus());
  }

  @Test
  void editSessionConnection_changesEditableFields() {
    SessionModuleConnection linked = admin.link(sps("sps-a"));
    SessionModuleConnection edited =
        admin.editSessionConnection(
            linked.id(), "20 on cluster - 172 primary node", "192.0.2.99", true);
    assertEquals("20 on cluster - 172 primary node", edited.description());
    assertEquals("192.0.2.99", edited.spsNetworkAddress());
    assertTrue(edited.useHostNameForLaunch());
    assertEquals(linked.nodeId(), edited.nodeId());
    assertEquals(edited, admin.sessionConnection(linked.id()));
  }

  @Test
  void updateSessionConnection_changedNodeId_failsWith60657() {
    SessionModuleConnection linked = admin.link(sps("sps-a"));
    assertThrows(
        SessionConnectionValueException.class,
        () -> admin.updateSessionConnection(linked.toBuilder().nodeId("other").build()));
  }

  @Test
  void sessionConnections_queryOptions_filterOrderPageFields() {
    admin.link(sps("sps-b"));
    admin.link(sps("sps-a"));
    admin.link(sps("sps-c").toBuilder().spsNetworkAddress("198.51.100.7").build());
    List<SessionModuleConnection> filtered =
        admin.sessionConnections(
            SessionConnectionQuery.builder()
                .filter("(SpsHostName eq 'sps-a.example') or (SpsNetworkAddress eq '198.51.100.7')")
                .orderBy("NodeId")
                .build());
    assertEquals(
        List.of("sps-a", "sps-c"),
        filtered.stream().map(SessionModuleConnection::nodeId).collect(Collectors.toList()));
    List<SessionModuleConnection> page =
        admin.sessionConnections(
            SessionConnectionQuery.builder()
                .orderBy("-NodeId")
                .page(1)
                .limit(1)
                .fields("Id,NodeId")
                .build());
    assertEquals(1, page.size());
    assertEquals("sps-b", page.get(0).nodeId());
    assertNull(page.get(0).spsHostName());
    assertEquals(
        1, admin.sessionConnections(SessionConnectionQuery.builder().q("sps-a").build()).size());
    assertEquals(
        3,
        admin.countSessionConnections(SessionConnectionQuery.builder().page(0).limit(1).build()));
    admin.softDelete(filtered.get(0).id());
    assertEquals(2, admin.countSessionConnections(SessionConnectionQuery.defaults()));
    assertEquals(
        3,
        admin.countSessionConnections(
            SessionConnectionQuery.builder().includeDisconnected(true).build()));
  }

  @Test
  void sessionConnections_badQuery_failsWith7000xCodes() {
    RequestValidationException f =
        assertThrows(
            RequestValidationException.class,
            () ->
                admin.sessionConnections(
                    SessionConnectionQuery.builder().filter("HostName eq 'x'").build()));
    assertEquals(70009, f.code());
    RequestValidationException o =
        assertThrows(
            RequestValidationException.class,
            () ->
                admin.sessionConnections(
                    SessionConnectionQuery.builder().orderBy("Bogus").build()));
    assertEquals(70001, o.code());
    RequestValidationException fl =
        assertThrows(
            RequestValidationException.class,
            () ->
                admin.sessionConnections(
                    SessionConnectionQuery.builder().fields("Id,Thumbprint").build()));
    assertEquals(70002, fl.code());
    assertTrue(fl.resolution().isPresent());
  }

  @Test
  void policiesMembersAndManagedNetworks_roundTrip() {
    SessionModuleConnection linked = admin.link(sps("sps-a"));
    SessionModuleConnectionPolicy ssh =
        SessionModuleConnectionPolicy.builder()
            .id("pol-1")
            .name("safeguard_ssh")
            .protocol(SessionModuleConnectionProtocol.SSH)
            .spsNetworkAddress("192.0.2.10")
            .spsNetworkPort("22")
            .policyCapabilities(List.of(SessionPolicyCapabilities.SPP_INITIATED))
            .build();
    SessionModuleConnectionPolicy rdp =
        ssh.toBuilder()
            .id("pol-2")
            .name("safeguard_rdp")
            .protocol(SessionModuleConnectionProtocol.RDP)
            .build();
    sim.addConnectionPolicy(linked.id(), ssh);
    sim.addConnectionPolicy(linked.id(), rdp);
    assertEquals(
        List.of("pol-1"),
        admin.connectionPolicies(null, false).stream()
            .map(SessionModuleConnectionPolicy::id)
            .collect(Collectors.toList()));
    assertEquals(
        List.of("pol-2"),
        admin.connectionPolicies(linked.id(), SessionModuleConnectionProtocol.RDP, true).stream()
            .map(SessionModuleConnectionPolicy::id)
            .collect(Collectors.toList()));
    SessionModuleConnectionPolicy one =
        admin.connectionPolicy(linked.id(), "pol-2", SessionModuleConnectionProtocol.RDP);
    assertEquals(linked.id(), one.sessionModuleConnectionId());
    assertThrows(NotFoundException.class, () -> admin.connectionPolicy(linked.id(), "nope", null));

    sim.addMember(
        linked.id(),
        NetworkMember.builder()
            .id("node-2")
            .name("sps-a-2")
            .ipv4Address("192.0.2.12")
            .isSessionMember(true)
            .build());
    assertEquals(2, admin.members().size());
    assertEquals(
        List.of("sps-a", "node-2"),
        admin.members(linked.id()).stream().map(NetworkMember::id).collect(Collectors.toList()));
    assertEquals("sps-a-2", admin.member(linked.id(), "node-2").name());

    ManagedNetwork lab =
        ManagedNetwork.builder()
            .name("Lab")
            .subnets(
                List.of(
                    NetworkSubnet.builder()
                        .addressFamily(NetworkAddressFamily.IPV4)
                        .networkAddress("10.1.0.0")
                        .networkPrefixLength(16)
                        .build()))
            .build();
    ManagedNetwork dmz = ManagedNetwork.builder().name("DMZ").build();
    assertEquals(
        List.of("sps-a"), ids(admin.setManagedNetworks(linked.id(), "sps-a", List.of(lab))));
    admin.changeManagedNetworks(linked.id(), "node-2", true, List.of(lab, dmz));
    assertEquals(List.of("sps-a", "node-2"), ids(admin.managedNetworks(linked.id(), "sps-a")));
    admin.changeManagedNetworks(linked.id(), "node-2", false, List.of(lab));
    assertEquals(List.of("sps-a"), ids(admin.managedNetworks(linked.id(), "sps-a")));
    ValidationException nameless =
        assertThrows(
            ValidationException.class,
            () ->
                admin.setManagedNetworks(
                    linked.id(), "sps-a", List.of(ManagedNetwork.builder().build())));
    assertEquals("$[0].Name", nameless.violations().get(0).path());
  }

  private static List<String> ids(List<NetworkMember> members) {
    return members.stream().map(NetworkMember::id).collect(Collectors.toList());
  }

  @Test
  void switches_readAndWrite() {
    assertFalse(admin.accessRequestBroker());
    assertTrue(admin.setAccessRequestBroker(true));
    assertTrue(admin.accessRequestBroker());
    assertFalse(admin.auditLogStreamService());
    assertTrue(admin.setAuditLogStreamService(true));

    ServiceState config = admin.servicesConfig();
    assertEquals(ServiceState.defaults(), config);
    ServiceState off =
        admin.updateServicesConfig(
            config.toBuilder().enabled(Service.SESSION_REQUESTS_ENABLED, false).build());
    assertFalse(off.isEnabled(Service.SESSION_REQUESTS_ENABLED));
    assertFalse(admin.serviceEnabled(Service.SESSION_REQUESTS_ENABLED));
    assertTrue(admin.setServiceEnabled(Service.SESSION_REQUESTS_ENABLED, true));
    assertTrue(admin.servicesConfig().isEnabled(Service.SESSION_REQUESTS_ENABLED));
    assertThrows(
        IllegalArgumentException.class, () -> admin.serviceEnabled(Service.FILE_CHECK_ENABLED));
  }

  @Test
  void setAccessRequestBroker_withoutPolicyAdmin_failsWith60108() {
    try (SppClient appliance = client("appliance", "App1!pw").build()) {
      AuthorizationException e =
          assertThrows(AuthorizationException.class, () -> appliance.setAccessRequestBroker(true));
      assertEquals(60108, e.code());
      assertTrue(appliance.setAuditLogStreamService(true));
    }
  }

  @Test
  void versionAndStatus_areAnonymous() {
    try (SppClient anonymous =
        SimulatorClients.spp(sim, SppAuthentication.token(Secret.of("not-a-token"))).build()) {
      ProductVersion v = anonymous.version();
      assertEquals(7, v.major());
      assertEquals(5, v.minor());
      ApplianceStatus s = anonymous.status();
      assertTrue(s.isPrimary());
      assertEquals(Boolean.FALSE, s.isSessionModuleJoined());
      assertEquals("7.5.0.21662", s.applianceVersion());
    }
    admin.link(sps("sps-a"));
    assertEquals(Boolean.TRUE, admin.status().isSessionModuleJoined());
    assertTrue(admin.status().isSessionsExternal());
  }

  @Test
  void token_renewedBeforeExpiry_noFailureAfterADay() {
    admin.sessionConnections(SessionConnectionQuery.defaults());
    assertEquals(1, sim.loginCount());
    assertEquals(clock.instant().plus(Duration.ofDays(1)), admin.tokenExpiry().orElseThrow());
    clock.advance(Duration.ofHours(23).plusMinutes(55));
    admin.sessionConnections(SessionConnectionQuery.defaults());
    assertEquals(2, sim.loginCount());
    assertEquals(1, sim.logoutCount(), "the old token is logged out");
    assertEquals(1, sim.activeTokenCount());
    clock.advance(Duration.ofHours(30));
    admin.link(sps("sps-late"));
    assertEquals(3, sim.loginCount());
  }

  @Test
  void token_revokedOnAppliance_clientLogsInAgainOnce() {
    admin.sessionConnections(SessionConnectionQuery.defaults());
    sim.revokeAllTokens();
    assertEquals(List.of(), admin.sessionConnections(SessionConnectionQuery.defaults()));
    assertEquals(2, sim.loginCount());
  }

  @Test
  void issuedToken_expired_failsWith60094() {
    Secret token = admin.userToken();
    try (SppClient issued =
        SimulatorClients.spp(sim, SppAuthentication.token(token)).clock(clock).build()) {
      assertEquals(List.of(), issued.sessionConnections(SessionConnectionQuery.defaults()));
      clock.advance(Duration.ofDays(1).plusMinutes(1));
      AuthorizationException e =
          assertThrows(
              AuthorizationException.class,
              () -> issued.sessionConnections(SessionConnectionQuery.defaults()));
      assertEquals(60094, e.code());
      assertEquals(401, e.httpStatus());
      assertTrue(e.tokenRejected());
      assertFalse(e.getMessage().contains(token.reveal()), "the token never appears in a message");
    }
    assertEquals(1, sim.loginCount());
  }

  @Test
  void close_logsOut() {
    admin.sessionConnections(SessionConnectionQuery.defaults());
    admin.close();
    assertEquals(1, sim.logoutCount());
    assertEquals(0, sim.activeTokenCount());
    assertThrows(
        IllegalStateException.class,
        () -> admin.sessionConnections(SessionConnectionQuery.defaults()));
  }

  @Test
  void login_certificate_clientCredentialsGrant() {
    javax.net.ssl.SSLContext ctx =
        sim.issueCertificateUser("sps-certuser", AdminRole.APPLIANCE_ADMIN);
    try (SppClient cert =
        SppClient.builder()
            .host(sim.host())
            .port(sim.port())
            .sslContext(ctx)
            .authentication(SppAuthentication.certificate())
            .build()) {
      assertNotNull(cert.link(sps("sps-cert")).id());
    }
    try (SppClient noCert = SimulatorClients.spp(sim, SppAuthentication.certificate()).build()) {
      assertThrows(LoginFailedException.class, noCert::login);
    }
  }

  @Test
  void apiV3Appliance_fallsBackFromV4() {
    try (SppSimulator old = SppSimulator.builder().maxApiVersion(3).build()) {
      old.addUser("admin", Secret.of("pw"), AdminRole.APPLIANCE_ADMIN);
      try (SppClient c =
          SppClient.builder()
              .host(old.host())
              .port(old.port())
              .sslContext(old.clientSslContext())
              .authentication(SppAuthentication.password("admin", Secret.of("pw")))
              .build()) {
        assertEquals(7, c.version().major());
        assertEquals(3, c.apiVersion());
        SessionModuleConnection linked = c.link(sps("sps-v3"));
        assertEquals(linked, c.sessionConnection(linked.id()));
        assertEquals(1, old.requestCount("POST", "/service/core/v3/Cluster/SessionModules"));
      }
    }
  }

  @Test
  void get_retriedOn503_postNeverRetried() {
    sim.failNext("Cluster/SessionModules", 503, 2);
    admin.login();
    assertEquals(List.of(), admin.sessionConnections(SessionConnectionQuery.defaults()));
    assertEquals(3, sim.requestCount("GET", "Cluster/SessionModules"));
    sim.failNext("Cluster/SessionModules", 503, 1);
    ApplianceErrorException e =
        assertThrows(ApplianceErrorException.class, () -> admin.link(sps("sps-a")));
    assertEquals(503, e.httpStatus());
    assertEquals(1, sim.requestCount("POST", "Cluster/SessionModules"));
    sim.failNext("Cluster/SessionModules", 503, 3);
    assertThrows(
        ApplianceErrorException.class,
        () -> admin.sessionConnections(SessionConnectionQuery.defaults()));
  }

  @Test
  void tls_hostNameMismatch_saysWhichAddressToUse() {
    try (SppSimulator dnsOnly =
        SppSimulator.builder().certificateNames(List.of("localhost")).build()) {
      dnsOnly.addUser("admin", Secret.of("pw"), AdminRole.APPLIANCE_ADMIN);
      try (SppClient byIp =
          SppClient.builder()
              .host("127.0.0.1")
              .port(dnsOnly.port())
              .sslContext(dnsOnly.clientSslContext())
              .authentication(SppAuthentication.password("admin", Secret.of("pw")))
              .build()) {
        TlsHostnameMismatchException e =
            assertThrows(TlsHostnameMismatchException.class, byIp::version);
        assertEquals(List.of("localhost"), e.certificateNames());
        assertEquals("localhost", e.suggestedAddress().orElseThrow());
        assertTrue(
            e.getMessage()
                .contains("only the DNS name localhost; use that host name instead of 127.0.0.1"),
            e.getMessage());
        assertTrue(e.getMessage().contains("five minutes"), e.getMessage());
      }
    }
  }

  @Test
  void tls_untrustedCertificate_failsWithoutFallback() {
    try (SppClient untrusted =
        SppClient.builder()
            .host(sim.host())
            .port(sim.port())
            .authentication(SppAuthentication.password("admin", Secret.of("Adm1n!pw")))
            .build()) {
      TlsException e = assertThrows(TlsException.class, untrusted::version);
      assertFalse(e instanceof TlsHostnameMismatchException);
      assertTrue(e.resolution().orElseThrow().contains("never turned off"));
    }
  }

  @Test
  void transport_closedPort_isLinkTransportException() {
    int port = sim.port();
    sim.close();
    try (SppClient c =
        client("admin", "Adm1n!pw")
            .port(port)
            .maxRetries(1)
            .connectTimeout(Duration.ofSeconds(2))
            .build()) {
      LinkTransportException e = assertThrows(LinkTransportException.class, c::version);
      assertEquals(0, e.httpStatus());
      assertFalse(e instanceof TlsException);
    }
  }

  @Test
  void requestTimeout_slowAppliance_isTransportFailure() {
    try (SppClient impatient =
        client("admin", "Adm1n!pw").requestTimeout(Duration.ofMillis(300)).maxRetries(0).build()) {
      impatient.login();
      sim.delayNext("Cluster/SessionModules", Duration.ofSeconds(3));
      LinkTransportException e =
          assertThrows(
              LinkTransportException.class,
              () -> impatient.sessionConnections(SessionConnectionQuery.defaults()));
      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
      assertTrue(e.getCause() instanceof java.net.http.HttpTimeoutException);
    }
  }

  @Test
  void builder_hostFollowsTheApplianceAddressRules() {
    IllegalArgumentException bare =
        assertThrows(IllegalArgumentException.class, () -> SppClient.builder().host("2001:db8::1"));
    assertTrue(bare.getMessage().contains("2001:db8::1"), bare.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SpsClient.builder().host("sps cm"));
    assertThrows(IllegalArgumentException.class, () -> SpsClient.builder().host(""));
    SppClient.builder().host("[2001:db8::1]");
    SpsClient.builder().host("192.0.2.10");
  }

  @Test
  void builder_rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> SppClient.builder().host("https://spp/"));
    assertThrows(IllegalArgumentException.class, () -> SppClient.builder().port(0));
    assertThrows(
        IllegalArgumentException.class, () -> SppClient.builder().userAgent("a\r\nX-Evil: 1"));
    assertThrows(IllegalStateException.class, () -> SppClient.builder().host("spp").build());
    assertThrows(
        IllegalArgumentException.class, () -> SppAuthentication.password("a b", Secret.of("x")));
    assertFalse(
        SppAuthentication.password("admin", Secret.of("hunter2")).toString().contains("hunter2"));
  }
}
