// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.SnmpAuthenticationType;
import io.pamkit.core.subscription.SnmpEncryptionType;
import io.pamkit.core.subscription.SnmpSubscriberProperties;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.snmp.SnmpTransport;
import java.time.Duration;
import java.util.List;

/**
 * Recipe: SNMPv3 traps with authentication and privacy (authPriv: HMAC-SHA-256 and AES-128) to a
 * network management station. pamkit is the authoritative engine of its traps: the station must
 * know pamkit's engine id ({@link #ENGINE_ID}) together with the USM user and its passwords.
 *
 * <p>Run: {@code PAMKIT_SNMP_AUTH=... PAMKIT_SNMP_PRIV=... java -cp examples/target/pamkit.jar
 * io.pamkit.examples.recipes.SnmpV3TrapsRecipe HOST PORT USER}.
 */
public final class SnmpV3TrapsRecipe {
  /**
   * The engine id pamkit sends with: RFC 3411 text format under enterprise 32473, {@code "pamkit"}.
   */
  public static final String ENGINE_ID = "80007ed90470616d6b6974";

  private SnmpV3TrapsRecipe() {}

  /**
   * Sends events as SNMPv3 traps and waits for them to be delivered.
   *
   * @param host the management station
   * @param port its trap port (162 by convention)
   * @param user the USM user
   * @param authPassword the authentication password (at least 8 characters)
   * @param privPassword the privacy password (at least 8 characters)
   * @param events the events
   * @return true if every trap was sent
   */
  public static boolean sendTraps(
      String host,
      int port,
      String user,
      Secret authPassword,
      Secret privPassword,
      List<ApplianceEvent> events) {
    Subscriber station =
        Subscriber.builder(Subscriber.SNMP)
            .id(1)
            .description("NOC station (SNMPv3)")
            .subscribe("PasswordChangeFailed", "ApplianceBackupFailed")
            .snmpProperties(
                SnmpSubscriberProperties.builder()
                    .networkAddress(host)
                    .port(port)
                    .version(3)
                    .engineId(ENGINE_ID)
                    .authenticationUserName(user)
                    .authenticationType(SnmpAuthenticationType.SHA256)
                    .authenticationPassword(authPassword)
                    .encryptionType(SnmpEncryptionType.AES128)
                    .encryptionPassword(privPassword)
                    .build())
            .build();
    try (EventDispatcher dispatcher =
        EventDispatcher.builder()
            .transport(SnmpTransport.builder().build())
            .subscribers(List.of(station))
            .build()) {
      events.forEach(dispatcher::publish);
      return dispatcher.shutdown(Duration.ofSeconds(30)).drained()
          && dispatcher.deadLetterSink().list().isEmpty();
    }
  }

  /**
   * Runs the recipe with one trap.
   *
   * @param args host, port and USM user; the passwords come from {@code PAMKIT_SNMP_AUTH} and
   *     {@code PAMKIT_SNMP_PRIV}
   */
  public static void main(String[] args) {
    String auth = System.getenv("PAMKIT_SNMP_AUTH");
    String priv = System.getenv("PAMKIT_SNMP_PRIV");
    if (args.length != 3 || auth == null || priv == null) {
      System.err.println(
          "usage: PAMKIT_SNMP_AUTH=... PAMKIT_SNMP_PRIV=... SnmpV3TrapsRecipe HOST PORT USER");
      System.exit(2);
    }
    boolean ok =
        sendTraps(
            args[0],
            Integer.parseInt(args[1]),
            args[2],
            Secret.of(auth),
            Secret.of(priv),
            List.of(
                ApplianceEvent.builder("PasswordChangeFailed")
                    .applianceId("SPP-1")
                    .level(EventLevel.ERROR)
                    .property("AssetName", "db-prod-01")
                    .build()));
    System.out.println(ok ? "trap sent" : "the trap was not sent");
    System.exit(ok ? 0 : 1);
  }
}
