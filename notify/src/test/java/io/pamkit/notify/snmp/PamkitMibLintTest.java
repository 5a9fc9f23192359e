// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PAMKIT-MIB passes libsmi's smilint (Debian package smitools) without errors or warnings. */
final class PamkitMibLintTest {
  private static final Path SMILINT = Paths.get("/usr/bin/smilint");

  @TempDir Path dir;

  @BeforeEach
  void smilintInstalled() {
    assumeTrue(
        Files.isExecutable(SMILINT),
        "smilint is not installed (Debian package smitools; .ci/run installs it): skipping the "
            + "MIB lint");
  }

  /** Runs smilint at level 6 (errors and warnings) with only {@code dir} on the MIB path. */
  private String lint(String file) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(SMILINT.toString(), "-l", "6", file)
            .directory(dir.toFile())
            .redirectErrorStream(true);
    pb.environment().put("SMIPATH", dir.toString());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "smilint did not finish");
    return out;
  }

  @Test
  void smilint_pamkitMib_noErrorsNoWarnings() throws Exception {
    MibFiles.write(dir);
    assertEquals("", lint("PAMKIT-MIB.txt"), "smilint reported problems");
  }

  @Test
  void smilint_brokenCopy_reportsTheProblem() throws Exception {
    MibFiles.write(dir);
    String broken =
        PamkitMib.text()
            .replaceFirst("    ::= \\{ pamkitObjects 1 \\}", "    ::= { pamkitObjects 2 }");
    Files.writeString(dir.resolve("PAMKIT-MIB.txt"), broken);
    String out = lint("PAMKIT-MIB.txt");
    assertTrue(out.contains("PAMKIT-MIB.txt:"), "the lint must catch a reused OID: " + out);
  }
}
