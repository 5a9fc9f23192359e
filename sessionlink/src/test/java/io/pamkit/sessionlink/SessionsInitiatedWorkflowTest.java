// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.sessionlink.model.GatewayAuthentication;
import io.pamkit.sessionlink.model.SessionModuleConnectionProtocol;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SessionsInitiatedWorkflowTest {
  private static ConnectionPolicySetup ssh(GatewayAuthentication auth, Duration idle) {
    return new ConnectionPolicySetup(
        "ssh-prod",
        SessionModuleConnectionProtocol.SSH,
        auth,
        "safeguard_default",
        "safeguard_default",
        "safeguard_default",
        idle,
        false);
  }

  /** A policy with the safeguard_default selections and a five-minute idle timeout. */
  private static ConnectionPolicySetup defaults(
      String name,
      SessionModuleConnectionProtocol protocol,
      GatewayAuthentication auth,
      boolean remoteDesktopGateway) {
    return new ConnectionPolicySetup(
        name,
        protocol,
        auth,
        "safeguard_default",
        "safeguard_default",
        "safeguard_default",
        Duration.ofMinutes(5),
        remoteDesktopGateway);
  }

  private static SessionsInitiatedWorkflow.Builder good() {
    return SessionsInitiatedWorkflow.builder()
        .versions(ApplianceVersion.parse("7.5"), ApplianceVersion.parse("7.5"))
        .accessRequestBrokerEnabled(true)
        .approvalTime(Duration.ofMinutes(2))
        .policy(ssh(GatewayAuthentication.LDAP, Duration.ofMinutes(5)))
        .policy(
            defaults(
                "rdp-prod",
                SessionModuleConnectionProtocol.RDP,
                GatewayAuthentication.ACTIVE_DIRECTORY,
                true))
        .targetAddresses("srv1", List.of("10.0.0.5", "10.0.0.5", "10.0.0.5"));
  }

  private static Check check(SessionsInitiatedWorkflow.Builder b, String id) {
    return b.build().check().check(id).orElseThrow();
  }

  @Test
  void check_allGood_passes() {
    CheckReport r = good().build().check();
    assertTrue(r.allPassed(), r.toString());
  }

  @Test
  void protocol_telnetBad() {
    SessionsInitiatedWorkflow.Builder b =
        good()
            .policy(
                defaults(
                    "tel",
                    SessionModuleConnectionProtocol.TELNET,
                    GatewayAuthentication.LOCAL_USER_DATABASE,
                    false));
    assertEquals(CheckStatus.FAIL, check(b, "PROTOCOL[tel]").status());
  }

  @Test
  void gatewayAuthentication_ldapForRdpBad_otherForSshBad() {
    SessionsInitiatedWorkflow.Builder b =
        SessionsInitiatedWorkflow.builder()
            .policy(
                defaults(
                    "rdp", SessionModuleConnectionProtocol.RDP, GatewayAuthentication.LDAP, true))
            .policy(ssh(GatewayAuthentication.OTHER, Duration.ofMinutes(5)));
    assertEquals(CheckStatus.FAIL, check(b, "GATEWAY_AUTHENTICATION[rdp]").status());
    assertEquals(CheckStatus.FAIL, check(b, "GATEWAY_AUTHENTICATION[ssh-prod]").status());
    assertEquals(CheckStatus.PASS, check(good(), "GATEWAY_AUTHENTICATION[ssh-prod]").status());
  }

  @Test
  void rdpWithoutRemoteDesktopGatewayBad() {
    SessionsInitiatedWorkflow.Builder b =
        SessionsInitiatedWorkflow.builder()
            .policy(
                defaults(
                    "rdp",
                    SessionModuleConnectionProtocol.RDP,
                    GatewayAuthentication.LOCAL_USER_DATABASE,
                    false));
    assertEquals(CheckStatus.FAIL, check(b, "RDP_GATEWAY[rdp]").status());
  }

  @Test
  void safeguardDefaultSelections_otherBad() {
    SessionsInitiatedWorkflow.Builder b =
        SessionsInitiatedWorkflow.builder()
            .policy(
                new ConnectionPolicySetup(
                    "p",
                    SessionModuleConnectionProtocol.SSH,
                    GatewayAuthentication.LOCAL_USER_DATABASE,
                    "local_store",
                    "none",
                    "my_mapping",
                    Duration.ofMinutes(5),
                    false));
    assertEquals(CheckStatus.FAIL, check(b, "CREDENTIAL_STORE[p]").status());
    assertEquals(CheckStatus.FAIL, check(b, "AA_PLUGIN[p]").status());
    assertTrue(
        check(b, "USERMAPPING_POLICY[p]")
            .remedy()
            .contains("Usermapping policy > safeguard_default"));
  }

  @Test
  void idleTimeout_exactlyTwiceApprovalBad_moreGood() {
    SessionsInitiatedWorkflow.Builder bad =
        SessionsInitiatedWorkflow.builder()
            .approvalTime(Duration.ofMinutes(2))
            .policy(ssh(GatewayAuthentication.LDAP, Duration.ofMinutes(4)));
    Check c = check(bad, "IDLE_TIMEOUT[ssh-prod]");
    assertEquals(CheckStatus.FAIL, c.status());
    assertTrue(c.remedy().contains("above 4 minutes"));
    SessionsInitiatedWorkflow.Builder auto =
        SessionsInitiatedWorkflow.builder()
            .policy(ssh(GatewayAuthentication.LDAP, Duration.ofMinutes(1)));
    assertEquals(CheckStatus.PASS, check(auto, "IDLE_TIMEOUT[ssh-prod]").status());
  }

  @Test
  void uniformAddress_mixedFormsBad() {
    Check c =
        check(
            good().targetAddresses("srv2", List.of("10.0.0.6", "srv2.example")),
            "UNIFORM_ADDRESS[srv2]");
    assertEquals(CheckStatus.FAIL, c.status());
    assertEquals(
        CheckStatus.PASS,
        check(
                good().targetAddresses("srv3", List.of("SRV3.example", "srv3.example")),
                "UNIFORM_ADDRESS[srv3]")
            .status());
  }

  @Test
  void versionsAndBroker_badAndUnknown() {
    assertEquals(
        CheckStatus.FAIL,
        check(
                good().versions(ApplianceVersion.parse("2.7"), ApplianceVersion.parse("6.1.1")),
                "SESSIONS_INITIATED_VERSIONS")
            .status());
    assertEquals(
        CheckStatus.FAIL,
        check(good().accessRequestBrokerEnabled(false), "ACCESS_REQUEST_BROKER").status());
    assertEquals(
        CheckStatus.UNKNOWN,
        check(SessionsInitiatedWorkflow.builder(), "ACCESS_REQUEST_BROKER").status());
  }
}
