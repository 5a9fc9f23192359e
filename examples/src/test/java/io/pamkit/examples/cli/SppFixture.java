// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.simulator.AdminRole;
import io.pamkit.simulator.SppSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A password appliance simulator for the commands that log in to one ({@code link}, {@code config},
 * {@code services --appliance}), one per test method (a field annotated {@code RegisterExtension}):
 * the user {@code admin} (password {@value #PASSWORD}, appliance, operations and policy
 * administrator), the simulator's CA certificate in a PEM file, and runs of the tool with the login
 * options ({@code --appliance}, {@code --user admin}, {@code --ca-cert}) added.
 */
public final class SppFixture implements BeforeEachCallback, AfterEachCallback {
  /** The password of {@code admin}. */
  public static final String PASSWORD = "Adm1n!pw";

  /** The environment that gives the tool the password of {@code admin}. */
  public static final Map<String, String> ENV = Map.of("PAMKIT_PASSWORD", PASSWORD);

  private final CliFixture files = CliFixture.documents();
  private @Nullable SppSimulator spp;
  private @Nullable Path caCert;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    files.beforeEach(context);
    SppSimulator s = SppSimulator.builder().build();
    spp = s;
    s.addUser(
        "admin",
        Secret.of(PASSWORD),
        AdminRole.APPLIANCE_ADMIN,
        AdminRole.OPERATIONS_ADMIN,
        AdminRole.POLICY_ADMIN);
    caCert = pem(files.dir(), "spp-ca.pem", s.caCertificate());
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      spp().close();
    } finally {
      files.afterEach(context);
    }
  }

  /**
   * @return the simulator
   */
  public SppSimulator spp() {
    if (spp == null) {
      throw new IllegalStateException("register the fixture with @RegisterExtension");
    }
    return spp;
  }

  /**
   * @return the temporary directory of this test
   */
  public Path dir() {
    return files.dir();
  }

  /**
   * @return the PEM file of the simulator's CA
   */
  public Path caCert() {
    return pem();
  }

  /**
   * @return {@code https://HOST:PORT} of the simulator
   */
  public String url() {
    return url(spp().host(), spp().port());
  }

  /**
   * Returns an appliance URL.
   *
   * @param host the host
   * @param port the port
   * @return {@code https://HOST:PORT}
   */
  public static String url(String host, int port) {
    return "https://" + host + ":" + port;
  }

  /**
   * Runs the tool with the password of {@code admin} in the environment.
   *
   * @param args the command and its options; the login options are added
   * @return the run
   */
  public CliRun run(String... args) {
    return run(ENV, args);
  }

  /**
   * Runs the tool.
   *
   * @param env the environment
   * @param args the command and its options; the login options are added
   * @return the run
   */
  public CliRun run(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--appliance", url(), "--user", "admin", "--ca-cert", pem().toString()));
    return CliRun.run(env, all.toArray(String[]::new));
  }

  /**
   * Starts a client of the simulator logged in as {@code admin}.
   *
   * @return the builder; the caller builds (and closes) the client
   */
  public SppClient.Builder client() {
    return SppClient.builder()
        .host(spp().host())
        .port(spp().port())
        .sslContext(spp().clientSslContext())
        .authentication(SppAuthentication.password("admin", Secret.of(PASSWORD)));
  }

  /**
   * Writes a certificate as a PEM file.
   *
   * @param dir the directory
   * @param name the file name
   * @param cert the certificate
   * @return the file
   * @throws IOException if it cannot be written
   */
  public static Path pem(Path dir, String name, X509Certificate cert) throws IOException {
    try {
      String text =
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(cert.getEncoded())
              + "\n-----END CERTIFICATE-----\n";
      return Receivers.write(dir, name, text);
    } catch (CertificateEncodingException e) {
      throw new IOException(e);
    }
  }

  private Path pem() {
    if (caCert == null) {
      throw new IllegalStateException("register the fixture with @RegisterExtension");
    }
    return caCert;
  }
}
