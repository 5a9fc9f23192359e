// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.secret.Secret;
import io.pamkit.simulator.AdminRole;
import io.pamkit.simulator.SppSimulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LinkNetworkAddressTest {
  private static final Map<String, String> ENV = Map.of("PAMKIT_PASSWORD", "Adm1n!pw");
  @TempDir Path dir;
  private SppSimulator spp;
  private Path ca;

  @BeforeEach
  void start() throws Exception {
    spp = SppSimulator.builder().build();
    spp.addUser("admin", Secret.of("Adm1n!pw"), AdminRole.APPLIANCE_ADMIN);
    ca = SppFixture.pem(dir, "ca.pem", spp.caCertificate());
  }

  @AfterEach
  void stop() {
    spp.close();
  }

  private CliRun link(String... args) {
    String[] all = new String[args.length + 7];
    all[0] = "link";
    System.arraycopy(args, 0, all, 1, args.length);
    System.arraycopy(
        new String[] {
          "--appliance",
          "https://" + spp.host() + ":" + spp.port(),
          "--user",
          "admin",
          "--ca-cert",
          ca.toString()
        },
        0,
        all,
        args.length + 1,
        6);
    return CliRun.run(ENV, all);
  }

  @Test
  void add_ipv6NetworkAddress_refusedNamingTheOption() {
    CliRun r = link("add", "--node-id", "n1", "--network-address", "2001:db8::1");
    assertEquals(2, r.exitCode(), r.out() + r.err());
    assertTrue(
        r.err().startsWith("pamkit: --network-address: '2001:db8::1' is not an IPv4"), r.err());
    assertEquals(0, spp.storedConnections().size(), "nothing was linked");
  }

  @Test
  void edit_badIpv4_refused_goodIpv4_accepted() {
    CliRun add = link("add", "--node-id", "n1", "--network-address", "192.0.2.10");
    assertEquals(0, add.exitCode(), add.out() + add.err());
    int id = spp.storedConnections().get(0).id();
    CliRun bad = link("edit", String.valueOf(id), "--network-address", "192.0.2.256");
    assertEquals(2, bad.exitCode(), bad.out() + bad.err());
    assertTrue(bad.err().contains("--network-address"), bad.err());
    CliRun good = link("edit", String.valueOf(id), "--network-address", "192.0.2.11");
    assertEquals(0, good.exitCode(), good.out() + good.err());
  }
}
