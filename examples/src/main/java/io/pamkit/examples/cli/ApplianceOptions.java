// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import java.io.Console;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options that log in to a live password appliance for {@code config pull|push} and {@code
 * services --appliance}, and the one place that turns them into an {@link SppClient}. It logs in as
 * {@code pamkit link} does ({@code --appliance https://HOST[:PORT]}, {@code --user}, the password
 * from {@value LinkCommand#PASSWORD_VARIABLE} or a prompt, {@code --ca-cert}); when the link
 * command's login options change, change them here too.
 */
class ApplianceOptions {
  @Option(
      names = "--appliance",
      paramLabel = "https://HOST[:PORT]",
      description = "The live password appliance (its primary for changes).")
  @Nullable String appliance;

  @Option(
      names = "--user",
      paramLabel = "NAME",
      description =
          "The appliance user (local provider); the password is read from "
              + LinkCommand.PASSWORD_VARIABLE
              + " or prompted for.")
  @Nullable String user;

  @Option(
      names = "--ca-cert",
      paramLabel = "FILE",
      description =
          "PEM certificate(s) to trust for the appliance (default: the JDK's trusted"
              + " authorities).")
  @Nullable Path caCert;

  /**
   * @return whether {@code --appliance} was given
   */
  boolean live() {
    return appliance != null;
  }

  /**
   * Opens a client of the appliance; the caller closes it (which logs out).
   *
   * @param environment the tool's environment (for the password)
   * @return the client; it logs in on the first call
   * @throws UsageException if {@code --appliance} or {@code --user} is missing, or no password
   */
  SppClient open(Map<String, String> environment) {
    if (appliance == null) {
      throw new UsageException("--appliance https://HOST is required");
    }
    if (user == null || user.isBlank()) {
      throw new UsageException("--user is required with --appliance");
    }
    LinkCommand.Endpoint e = LinkCommand.Endpoint.parse("--appliance", appliance);
    SppClient.Builder b =
        SppClient.builder()
            .host(e.host)
            .port(e.port)
            .authentication(SppAuthentication.password(user, password(environment)));
    if (caCert != null) {
      b.trustedCertificates(LinkCommand.certificates("--ca-cert", caCert));
    }
    return b.build();
  }

  private Secret password(Map<String, String> environment) {
    String fromEnv = environment.get(LinkCommand.PASSWORD_VARIABLE);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Secret.of(fromEnv);
    }
    Console console = System.console();
    if (console == null) {
      throw new UsageException(
          "no password for "
              + user
              + ": set "
              + LinkCommand.PASSWORD_VARIABLE
              + " or run on a terminal to be prompted");
    }
    char[] typed = console.readPassword("Password of %s at %s: ", user, appliance);
    if (typed == null || typed.length == 0) {
      throw new UsageException("no password entered for " + user);
    }
    Secret s = Secret.of(typed);
    java.util.Arrays.fill(typed, '\0');
    return s;
  }

  /**
   * Returns the tool's environment from any command's spec.
   *
   * @param spec the running command's spec
   * @return the environment
   */
  static Map<String, String> environment(picocli.CommandLine.Model.CommandSpec spec) {
    return ((PamkitCli) spec.root().userObject()).environment();
  }
}
