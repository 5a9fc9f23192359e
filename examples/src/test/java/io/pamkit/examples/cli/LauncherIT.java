// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's way to call the tool from a script: {@code examples/pamkit}, which a non-interactive
 * shell runs (an {@code alias} would not work there).
 */
final class LauncherIT {
  @TempDir Path dir;

  @Test
  void launcher_fromAScript_runsTheJarWithItsArguments() throws Exception {
    Path launcher = Path.of("pamkit").toAbsolutePath();
    assertTrue(Files.isExecutable(launcher), launcher.toString());
    assertTrue(Files.isRegularFile(Path.of("target", "pamkit.jar")), "run after 'mvn package'");
    Path script =
        Files.writeString(
            dir.resolve("first-hour.sh"),
            "#!/bin/sh\nset -e\n'"
                + launcher
                + "' events show PasswordChangeFailed\n"
                + "'"
                + launcher
                + "' events search NoSuchThing || echo \"exit $?\"\n",
            StandardCharsets.UTF_8);
    Path out = dir.resolve("out.txt");
    Process p =
        new ProcessBuilder("sh", script.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(done, text);
    assertEquals(0, p.exitValue(), text);
    assertTrue(text.contains("default level:    Error"), text);
    assertTrue(text.contains("CEF severity:     8"), text);
    assertTrue(text.contains("pamkit: no event name contains 'NoSuchThing'"), text);
    assertTrue(text.contains("exit 1"), text);
  }
}
