// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.secret.Secret;
import io.pamkit.simulator.AdminRole;
import io.pamkit.simulator.SppSimulator;
import io.pamkit.simulator.SpsSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit simulator}: starts the password appliance (SPP) and session appliance (SPS)
 * simulators on loopback, writes their certificate authorities to one PEM file, and prints ready
 * {@code pamkit link} command lines with the users and how to pass their passwords. It runs until
 * Ctrl-C, or for {@code --for SECONDS}.
 */
@Command(
    name = "simulator",
    description = {
      "Starts the password and session appliance simulators for trying 'pamkit link'.",
      "Prints their addresses, users, a CA file to trust, and ready link commands.",
      "Runs until Ctrl-C (or --for SECONDS). Passwords: "
          + LinkCommand.PASSWORD_VARIABLE
          + " and "
          + LinkCommand.SPS_PASSWORD_VARIABLE
          + " if set, else the printed defaults."
    })
final class SimulatorCommand implements Callable<Integer> {
  /** The SPP simulator's password when {@code PAMKIT_PASSWORD} is not set. */
  static final String DEFAULT_PASSWORD = "Simulator-Passw0rd!";

  /** The SPS simulator's password when {@code PAMKIT_SPS_PASSWORD} is not set. */
  static final String DEFAULT_SPS_PASSWORD = "Sps-Simulator-Passw0rd!";

  /** The line printed once everything is up; what follows is only the stop message. */
  static final String READY = "Running; stop with Ctrl-C.";

  @Spec CommandSpec spec;

  @Option(
      names = "--spp-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "The password appliance simulator's port (default: a free port, printed).")
  int sppPort;

  @Option(
      names = "--sps-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "The session appliance simulator's port (default: a free port, printed).")
  int spsPort;

  @Option(
      names = "--ca-out",
      paramLabel = "FILE",
      description =
          "Where to write both simulators' CA certificates, PEM (default: ca.pem in a"
              + " new temporary directory, printed).")
  @Nullable Path caOut;

  @Option(
      names = "--user",
      paramLabel = "NAME",
      defaultValue = "admin",
      description = "The password appliance administrator (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = "--sps-user",
      paramLabel = "NAME",
      defaultValue = "admin",
      description = "The session appliance administrator (default: ${DEFAULT-VALUE}).")
  String spsUser;

  @Option(
      names = "--for",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description = "Stop after this many seconds (default: run until Ctrl-C).")
  int seconds;

  @Override
  public Integer call() {
    for (int p : new int[] {sppPort, spsPort}) {
      if (p < 0 || p > 65535) {
        throw new UsageException(
            (p == sppPort ? "--spp-port" : "--sps-port")
                + ": "
                + p
                + " is outside 0..65535 (0 picks a free port)");
      }
    }
    if (seconds < 0) {
      throw new UsageException("--for: " + seconds + " must be 0 (until Ctrl-C) or more");
    }
    Map<String, String> env = PamkitCli.environment(spec);
    String sppPassword = env.getOrDefault(LinkCommand.PASSWORD_VARIABLE, "");
    boolean sppFromEnv = !sppPassword.isEmpty();
    String spsPassword = env.getOrDefault(LinkCommand.SPS_PASSWORD_VARIABLE, "");
    boolean spsFromEnv = !spsPassword.isEmpty();
    PrintWriter out = spec.commandLine().getOut();
    try (SppSimulator spp = SppSimulator.builder().port(sppPort).build();
        SpsSimulator sps =
            SpsSimulator.builder()
                .port(spsPort)
                .credentials(spsUser, Secret.of(spsFromEnv ? spsPassword : DEFAULT_SPS_PASSWORD))
                .clusterEnabled(true)
                .centralManagement(true)
                .build()) {
      spp.addUser(
          user,
          Secret.of(sppFromEnv ? sppPassword : DEFAULT_PASSWORD),
          AdminRole.APPLIANCE_ADMIN,
          AdminRole.OPERATIONS_ADMIN,
          AdminRole.POLICY_ADMIN);
      Path ca = writeCa(spp.caCertificate(), sps.caCertificate());
      String sppUrl = "https://" + spp.host() + ":" + spp.port();
      String spsUrl = "https://" + sps.host() + ":" + sps.port();
      out.println("Password appliance (SPP) simulator: " + sppUrl + ", user " + user);
      out.println(
          "Session appliance (SPS) simulator:  "
              + spsUrl
              + ", user "
              + spsUser
              + " (a Central Management node)");
      out.println("CA certificates of both (trust them with --ca-cert / --sps-ca-cert): " + ca);
      out.println();
      out.println("In another terminal:");
      out.println(
          "  export "
              + LinkCommand.PASSWORD_VARIABLE
              + "="
              + (sppFromEnv ? "\"...\"   # the password you set" : "'" + DEFAULT_PASSWORD + "'")
              + " "
              + LinkCommand.SPS_PASSWORD_VARIABLE
              + "="
              + (spsFromEnv ? "\"...\"" : "'" + DEFAULT_SPS_PASSWORD + "'"));
      for (String line : commands(sppUrl, spsUrl, ca)) {
        out.println("  " + line);
      }
      out.println(READY);
      out.flush();
      CountDownLatch never = new CountDownLatch(1);
      try {
        if (seconds > 0) {
          never.await(seconds, TimeUnit.SECONDS);
        } else {
          never.await();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.println("Simulators stopped.");
      out.flush();
    }
    return ExitCodes.OK;
  }

  /**
   * The {@code pamkit link} commands to try against the simulators.
   *
   * @param sppUrl the password appliance simulator's URL
   * @param spsUrl the session appliance simulator's URL
   * @param ca the CA file
   * @return one command line per entry, starting with {@code pamkit}
   */
  List<String> commands(String sppUrl, String spsUrl, Path ca) {
    String caArg = quote(ca.toString());
    String common = " --appliance " + sppUrl + " --user " + quote(user) + " --ca-cert " + caArg;
    String sps = " --sps " + spsUrl + " --sps-user " + quote(spsUser) + " --sps-ca-cert " + caArg;
    List<String> lines = new ArrayList<>();
    lines.add("pamkit link list" + common);
    lines.add("pamkit link versions" + common + sps);
    lines.add("pamkit link preflight" + common + sps);
    lines.add("pamkit link join" + common + sps);
    lines.add("pamkit link list" + common);
    return lines;
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  private Path writeCa(X509Certificate... certificates) {
    try {
      Path file =
          caOut != null ? caOut : Files.createTempDirectory("pamkit-simulator-").resolve("ca.pem");
      StringBuilder pem = new StringBuilder();
      for (X509Certificate c : certificates) {
        pem.append("-----BEGIN CERTIFICATE-----\n")
            .append(
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(c.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      }
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
      return file;
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode a simulator certificate", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + (caOut != null ? caOut : "the CA file"), e);
    }
  }
}
