// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's promise: {@code java -jar examples/target/pamkit.jar demo} prints and exits 0. */
final class DemoJarIT {

  @Test
  void demo_asProcessFromTheShadedJar_exitsZero() throws Exception {
    Path jar = Path.of("target", "pamkit.jar");
    assertTrue(Files.isRegularFile(jar), "run after 'mvn package': " + jar.toAbsolutePath());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = Files.createTempFile("pamkit-demo", ".out");
    Process p =
        new ProcessBuilder(java, "-jar", jar.toString(), "demo")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(done, "demo did not finish: " + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("received 3 email(s)"), out);
    assertTrue(out.contains("every receiver got what was sent"), out);
    Files.deleteIfExists(log);
    assertTrue(new File(jar.toString()).length() > 0);
  }
}
