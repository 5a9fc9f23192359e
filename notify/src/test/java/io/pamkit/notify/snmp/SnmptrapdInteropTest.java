// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.snmp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.SnmpAuthenticationType;
import io.pamkit.core.subscription.SnmpEncryptionType;
import io.pamkit.core.subscription.SnmpSubscriberProperties;
import io.pamkit.core.subscription.Subscriber;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pamkit's traps decoded by net-snmp's snmptrapd (Debian package snmptrapd), run by this test in
 * the foreground with a private configuration and persistent directory on a loopback port, with
 * PAMKIT-MIB loaded ({@code -M}, {@code -m}) so that it prints the object names.
 */
final class SnmptrapdInteropTest {
  private static final String ENGINE_ID = "0x80007ED90470616d6b6974";
  private static final String AUTH = "auth-pass-1234";
  private static final String PRIV = "priv-pass-5678";
  private static @Nullable Process snmptrapd;
  private static int port;
  private static Path output = Paths.get("missing");

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    Path binary = Paths.get("/usr/sbin/snmptrapd");
    assumeTrue(
        Files.isExecutable(binary),
        "snmptrapd is not installed (Debian package snmptrapd; .ci/run installs it): skipping the "
            + "net-snmp interoperability tests");
    Path mibs = Files.createDirectories(dir.resolve("mibs"));
    MibFiles.write(mibs);
    Path conf = dir.resolve("snmptrapd.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "authCommunity log trap-community",
            "createUser -e " + ENGINE_ID + " trapuser SHA-256 " + AUTH + " AES " + PRIV,
            "authUser log trapuser priv",
            "doNotRetainNotificationLogs yes",
            ""));
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    output = dir.resolve("snmptrapd.out");
    ProcessBuilder pb =
        new ProcessBuilder(
                binary.toString(),
                "-f",
                "-Lo",
                "-C",
                "-c",
                conf.toString(),
                "-M",
                "+" + mibs,
                "-m",
                "PAMKIT-MIB",
                "-p",
                dir.resolve("snmptrapd.pid").toString(),
                "udp:127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    pb.environment()
        .put("SNMP_PERSISTENT_DIR", Files.createDirectories(dir.resolve("persist")).toString());
    pb.environment().put("MIBDIRS", mibs.toString());
    snmptrapd = pb.start();
    await("snmptrapd to start", "NET-SNMP version");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    Process p = snmptrapd;
    if (p != null) {
      p.destroy();
      p.waitFor();
    }
  }

  private static String log() {
    try {
      return Files.exists(output) ? Files.readString(output) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void await(String what, String text) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!log().contains(text)) {
      Process p = snmptrapd;
      if (p != null && !p.isAlive()) {
        throw new AssertionError("snmptrapd exited: " + log());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting for " + what + "; snmptrapd printed:\n" + log());
      }
      Thread.sleep(20);
    }
  }

  private static Notification notification(SnmpSubscriberProperties p, String marker) {
    ApplianceEvent e =
        ApplianceEvent.builder("PasswordChangeFailed")
            .id(marker)
            .applianceId("SPP-1")
            .level(EventLevel.WARN)
            .time(Instant.parse("2026-03-04T05:06:07.800Z"))
            .property("AssetName", "dc01")
            .build();
    return Notification.of(e, Subscriber.builder(Subscriber.SNMP).id(12).snmpProperties(p).build());
  }

  private static void assertDecoded(String marker) throws InterruptedException {
    await("the trap " + marker, "pamkitEventId.0 = STRING: " + marker);
    String trap = log().substring(log().lastIndexOf("\n", log().indexOf(marker)) + 1);
    for (String expected :
        new String[] {
          "OID: PAMKIT-MIB::pamkitEventWarning",
          "PAMKIT-MIB::pamkitEventName.0 = STRING: PasswordChangeFailed",
          "PAMKIT-MIB::pamkitEventCategory.0 = STRING: PasswordManagement",
          "PAMKIT-MIB::pamkitEventLevel.0 = INTEGER: warn(3)",
          "PAMKIT-MIB::pamkitEventTime.0 = STRING: 2026-3-4,5:6:7.8,+0:0",
          "PAMKIT-MIB::pamkitEventAppliance.0 = STRING: SPP-1",
          "PAMKIT-MIB::pamkitEventIdempotencyKey.0 = STRING: " + marker + "/12",
          "PAMKIT-MIB::pamkitEventProperties.0 = STRING: {\"AssetName\":\"dc01\"}"
        }) {
      assertTrue(trap.contains(expected), "missing '" + expected + "' in:\n" + trap);
    }
  }

  @Test
  void v2cTrap_decodedWithObjectNames() throws Exception {
    sendAndAssertDecoded(snmptrapd().community(Secret.of("trap-community")));
  }

  @Test
  void v3AuthPrivTrap_decodedWithObjectNames() throws Exception {
    sendAndAssertDecoded(
        snmptrapd()
            .version(3)
            .engineId(ENGINE_ID)
            .authenticationUserName("trapuser")
            .authenticationType(SnmpAuthenticationType.SHA256)
            .authenticationPassword(Secret.of(AUTH))
            .encryptionType(SnmpEncryptionType.AES128)
            .encryptionPassword(Secret.of(PRIV)));
  }

  private static SnmpSubscriberProperties.Builder snmptrapd() {
    return SnmpSubscriberProperties.builder().networkAddress("127.0.0.1").port(port);
  }

  /** Sends one trap with a new marker to snmptrapd and asserts what it printed for it. */
  private static void sendAndAssertDecoded(SnmpSubscriberProperties.Builder props)
      throws Exception {
    String marker = UUID.randomUUID().toString();
    try (SnmpTransport t = SnmpTransport.builder().build()) {
      t.send(notification(props.build(), marker));
    }
    assertDecoded(marker);
  }
}
