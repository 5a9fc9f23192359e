// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Coverage-guided fuzzing of certificate and key input: DER or PEM certificate chains and PEM key
 * material either load or fail with a {@link CertificateLoadException}. (pamkit builds CSRs but
 * reads none, so there is no CSR parser to fuzz.) In {@code mvn verify} it replays the saved corpus
 * ({@code CertificateFuzzTestInputs}); fuzz for longer with {@code JAZZER_FUZZ=1 mvn -pl core -am
 * verify -Dtest=CertificateFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Djazzer.max_duration=10m}.
 */
final class CertificateFuzzTest {

  @FuzzTest
  void chain(byte[] data) {
    List<X509Certificate> chain;
    try {
      chain = Certificates.readChain(data);
    } catch (CertificateLoadException refused) {
      return;
    }
    assertFalse(chain.isEmpty());
    Certificates.toPem(chain);
    Thumbprints.sha256(chain.get(0));
  }

  @FuzzTest
  void keyMaterial(byte[] pem) {
    try {
      KeyMaterial.fromPem(pem, null);
    } catch (CertificateLoadException refused) {
      // expected for nearly every input
    }
  }
}
