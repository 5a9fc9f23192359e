// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that log in to a live password appliance ({@code --appliance https://HOST[:PORT]},
 * {@code --user}, the password from {@value LinkCommand#PASSWORD_VARIABLE} or a prompt, {@code
 * --ca-cert}), and the one place that turns them into an {@link SppClient}: for {@code config
 * pull|push} and {@code services --appliance}, and, with the login options of its own, for {@code
 * link}.
 */
class ApplianceOptions {
  /** The command these options are mixed into. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--appliance",
      paramLabel = "https://HOST[:PORT]",
      description = "The live password appliance (its primary for changes).")
  @Nullable String appliance;

  @Option(
      names = "--user",
      paramLabel = "NAME",
      description =
          "The appliance user; the password is read from "
              + LinkCommand.PASSWORD_VARIABLE
              + " or prompted for. Not needed by link's --grant device and certificate.")
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
   * Opens a client of the appliance that logs in with the user's password (the local provider's
   * resource owner grant); the caller closes it (which logs out).
   *
   * @return the client; it logs in on the first call
   * @throws UsageException if {@code --appliance} or {@code --user} is missing, or no password
   */
  SppClient open() {
    String where = appliance();
    String name = user;
    if (name == null || name.isBlank()) {
      throw new UsageException("--user is required with --appliance");
    }
    return open(
        () ->
            SppAuthentication.password(
                name, password(environment(), LinkCommand.PASSWORD_VARIABLE, name, where)));
  }

  /**
   * Reads the password of a user.
   *
   * @param environment the tool's environment
   * @param variable the variable read first
   * @param name the user
   * @param where the appliance, for the prompt
   * @return the password
   * @throws UsageException if there is none
   */
  static Secret password(
      Map<String, String> environment, String variable, String name, String where) {
    return SecretInput.read(
        environment, variable, "password for " + name, "Password of " + name + " at " + where);
  }

  /**
   * Opens a client of the appliance that logs in as given; the caller closes it.
   *
   * @param authentication the login, asked for once the address is known to be good
   * @return the client
   * @throws UsageException if {@code --appliance} is missing or not {@code https://HOST[:PORT]}, or
   *     the {@code --ca-cert} file holds no certificate
   */
  SppClient open(Supplier<SppAuthentication> authentication) {
    return open(
        LinkCommand.Endpoint.parse("--appliance", appliance()), caCert, authentication.get());
  }

  /**
   * Opens a client of an appliance; the one place the tool builds an {@link SppClient} from its
   * {@code --appliance} and {@code --ca-cert} options (also for {@code approvals poll}, which logs
   * in as each approver). The caller closes it.
   *
   * @param endpoint the parsed {@code --appliance}
   * @param caCert the {@code --ca-cert} file, or null for the JDK's trusted authorities
   * @param authentication the login
   * @return the client
   * @throws UsageException if the {@code --ca-cert} file holds no certificate
   */
  static SppClient open(
      LinkCommand.Endpoint endpoint, @Nullable Path caCert, SppAuthentication authentication) {
    SppClient.Builder b =
        SppClient.builder().host(endpoint.host).port(endpoint.port).authentication(authentication);
    if (caCert != null) {
      b.trustedCertificates(LinkCommand.certificates("--ca-cert", caCert));
    }
    return b.build();
  }

  /**
   * @return the {@code --appliance} URL
   * @throws UsageException if it was not given
   */
  String appliance() {
    if (appliance == null) {
      throw new UsageException("--appliance https://HOST is required");
    }
    return appliance;
  }

  /**
   * @return the tool's environment (e.g. {@code PAMKIT_PASSWORD})
   */
  Map<String, String> environment() {
    return PamkitCli.environment(spec);
  }
}
