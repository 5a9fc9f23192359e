// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class JoinPreflightTest {
  private Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private static JoinFacts.Builder good() {
    return JoinFacts.builder()
        .centralManagementNode(true)
        .configurationSyncEnabled(true)
        .sppAddress("192.0.2.123")
        .sppIsPrimary(true)
        .sppAccountPermissions(Set.of("ApplianceAdmin", "OperationsAdmin"))
        .spsPolicyNames(List.of("ssh-prod", "rdp-prod"))
        .port8649Reachable(true)
        .port443Reachable(true)
        .versions(ApplianceVersion.parse("7.5"), ApplianceVersion.parse("7.5.1"))
        .spsNodes(
            List.of(
                SpsNode.of("cm", SpsNodeRole.CENTRAL_MANAGEMENT),
                SpsNode.of("rec", SpsNodeRole.SEARCH_LOCAL)))
        .sppCertificateNames(List.of("spp.example", "192.0.2.123"));
  }

  private Check check(JoinFacts.Builder facts, String id) {
    return JoinPreflight.evaluate(facts.build(), clock).check(id).orElseThrow();
  }

  @Test
  void evaluate_allGood_everyCheckPasses() {
    CheckReport r = JoinPreflight.evaluate(good().build(), clock);
    assertTrue(r.allPassed(), r.toString());
    assertEquals(13, r.checks().size());
  }

  @Test
  void evaluate_nothingKnown_unknownWithRemedies() {
    CheckReport r = JoinPreflight.evaluate(JoinFacts.builder().build(), clock);
    assertEquals(12, r.withStatus(CheckStatus.UNKNOWN).size(), r.toString());
    assertFalse(r.anyFailed());
    r.withStatus(CheckStatus.UNKNOWN)
        .forEach(c -> assertTrue(c.remedy() != null && !c.remedy().isEmpty()));
  }

  @Test
  void centralManagement_bad() {
    Check c = check(good().centralManagementNode(false), "CENTRAL_MANAGEMENT");
    assertEquals(CheckStatus.FAIL, c.status());
    assertTrue(c.remedy().contains("single standalone node"));
  }

  @Test
  void configurationSync_bad() {
    assertEquals(
        CheckStatus.FAIL,
        check(good().configurationSyncEnabled(false), "CONFIGURATION_SYNC").status());
  }

  @Test
  void ipv4Address_hostNameGood_ipv6Bad() {
    assertEquals(
        CheckStatus.PASS, check(good().sppAddress("spp.example"), "IPV4_ADDRESS").status());
    Check c = check(good().sppAddress("2001:db8::1"), "IPV4_ADDRESS");
    assertEquals(CheckStatus.FAIL, c.status());
    assertTrue(c.remedy().contains("only IPv4"));
  }

  @Test
  void sppPrimary_replicaBad() {
    assertTrue(check(good().sppIsPrimary(false), "SPP_PRIMARY").remedy().contains("60418"));
  }

  @Test
  void accountPermissions_missingOperationsBad() {
    Check c = check(good().sppAccountPermissions(Set.of("ApplianceAdmin")), "ACCOUNT_PERMISSIONS");
    assertEquals(CheckStatus.FAIL, c.status());
    assertTrue(c.detail().contains("OperationsAdmin"));
  }

  @Test
  void safeguardDefaultPolicies_clashBad() {
    Check c =
        check(
            good().spsPolicyNames(List.of("ssh", "Safeguard_Default_ssh")),
            "SAFEGUARD_DEFAULT_POLICIES");
    assertEquals(CheckStatus.FAIL, c.status());
    assertTrue(c.detail().contains("Safeguard_Default_ssh"));
  }

  @Test
  void ports_blockedBad() {
    assertEquals(CheckStatus.FAIL, check(good().port8649Reachable(false), "PORT_8649").status());
    assertEquals(CheckStatus.FAIL, check(good().port443Reachable(false), "PORT_443").status());
  }

  @Test
  void versions_mismatchBad() {
    Check c =
        check(
            good().versions(ApplianceVersion.parse("6.1"), ApplianceVersion.parse("6.0.1")),
            "VERSIONS");
    assertEquals(CheckStatus.FAIL, c.status());
  }

  @Test
  void recordingNode_singleCentralManagementSearchMasterBad() {
    Check c =
        check(
            good()
                .spsNodes(
                    List.of(
                        SpsNode.of(
                            "only", SpsNodeRole.CENTRAL_MANAGEMENT, SpsNodeRole.SEARCH_MASTER))),
            "RECORDING_NODE");
    assertEquals(CheckStatus.FAIL, c.status());
    assertTrue(c.detail().contains("cannot launch sessions"));
    assertEquals(
        CheckStatus.PASS,
        check(
                good().spsNodes(List.of(SpsNode.of("only", SpsNodeRole.CENTRAL_MANAGEMENT))),
                "RECORDING_NODE")
            .status());
  }

  @Test
  void searchRoleChange_localToMinionBad() {
    SpsNode moving =
        new SpsNode("rec", Set.of(SpsNodeRole.SEARCH_LOCAL), SpsNodeRole.SEARCH_MINION);
    Check c =
        check(
            good().spsNodes(List.of(SpsNode.of("cm", SpsNodeRole.CENTRAL_MANAGEMENT), moving)),
            "SEARCH_ROLE_CHANGE");
    assertEquals(CheckStatus.FAIL, c.status());
    assertTrue(c.remedy().contains("played back"));
  }

  @Test
  void certificateNames_mismatchSuggestsNamedAddress() {
    Check c =
        check(
            good().sppAddress("examplespp.company").sppCertificateNames(List.of("192.0.2.123")),
            "CERTIFICATE_NAMES");
    assertEquals(CheckStatus.FAIL, c.status());
    assertTrue(c.remedy().contains("join with '192.0.2.123'"), c.remedy());
    assertEquals(
        CheckStatus.PASS,
        check(
                good().sppAddress("spp.example.com").sppCertificateNames(List.of("*.example.com")),
                "CERTIFICATE_NAMES")
            .status());
  }

  @Test
  void retryWait_withinFiveMinutesBad_afterGood() {
    Check c = check(good().lastFailedJoin(clock.instant().minusSeconds(60)), "RETRY_WAIT");
    assertEquals(CheckStatus.FAIL, c.status());
    assertTrue(c.remedy().contains("wait about five minutes"));
    clock = Clock.offset(clock, Duration.ofMinutes(5));
    assertEquals(
        CheckStatus.PASS,
        check(good().lastFailedJoin(clock.instant().minus(Duration.ofMinutes(5))), "RETRY_WAIT")
            .status());
  }
}
