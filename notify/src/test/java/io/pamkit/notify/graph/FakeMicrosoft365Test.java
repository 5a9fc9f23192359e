// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.graph;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the Graph tests share: one application certificate for the class, and a fresh local
 * Microsoft 365 (token endpoint and {@code sendMail}) for each test that knows that application.
 */
abstract class FakeMicrosoft365Test {
  static final String TENANT = "contoso.onmicrosoft.com";
  static final String CLIENT = "11111111-2222-3333-4444-555555555555";
  static final String SECRET = "very~secret.value-0123456789";

  static FakeMicrosoft365.TestCertificate cert;
  FakeMicrosoft365 ms;

  @BeforeAll
  static void certificate() throws Exception {
    cert = FakeMicrosoft365.TestCertificate.generate("pamkit graph test app");
  }

  @BeforeEach
  void start() throws Exception {
    ms = FakeMicrosoft365.start(TENANT, CLIENT, cert.certificate(), SECRET);
  }

  @AfterEach
  void stop() {
    ms.close();
  }
}
