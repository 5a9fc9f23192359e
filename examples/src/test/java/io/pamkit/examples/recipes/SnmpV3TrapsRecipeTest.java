// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.secret.Secret;
import io.pamkit.testing.TrapReceiver;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;

final class SnmpV3TrapsRecipeTest {

  private static ApplianceEvent event(String asset) {
    return ApplianceEvent.builder("PasswordChangeFailed")
        .applianceId("SPP-1")
        .level(EventLevel.ERROR)
        .property("AssetName", asset)
        .build();
  }

  private static List<String> await(TrapReceiver r, int n) throws InterruptedException {
    return r.awaitTraps(n, Duration.ofSeconds(20)).stream().map(TrapReceiver.Trap::text).toList();
  }

  /** A station that knows the user "noc" (HMAC-SHA-256 authentication, AES-128 privacy). */
  private static TrapReceiver station() throws IOException {
    return TrapReceiver.builder()
        .user(
            new UsmUser(
                new OctetString("noc"),
                AuthHMAC192SHA256.ID,
                new OctetString("auth-pass-1"),
                PrivAES128.ID,
                new OctetString("priv-pass-1")))
        .start();
  }

  @Test
  void sendTraps_authPriv_decodedByTheStationThatKnowsTheUser() throws Exception {
    try (TrapReceiver station = station()) {
      assertTrue(
          SnmpV3TrapsRecipe.sendTraps(
              "127.0.0.1",
              station.port(),
              "noc",
              Secret.of("auth-pass-1"),
              Secret.of("priv-pass-1"),
              List.of(event("db-prod-01"))));
      List<String> traps = await(station, 1);
      assertEquals(1, traps.size());
      assertTrue(traps.get(0).contains("PasswordChangeFailed"), traps.get(0));
      assertTrue(traps.get(0).contains("db-prod-01"), traps.get(0));
    }
  }

  @Test
  void sendTraps_wrongPrivacyPassword_stationDropsTheTrap() throws Exception {
    try (TrapReceiver station = station()) {
      SnmpV3TrapsRecipe.sendTraps(
          "127.0.0.1",
          station.port(),
          "noc",
          Secret.of("auth-pass-1"),
          Secret.of("wrong-priv-1"),
          List.of(event("sent-with-the-wrong-key")));
      SnmpV3TrapsRecipe.sendTraps(
          "127.0.0.1",
          station.port(),
          "noc",
          Secret.of("auth-pass-1"),
          Secret.of("priv-pass-1"),
          List.of(event("sent-with-the-right-key")));
      List<String> traps = await(station, 1);
      assertEquals(1, traps.size(), traps.toString());
      assertTrue(traps.get(0).contains("sent-with-the-right-key"), traps.get(0));
    }
  }
}
