// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.AlreadySoftDeletedException;
import io.pamkit.sessionlink.AuthorizationException;
import io.pamkit.sessionlink.DeviceCodeInstructions;
import io.pamkit.sessionlink.LinkTransportException;
import io.pamkit.sessionlink.LoginFailedException;
import io.pamkit.sessionlink.LoginFailedException.Reason;
import io.pamkit.sessionlink.SecondFactorChallenge;
import io.pamkit.sessionlink.SecondFactorPrompt;
import io.pamkit.sessionlink.SessionConnectionQuery;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.model.LoginResponse;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import io.pamkit.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every login kind of SppClient against the SPP simulator over HTTPS, with the simulator at the
 * appliance's defaults (resource owner grant off), plus token renewal under concurrency and the
 * delete that cannot go wrong.
 */
final class SppLoginTest {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-23T08:00:00Z"));
  private SppSimulator sim;

  @BeforeEach
  void start() {
    sim =
        SppSimulator.builder()
            .clock(clock)
            .deviceCodeGrantEnabled(true)
            .deviceCodeInterval(0)
            .build();
    sim.addUser("admin", Secret.of("Adm1n!pw"), AdminRole.APPLIANCE_ADMIN, AdminRole.POLICY_ADMIN);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private SppClient.Builder client(SppAuthentication auth) {
    return SimulatorClients.spp(sim, auth).clock(clock).retryBackoff(Duration.ZERO);
  }

  private static SessionModuleConnection sps(String nodeId) {
    return SimulatorClients.sps(nodeId);
  }

  // ------------------------------------------------------------------ PKCE

  @Test
  void password_default_logsInByPkceWithTheResourceOwnerGrantOff() {
    try (SppClient c = client(SppAuthentication.password("admin", Secret.of("Adm1n!pw"))).build()) {
      LoginResponse r = c.login();
      assertNotNull(r.userToken());
      assertFalse(r.toString().contains(r.userToken()), "the token never appears in toString");
      assertTrue(r.toString().contains("******"));
      assertNotNull(c.link(sps("sps-a")).id());
    }
    assertEquals(
        3, sim.requestCount("POST", "/RSTS/UserLogin/LoginController"), "steps 1, 3 and 6");
    assertEquals(1, sim.requestCount("POST", "/RSTS/oauth2/token"));
  }

  @Test
  void password_wrong_isRefusedWithTheApplianceText() {
    try (SppClient c = client(SppAuthentication.password("admin", Secret.of("nope"))).build()) {
      LoginFailedException e = assertThrows(LoginFailedException.class, c::login);
      assertEquals(Reason.CREDENTIALS_REFUSED, e.reason());
      assertTrue(e.getMessage().contains("Invalid password."), e.getMessage());
      assertFalse(e.getMessage().contains("nope"));
      assertEquals(0, sim.requestCount("POST", "/RSTS/oauth2/token"));
    }
  }

  @Test
  void secondFactor_withoutPrompt_failsSayingItIsNeeded() {
    sim.requireSecondFactor("admin", Secret.of("123456"));
    try (SppClient c = client(SppAuthentication.password("admin", Secret.of("Adm1n!pw"))).build()) {
      LoginFailedException e = assertThrows(LoginFailedException.class, c::login);
      assertEquals(Reason.SECOND_FACTOR_REQUIRED, e.reason());
      assertTrue(e.resolution().orElseThrow().contains("PAMKIT_OTP"));
    }
  }

  @Test
  void secondFactor_rightCode_logsInThroughSteps7And5() {
    sim.requireSecondFactor("admin", Secret.of("123456"));
    AtomicReference<SecondFactorChallenge> asked = new AtomicReference<>();
    SecondFactorPrompt prompt =
        ch -> {
          asked.set(ch);
          return Secret.of("123456");
        };
    try (SppClient c =
        client(SppAuthentication.pkce("admin", Secret.of("Adm1n!pw"), "local", prompt)).build()) {
      assertNotNull(c.link(sps("sps-2fa")).id());
    }
    assertEquals("pamkit-simulator-otp", asked.get().secondaryProviderId());
    assertTrue(asked.get().message().contains("one-time password"));
    assertEquals(
        5, sim.requestCount("POST", "/RSTS/UserLogin/LoginController"), "steps 1, 3, 7, 5 and 6");
  }

  @Test
  void secondFactor_wrongCode_isRefused() {
    sim.requireSecondFactor("admin", Secret.of("123456"));
    try (SppClient c =
        client(
                SppAuthentication.pkce(
                    "admin",
                    Secret.of("Adm1n!pw"),
                    "local",
                    SecondFactorPrompt.fixed(Secret.of("000000"))))
            .build()) {
      LoginFailedException e = assertThrows(LoginFailedException.class, c::login);
      assertEquals(Reason.SECOND_FACTOR_REFUSED, e.reason());
      assertEquals(203, e.httpStatus());
      assertTrue(e.getMessage().contains("not valid"), e.getMessage());
      assertFalse(e.getMessage().contains("000000"));
      assertEquals(0, sim.requestCount("POST", "/RSTS/oauth2/token"));
    }
  }

  @Test
  void directoryProvider_isResolvedByName() {
    sim.addIdentityProvider("example.com", "ad-example-1");
    sim.addUser("ad-example-1", "jdoe", Secret.of("Dir3ct!"), AdminRole.APPLIANCE_ADMIN);
    try (SppClient c =
        client(SppAuthentication.password("jdoe", Secret.of("Dir3ct!"), "example.com")).build()) {
      assertNotNull(c.login().userToken());
    }
    try (SppClient c =
        client(SppAuthentication.password("jdoe", Secret.of("Dir3ct!"), "nowhere")).build()) {
      LoginFailedException e = assertThrows(LoginFailedException.class, c::login);
      assertTrue(
          e.resolution().orElseThrow().contains("example.com (ad-example-1)"),
          e.resolution().orElseThrow());
    }
  }

  // ------------------------------------------------------------------ resource owner

  @Test
  void resourceOwner_refusedByDefault_namesGrantSettingAndPkce() {
    try (SppClient c =
        client(SppAuthentication.resourceOwner("admin", Secret.of("Adm1n!pw"))).build()) {
      LoginFailedException e = assertThrows(LoginFailedException.class, c::login);
      assertEquals(Reason.GRANT_DISABLED, e.reason());
      assertEquals(400, e.httpStatus());
      assertTrue(e.getMessage().contains("ResourceOwner"), e.getMessage());
      assertTrue(e.getMessage().contains("disabled on the appliance"), e.getMessage());
      assertTrue(e.getMessage().contains("Allowed OAuth2 Grant Types"), e.getMessage());
      assertTrue(e.resolution().orElseThrow().contains("PKCE"), e.resolution().orElseThrow());
    }
  }

  @Test
  void resourceOwner_whenAllowed_logsIn() {
    try (SppSimulator open = SppSimulator.builder().resourceOwnerGrantEnabled(true).build()) {
      open.addUser("admin", Secret.of("pw"), AdminRole.APPLIANCE_ADMIN);
      try (SppClient c =
          SppClient.builder()
              .host(open.host())
              .port(open.port())
              .sslContext(open.clientSslContext())
              .authentication(SppAuthentication.resourceOwner("admin", Secret.of("pw")))
              .build()) {
        assertNotNull(c.link(sps("sps-rog")).id());
      }
      assertEquals(0, open.requestCount("POST", "/RSTS/UserLogin/LoginController"));
    }
  }

  // ------------------------------------------------------------------ certificate

  @Test
  void certificate_fromPkcs12AndPem_clientCredentials() {
    KeyMaterial issued = sim.issueCertificateUserKey("certuser", AdminRole.APPLIANCE_ADMIN);
    KeyMaterial fromP12 =
        KeyMaterial.fromPkcs12(issued.toPkcs12(Secret.of("p12pw")), Secret.of("p12pw"));
    KeyMaterial fromPem =
        KeyMaterial.fromPem(
            (issued.certificatePem() + issued.unencryptedPrivateKeyPem())
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            null);
    for (KeyMaterial key : List.of(fromP12, fromPem)) {
      try (SppClient c =
          SppClient.builder()
              .host(sim.host())
              .port(sim.port())
              .trustedCertificates(List.of(sim.caCertificate()))
              .authentication(SppAuthentication.certificate(key))
              .build()) {
        assertNotNull(c.login().userToken());
      }
    }
    assertThrows(
        IllegalStateException.class,
        () -> SimulatorClients.spp(sim, SppAuthentication.certificate(fromPem)).build());
  }

  // ------------------------------------------------------------------ device code

  @Test
  void deviceCode_approvedAfterPendingPolls_logsIn() {
    List<DeviceCodeInstructions> shown = new ArrayList<>();
    SppAuthentication auth =
        SppAuthentication.deviceCode(
            i -> {
              shown.add(i);
              sim.approveDeviceCode(i.userCode(), "admin", 2);
            });
    try (SppClient c = client(auth).build()) {
      assertNotNull(c.login().userToken());
    }
    assertEquals(1, shown.size());
    assertTrue(shown.get(0).verificationUri().startsWith("https://"));
    assertEquals(Duration.ofMinutes(5), shown.get(0).expiresIn());
    assertEquals(
        3, sim.requestCount("POST", "/RSTS/oauth2/token"), "two pending polls, then the token");
  }

  @Test
  void deviceCode_denied_failsAsDenied() {
    try (SppClient c =
        client(SppAuthentication.deviceCode(i -> sim.denyDeviceCode(i.userCode()))).build()) {
      LoginFailedException e = assertThrows(LoginFailedException.class, c::login);
      assertEquals(Reason.DEVICE_CODE_DENIED, e.reason());
    }
  }

  @Test
  void deviceCode_expired_failsAsExpired() {
    try (SppClient c =
        client(SppAuthentication.deviceCode(i -> clock.advance(Duration.ofMinutes(6)))).build()) {
      LoginFailedException e = assertThrows(LoginFailedException.class, c::login);
      assertEquals(Reason.DEVICE_CODE_EXPIRED, e.reason());
    }
  }

  @Test
  void deviceCode_slowDown_addsFiveSecondsToTheInterval() {
    try (SppSimulator slow =
        SppSimulator.builder()
            .deviceCodeGrantEnabled(true)
            .deviceCodeInterval(0)
            .deviceCodeSlowDown(true)
            .build()) {
      slow.addUser("admin", Secret.of("pw"), AdminRole.APPLIANCE_ADMIN);
      try (SppClient c =
          SppClient.builder()
              .host(slow.host())
              .port(slow.port())
              .sslContext(slow.clientSslContext())
              .authentication(
                  SppAuthentication.deviceCode(
                      i -> slow.approveDeviceCode(i.userCode(), "admin", 0)))
              .build()) {
        assertNotNull(c.login().userToken());
      }
      assertEquals(2, slow.requestCount("POST", "/RSTS/oauth2/token"), "slow_down, then the token");
    }
  }

  @Test
  void deviceCode_grantDisabled_saysSo() {
    try (SppSimulator plain = SppSimulator.builder().build()) {
      try (SppClient c =
          SppClient.builder()
              .host(plain.host())
              .port(plain.port())
              .sslContext(plain.clientSslContext())
              .authentication(SppAuthentication.deviceCode(i -> {}))
              .build()) {
        LoginFailedException e = assertThrows(LoginFailedException.class, c::login);
        assertEquals(Reason.GRANT_DISABLED, e.reason());
        assertTrue(e.getMessage().contains("DeviceCode"), e.getMessage());
      }
    }
  }

  // ------------------------------------------------------------------ renewal and 401

  @Test
  void renewal_racingFourThreads_neverLogsOutATokenInUse() throws Exception {
    try (SppClient c = client(SppAuthentication.password("admin", Secret.of("Adm1n!pw"))).build()) {
      SessionModuleConnection linked = c.link(sps("sps-race"));
      assertEquals(1, sim.loginCount());
      SppSimulator.Pause held = sim.pauseNext("Cluster/SessionModules/" + linked.id() + "/Members");
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        Future<?> slow = pool.submit(() -> c.members(linked.id()));
        held.awaitArrival();
        clock.advance(Duration.ofHours(23).plusMinutes(55));
        CyclicBarrier start = new CyclicBarrier(3);
        List<Future<List<SessionModuleConnection>>> racers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          racers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return c.sessionConnections(SessionConnectionQuery.defaults());
                  }));
        }
        for (Future<List<SessionModuleConnection>> r : racers) {
          assertEquals(1, r.get().size());
        }
        assertEquals(2, sim.loginCount(), "one thread renewed, the others used its token");
        assertEquals(0, sim.logoutCount(), "the old token is still in use by the held call");
        held.release();
        slow.get();
        assertEquals(1, sim.logoutCount(), "the old token is logged out after its last call");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void rejectedToken_postIsNotSentTwice_getIs() {
    try (SppClient c = client(SppAuthentication.password("admin", Secret.of("Adm1n!pw"))).build()) {
      c.login();
      sim.revokeAllTokens();
      AuthorizationException e =
          assertThrows(AuthorizationException.class, () -> c.link(sps("sps-401")));
      assertTrue(
          e.resolution().orElseThrow().contains("not repeated"), e.resolution().orElseThrow());
      assertEquals(1, sim.requestCount("POST", "Cluster/SessionModules"));
      assertTrue(sim.storedConnections().isEmpty());
      assertEquals(List.of(), c.sessionConnections(SessionConnectionQuery.defaults()));
      assertEquals(2, sim.loginCount(), "the next call logged in again");
      sim.revokeAllTokens();
      assertEquals(List.of(), c.sessionConnections(SessionConnectionQuery.defaults()));
      assertEquals(
          3,
          sim.requestCount("GET", "Cluster/SessionModules"),
          "the second GET was sent again once");
      assertEquals(3, sim.loginCount());
    }
  }

  // ------------------------------------------------------------------ deletes

  @Test
  void softDelete_reRunAfterTimeout_leavesTheRowSoftDeleted() throws Exception {
    try (SppClient c =
        client(SppAuthentication.password("admin", Secret.of("Adm1n!pw")))
            .requestTimeout(Duration.ofMillis(500))
            .maxRetries(0)
            .build()) {
      SessionModuleConnection linked = c.link(sps("sps-del"));
      int id = linked.id();
      SppSimulator.Pause held = sim.pauseNext("Cluster/SessionModules/" + id);
      assertThrows(LinkTransportException.class, () -> c.softDelete(id), "the first run times out");
      held.release();
      held.awaitAnswered();
      assertTrue(sim.isDisconnected(id), "the appliance soft-deleted it anyway");
      AlreadySoftDeletedException again =
          assertThrows(AlreadySoftDeletedException.class, () -> c.softDelete(id));
      assertEquals(id, again.connectionId());
      assertTrue(again.getMessage().contains("use hardDelete"), again.getMessage());
      assertTrue(sim.isDisconnected(id), "the re-run left the row soft-deleted, not gone");
      assertEquals(1, sim.requestCount("DELETE", "Cluster/SessionModules/" + id));
      assertEquals(1, c.hardDelete(id));
      assertTrue(sim.storedConnections().isEmpty());
    }
  }

  @Test
  void sessionModuleConnection_toString_hidesTheOneTimeToken() {
    try (SppClient c = client(SppAuthentication.password("admin", Secret.of("Adm1n!pw"))).build()) {
      SessionModuleConnection linked = c.link(sps("sps-ott"));
      assertNotNull(linked.oneTimeToken());
      assertFalse(linked.toString().contains(linked.oneTimeToken()));
      assertTrue(linked.toString().contains("oneTimeToken=******"));
    }
  }
}
