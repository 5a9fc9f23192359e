// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.simulator.AdminRole;
import io.pamkit.simulator.SpsSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class LinkCommandTest {
  private static final Map<String, String> ENV =
      Map.of("PAMKIT_PASSWORD", SppFixture.PASSWORD, "PAMKIT_SPS_PASSWORD", "Sps!pw1");
  @RegisterExtension final SppFixture appliance = new SppFixture();

  private CliRun link(String... args) {
    return link(ENV, args);
  }

  private CliRun link(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("link"));
    all.addAll(List.of(args));
    return appliance.run(env, all.toArray(String[]::new));
  }

  /** A session appliance that knows the user spsadmin. */
  private static SpsSimulator.Builder sps() {
    return SpsSimulator.builder().credentials("spsadmin", Secret.of("Sps!pw1"));
  }

  /** Runs {@code link COMMAND} against the session appliance too. */
  private CliRun link(SpsSimulator sps, String command, String... more) throws Exception {
    Path spsCa = SppFixture.pem(appliance.dir(), "sps-ca.pem", sps.caCertificate());
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(List.of(more));
    all.addAll(
        List.of(
            "--sps",
            SppFixture.url(sps.host(), sps.port()),
            "--sps-user",
            "spsadmin",
            "--sps-ca-cert",
            spsCa.toString()));
    return link(all.toArray(String[]::new));
  }

  @Test
  void addListShowEditDelete_roundTripAgainstTheSimulator() throws Exception {
    CliRun empty = link("list");
    assertEquals(0, empty.exitCode(), empty.err());
    assertTrue(empty.out().contains("no session connections"), empty.out());

    CliRun add =
        link(
            "add",
            "--node-id",
            "sps-node-1",
            "--host-name",
            "sps1.example",
            "--network-address",
            "192.0.2.10",
            "--description",
            "cluster A",
            "--json");
    assertEquals(0, add.exitCode(), add.err());
    JsonNode linked = new ObjectMapper().readTree(add.out());
    int id = linked.get("Id").asInt();
    assertTrue(linked.get("Trusted").booleanValue());
    assertEquals(1, appliance.spp().storedConnections().size());

    CliRun list = link("list");
    assertTrue(list.out().contains("sps-node-1"), list.out());
    assertTrue(list.out().contains("trusted"), list.out());

    CliRun edit = link("edit", Integer.toString(id), "--description", "cluster A (DC2)");
    assertEquals(0, edit.exitCode(), edit.err());
    CliRun show = link("show", Integer.toString(id));
    assertTrue(show.out().contains("Description: cluster A (DC2)"), show.out());

    CliRun soft = link("delete", Integer.toString(id));
    assertEquals(0, soft.exitCode(), soft.err());
    assertTrue(link("list").out().contains("no session connections"));
    assertTrue(link("list", "--include-disconnected").out().contains("sps-node-1"));

    CliRun hard = link("delete", Integer.toString(id), "--hard");
    assertEquals(0, hard.exitCode(), hard.err());
    assertFalse(link("list", "--include-disconnected").out().contains("sps-node-1"));
  }

  @Test
  void add_duplicateNodeId_printsCodeMessageAndRemedyExit1() {
    assertEquals(0, link("add", "--node-id", "sps-dup").exitCode());
    CliRun again = link("add", "--node-id", "sps-dup");
    assertEquals(1, again.exitCode());
    assertEquals(1, again.errLines().size(), again.err());
    assertTrue(again.err().contains("60657"), again.err());
    assertTrue(again.err().contains("includeDisconnected=true"), again.err());
  }

  @Test
  void show_unknownId_exit1WithTheAppliancesAnswer() {
    CliRun r = link("show", "999");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("404"), r.err());
  }

  @Test
  void edit_nothingToChange_exit2() {
    CliRun r = link("edit", "1");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("nothing to edit"), r.err());
  }

  @Test
  void broker_onOffAndShow() {
    assertTrue(link("broker", "on").out().contains("access request broker: on"));
    assertTrue(link("broker").out().contains("access request broker: on"));
    assertTrue(link("broker", "off").out().contains("access request broker: off"));
    assertEquals(2, link("broker", "maybe").exitCode());
  }

  @Test
  void noPassword_notATerminal_exit2WithOneLine() {
    CliRun r = link(Map.of(), "list");
    assertEquals(2, r.exitCode());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("PAMKIT_PASSWORD"), r.err());
  }

  @Test
  void passwordOption_doesNotExist() {
    CliRun r = link("list", "--password", "x");
    assertEquals(2, r.exitCode());
  }

  @Test
  void applianceUrlWithPassword_refusedWithoutEchoingIt() {
    for (String url :
        List.of(
            "https://admin:Url-Pw1x@" + appliance.spp().host() + ":" + appliance.spp().port(),
            "http://admin:Url-Pw1x@" + appliance.spp().host(),
            "https://admin:Url-Pw1x@" + appliance.spp().host() + "/path",
            "https://admin:Url-Pw1x@host name")) {
      CliRun r =
          CliRun.run(
              ENV,
              "link",
              "list",
              "--appliance",
              url,
              "--user",
              "admin",
              "--ca-cert",
              appliance.caCert().toString());
      assertEquals(2, r.exitCode(), url + ": " + r.err());
      assertFalse(r.err().contains("Url-Pw1x"), r.err());
      assertFalse(r.out().contains("Url-Pw1x"), r.out());
      assertTrue(r.err().contains("--appliance"), r.err());
    }
  }

  @Test
  void wrongPassword_exit1() {
    CliRun r = link(Map.of("PAMKIT_PASSWORD", "wrong"), "list");
    assertEquals(1, r.exitCode(), r.out());
    assertFalse(r.err().contains("wrong"), r.err());
  }

  @Test
  void withoutCaCert_certificateIsNotTrusted_exit1() {
    String url = appliance.url();
    CliRun r = CliRun.run(ENV, "link", "list", "--appliance", url, "--user", "admin");
    assertEquals(1, r.exitCode(), r.out());
    assertEquals(1, r.errLines().size(), r.err());
  }

  @Test
  void badApplianceUrlOrCaFile_exit2() {
    assertEquals(
        2,
        CliRun.run(ENV, "link", "list", "--appliance", "http://localhost:1", "--user", "admin")
            .exitCode());
    String none = appliance.dir().resolve("none.pem").toString();
    CliRun missing =
        CliRun.run(
            ENV,
            "link",
            "list",
            "--appliance",
            "https://localhost:1",
            "--user",
            "admin",
            "--ca-cert",
            none);
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }

  @Test
  void versions_withSessionAppliance_checksTheLinkRules() throws Exception {
    try (SpsSimulator sps = sps().firmwareVersion("7.5.0").build()) {
      CliRun r = link(sps, "versions", "--json");
      assertEquals(0, r.exitCode(), r.out() + r.err());
      JsonNode d = new ObjectMapper().readTree(r.out());
      assertEquals("PASS", d.get("checks").get(0).get("status").asText());
    }
  }

  @Test
  void versions_mismatch_exit1WithRemedy() throws Exception {
    try (SpsSimulator sps = sps().firmwareVersion("7.0.2").build()) {
      CliRun r = link(sps, "versions");
      assertEquals(1, r.exitCode(), r.out() + r.err());
      assertTrue(r.out().contains("FAIL"), r.out());
    }
  }

  @Test
  void preflight_notCentralManagement_failsWithRemedy() throws Exception {
    try (SpsSimulator sps = sps().centralManagement(false).build()) {
      CliRun r = link(sps, "preflight");
      assertEquals(1, r.exitCode(), r.out() + r.err());
      assertTrue(r.out().matches("(?s).*FAIL\\s+CENTRAL_MANAGEMENT.*"), r.out());
      assertTrue(r.out().contains("Central Management"), r.out());
      assertTrue(r.out().contains("UNKNOWN"), r.out());
    }
  }

  @Test
  void join_promoteThenJoin_theApplianceListsTheNode() throws Exception {
    try (SpsSimulator sps = sps().build()) {
      CliRun refused = link(sps, "join");
      assertEquals(1, refused.exitCode(), refused.out() + refused.err());
      assertTrue(refused.out().contains("not joined"), refused.out());
      assertEquals(0, appliance.spp().storedConnections().size());

      CliRun joined = link(sps, "join", "--promote", "--json");
      assertEquals(0, joined.exitCode(), joined.out() + joined.err());
      JsonNode d = new ObjectMapper().readTree(joined.out());
      assertTrue(d.get("joined").booleanValue());
      assertEquals("sps-sim-node", d.get("connections").get(0).get("NodeId").asText());
      assertEquals(1, appliance.spp().storedConnections().size());

      CliRun again = link(sps, "join");
      assertEquals(1, again.exitCode(), again.out());
      assertTrue(again.err().contains("60657"), again.err());
    }
  }

  @Test
  void preflight_withoutSps_exit2() {
    CliRun r = link("preflight");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("--sps"), r.err());
  }

  @Test
  void delete_reRun_neverSendsASecondDeleteWithoutHard() throws Exception {
    CliRun add = link("add", "--node-id", "sps-rerun", "--json");
    int id = new ObjectMapper().readTree(add.out()).get("Id").asInt();
    assertEquals(0, link("delete", Integer.toString(id)).exitCode());
    CliRun again = link("delete", Integer.toString(id));
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("already soft-deleted"), again.out());
    assertTrue(appliance.spp().isDisconnected(id), "still there, soft-deleted");
    assertEquals(1, appliance.spp().requestCount("DELETE", "Cluster/SessionModules/" + id));
  }

  @Test
  void grantPassword_refusedByDefault_namesTheSettingAndPkce() {
    CliRun r = link("list", "--grant", "password");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Allowed OAuth2 Grant Types"), r.err());
    assertTrue(r.err().contains("PKCE"), r.err());
  }

  @Test
  void secondFactor_fromPamkitOtp() {
    appliance.spp().requireSecondFactor("admin", Secret.of("424242"));
    CliRun r = link(Map.of("PAMKIT_PASSWORD", SppFixture.PASSWORD, "PAMKIT_OTP", "424242"), "list");
    assertEquals(0, r.exitCode(), r.err());
    CliRun wrong =
        link(Map.of("PAMKIT_PASSWORD", SppFixture.PASSWORD, "PAMKIT_OTP", "000000"), "list");
    assertEquals(1, wrong.exitCode(), wrong.out());
    assertFalse(wrong.err().contains("000000"), wrong.err());
  }

  @Test
  void grantCertificate_withPkcs12ClientCert() throws Exception {
    io.pamkit.core.cert.KeyMaterial key =
        appliance.spp().issueCertificateUserKey("cli-cert", AdminRole.APPLIANCE_ADMIN);
    Path p12 = appliance.dir().resolve("client.p12");
    Files.write(p12, key.toPkcs12(Secret.of("p12pw")));
    CliRun r =
        link(
            Map.of("PAMKIT_CERT_PASSWORD", "p12pw"),
            "list",
            "--grant",
            "certificate",
            "--client-cert",
            p12.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("no session connections"), r.out());
  }

  @Test
  void accessTokenEnv_usesTheIssuedToken() {
    String token;
    try (SppClient c = appliance.client().logoutOnClose(false).build()) {
      token = c.userToken().reveal();
    }
    CliRun r = link(Map.of("SPP_TOKEN", token), "list", "--access-token-env", "SPP_TOKEN");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(1, appliance.spp().loginCount(), "no second login");
  }
}
