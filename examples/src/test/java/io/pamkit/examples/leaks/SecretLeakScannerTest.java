// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner finds a secret planted in a fake reactor's test output, and only there. */
final class SecretLeakScannerTest {
  @TempDir Path root;

  /** Built at run time so that this source itself carries no collectable secret. */
  private static final String PLANTED = "Pl4nted" + "-" + "Secret" + "!";

  private static final String Q = "\"";

  /** Split so that the scanner, reading this source, does not take these lines for secrets. */
  private static final String OF = "Secret" + ".of(";

  private static final String MARKER = "// test " + "secret";

  private Path module(String name) throws Exception {
    Path m = Files.createDirectories(root.resolve(name));
    Files.writeString(m.resolve("pom.xml"), "<project/>");
    return m;
  }

  @Test
  void secretsIn_everyMarkerForm_collected_wordsAndShortOnesNot() {
    String source =
        String.join(
            "\n",
            "var a = " + OF + Q + "hunter2-pw" + Q + ");",
            "var b = " + OF + Q + "pw" + Q + ");",
            "var c = " + OF + Q + "changeit" + Q + ");",
            "var o = " + OF + Q + "424242" + Q + ");",
            "String d = "
                + Q
                + "{\\"
                + Q
                + "Password\\"
                + Q
                + ": \\"
                + Q
                + "J$on-pw1\\"
                + Q
                + "}"
                + Q
                + ";",
            "String e = "
                + Q
                + "{'ApiKey': 1}"
                + Q
                + "; // "
                + Q
                + "ApiKey"
                + Q
                + ": "
                + Q
                + "SG.k3y-x"
                + Q,
            "Map.of(" + Q + "PAMKIT_SPS_PASSWORD" + Q + ", " + Q + "Sps!pw1" + Q + ");",
            "String f = " + Q + "opaque-t0ken" + Q + "; " + MARKER,
            "String g = " + Q + "not-a-secret-1" + Q + ";");
    Set<String> s = SecretLeakScanner.secretsIn(source);
    assertEquals(Set.of("hunter2-pw", "J$on-pw1", "SG.k3y-x", "Sps!pw1", "opaque-t0ken"), s);
  }

  @Test
  void scan_plantedSecretInOutput_reportedWithFileAndLine() throws Exception {
    Path core = module("core");
    Files.createDirectories(core.resolve("src/test/java/x"));
    Files.writeString(
        core.resolve("src/test/java/x/ATest.java"),
        "class ATest { Object s = " + OF + Q + PLANTED + Q + "); }");
    Path reports = Files.createDirectories(core.resolve("target/surefire-reports"));
    Files.writeString(
        reports.resolve("x.ATest-output.txt"), "line one\nlogin with " + PLANTED + "\n");
    Files.writeString(reports.resolve("x.BTest-output.txt"), "clean\n");
    Path notify = module("notify");
    Path failsafe = Files.createDirectories(notify.resolve("target/failsafe-reports"));
    Files.writeString(
        failsafe.resolve("TEST-x.CIT.xml"),
        "<testsuite>\n<testcase name=\"[1] "
            + PLANTED
            + "\">\n<failure message=\"password "
            + PLANTED
            + "\"/>\n</testcase>\n</testsuite>\n");
    Path logs = Files.createDirectories(notify.resolve("target/rsyslog"));
    Files.writeString(logs.resolve("messages.log"), "ok\nok\nPASS=" + PLANTED + "\n");
    Files.writeString(logs.resolve("ignored.bin"), PLANTED);

    Set<String> secrets = SecretLeakScanner.secretsUsedByTests(root);
    assertEquals(Set.of(PLANTED), secrets);
    List<Path> outputs = SecretLeakScanner.outputsOf(root);
    assertEquals(4, outputs.size(), outputs.toString());
    List<SecretLeakScanner.Leak> leaks = SecretLeakScanner.scan(outputs, secrets);

    assertEquals(3, leaks.size(), leaks.toString());
    assertEquals(reports.resolve("x.ATest-output.txt"), leaks.get(0).file());
    assertEquals(2, leaks.get(0).line());
    assertEquals(3, leaks.get(1).line()); // the XML failure message, not the test's name
    assertEquals(3, leaks.get(2).line());
    String report = leaks.get(0).toString();
    assertTrue(
        report.endsWith("x.ATest-output.txt:2: contains the test secret 'Pl...' (15 characters)"),
        report);
    assertFalse(report.contains(PLANTED), report);
  }

  @Test
  void scan_cleanOutput_noLeak() throws Exception {
    Path core = module("core");
    Path reports = Files.createDirectories(core.resolve("target/surefire-reports"));
    Files.writeString(reports.resolve("x.ATest-output.txt"), "password ******\n");
    assertTrue(
        SecretLeakScanner.scan(SecretLeakScanner.outputsOf(root), Set.of(PLANTED)).isEmpty());
  }
}
