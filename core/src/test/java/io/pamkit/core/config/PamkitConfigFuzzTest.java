// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pamkit.core.ValidationException;
import java.io.ByteArrayInputStream;

/**
 * Coverage-guided fuzzing of the configuration document reader: any bytes either read as a
 * configuration that can be written back, or fail with a {@link ConfigurationException} (never
 * another exception, a hang or a stack overflow). In {@code mvn verify} it replays the saved corpus
 * ({@code PamkitConfigFuzzTestInputs}); fuzz for longer with {@code JAZZER_FUZZ=1 mvn -pl core -am
 * verify -Dtest=PamkitConfigFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Djazzer.max_duration=10m}.
 */
final class PamkitConfigFuzzTest {

  @FuzzTest
  void read(byte[] document) {
    PamkitConfig config;
    try {
      config = PamkitConfig.read(new ByteArrayInputStream(document));
    } catch (ValidationException refused) {
      return;
    }
    config.toJson(SecretOutput.MASK);
    config.trustedServerRules();
  }
}
