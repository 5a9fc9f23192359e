// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.leaks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No secret that a test uses appears in any log or output of the test suite (issue 15). Runs with
 * Failsafe in {@code examples}, the last module of the reactor that runs tests, so in {@code mvn
 * verify} it sees the Surefire and Failsafe reports of core, testing, notify, sessionlink,
 * simulator and of examples' own unit tests (the root POM sets {@code redirectTestOutputToFile}, so
 * standard output and error, where the test loggers write, are in {@code *-output.txt}). A targeted
 * build scans whatever reports the modules have.
 */
final class TestOutputSecretsIT {
  @Test
  void testSuiteOutput_containsNoTestSecret() {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertTrue(Files.isRegularFile(root.resolve("pom.xml")), "no reactor root at " + root);
    Set<String> secrets = SecretLeakScanner.secretsUsedByTests(root);
    // The collection itself must work, or the scan would pass vacuously.
    assertTrue(secrets.size() >= 20, "only " + secrets.size() + " test secrets found");
    List<Path> outputs = SecretLeakScanner.outputsOf(root);
    assertTrue(
        outputs.stream().anyMatch(p -> p.toString().contains("surefire-reports")),
        "no test report to scan under " + root);
    List<SecretLeakScanner.Leak> leaks = SecretLeakScanner.scan(outputs, secrets);
    assertTrue(
        leaks.isEmpty(),
        () ->
            leaks.size()
                + " test secret(s) in the test suite's output:\n"
                + leaks.stream().map(Object::toString).collect(Collectors.joining("\n")));
  }
}
