// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.secret.Secret;
import io.pamkit.examples.cli.Receivers;
import io.pamkit.testing.TrapReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

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

  /** Sends one trap as the user noc to the station, with the given privacy password. */
  private static boolean send(TrapReceiver station, String privPassword, String asset) {
    return SnmpV3TrapsRecipe.sendTraps(
        "127.0.0.1",
        station.port(),
        "noc",
        Secret.of("auth-pass-1"),
        Secret.of(privPassword),
        List.of(event(asset)));
  }

  @Test
  void sendTraps_authPriv_decodedByTheStationThatKnowsTheUser() throws Exception {
    try (TrapReceiver station = Receivers.v3Station()) {
      assertTrue(send(station, "priv-pass-1", "db-prod-01"));
      List<String> traps = await(station, 1);
      assertEquals(1, traps.size());
      assertTrue(traps.get(0).contains("PasswordChangeFailed"), traps.get(0));
      assertTrue(traps.get(0).contains("db-prod-01"), traps.get(0));
    }
  }

  @Test
  void sendTraps_wrongPrivacyPassword_stationDropsTheTrap() throws Exception {
    try (TrapReceiver station = Receivers.v3Station()) {
      send(station, "wrong-priv-1", "sent-with-the-wrong-key");
      send(station, "priv-pass-1", "sent-with-the-right-key");
      List<String> traps = await(station, 1);
      assertEquals(1, traps.size(), traps.toString());
      assertTrue(traps.get(0).contains("sent-with-the-right-key"), traps.get(0));
    }
  }
}
