// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.AlreadySoftDeletedException;
import io.pamkit.sessionlink.ApplianceVersion;
import io.pamkit.sessionlink.Check;
import io.pamkit.sessionlink.CheckReport;
import io.pamkit.sessionlink.CheckStatus;
import io.pamkit.sessionlink.JoinFacts;
import io.pamkit.sessionlink.JoinPreflight;
import io.pamkit.sessionlink.LinkRules;
import io.pamkit.sessionlink.SessionConnectionQuery;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.SpsClient;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit link ...}: the session-appliance link client against a live password appliance
 * (SPP): list, show, add, edit and delete session connections, switch the access request broker,
 * check both appliances' versions, run the join pre-flight and join.
 *
 * <p>It logs in by PKCE with {@code --user} by default ({@code --grant} chooses the resource owner
 * grant, a device code or a client certificate; {@code --access-token-env} an issued token). The
 * password is read from {@code PAMKIT_PASSWORD} (the session appliance's from {@code
 * PAMKIT_SPS_PASSWORD}) or prompted for without echo on a terminal, a second factor from {@code
 * PAMKIT_OTP} or a prompt; none is ever a command-line argument. {@code --ca-cert FILE} trusts the
 * appliance's certificate authority (PEM); the certificate and its host name are always verified.
 */
@Command(
    name = "link",
    description = {
      "Manages the link between a session appliance cluster and a password appliance.",
      "The password comes from PAMKIT_PASSWORD or a prompt, never from an argument.",
      "Exit codes: 0 done, 1 the appliance refused or could not be reached",
      "(its error code, message and remedy are printed), 2 bad input."
    },
    subcommands = {
      LinkCommand.ListCommand.class,
      LinkCommand.ShowCommand.class,
      LinkCommand.AddCommand.class,
      LinkCommand.EditCommand.class,
      LinkCommand.DeleteCommand.class,
      LinkCommand.BrokerCommand.class,
      LinkCommand.VersionsCommand.class,
      LinkCommand.PreflightCommand.class,
      LinkCommand.JoinCommand.class
    })
final class LinkCommand {
  /** The environment variable holding the password appliance user's password. */
  static final String PASSWORD_VARIABLE = "PAMKIT_PASSWORD";

  /** The environment variable holding the one-time password of a second factor. */
  static final String OTP_VARIABLE = "PAMKIT_OTP";

  /** The environment variable holding the password of a {@code --client-cert} PKCS#12 file. */
  static final String CERT_PASSWORD_VARIABLE = "PAMKIT_CERT_PASSWORD";

  /** The environment variable holding the session appliance user's password. */
  static final String SPS_PASSWORD_VARIABLE = "PAMKIT_SPS_PASSWORD";

  @ParentCommand PamkitCli root;

  /**
   * The options every link subcommand takes: the login of {@link ApplianceOptions} ({@code
   * --appliance} is required), and how to log in.
   */
  static final class Common extends ApplianceOptions {
    @Option(
        names = "--grant",
        paramLabel = "pkce|password|device|certificate",
        description =
            "How to log in: pkce (default; user name and password, works with the"
                + " appliance's default settings), password (the OAuth2 resource owner grant, only if"
                + " the appliance allows it), device (approve a code in a browser), certificate"
                + " (--client-cert).")
    String grant = "pkce";

    @Option(
        names = "--provider",
        paramLabel = "NAME",
        description =
            "The identity provider: local (default) or a directory's name or RstsProviderId.")
    String provider = "local";

    @Option(
        names = "--client-cert",
        paramLabel = "FILE",
        description =
            "The client certificate of --grant certificate: PKCS#12 (.p12/.pfx, password"
                + " from "
                + CERT_PASSWORD_VARIABLE
                + ") or PEM with certificate and unencrypted key.")
    @Nullable Path clientCert;

    @Option(
        names = "--access-token-env",
        paramLabel = "VARIABLE",
        description = "Use the user token in this environment variable instead of logging in.")
    @Nullable String accessTokenEnv;

    @Option(names = "--json", description = "Print the result as one JSON document.")
    boolean json;
  }

  /** Base of the subcommands: opens the client and maps the result to output. */
  abstract static class Sub implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand LinkCommand link;
    @Mixin Common common;

    @Override
    public final Integer call() throws Exception {
      try (SppClient client = client()) {
        return run(client, spec.commandLine().getOut());
      }
    }

    abstract int run(SppClient client, PrintWriter out) throws Exception;

    SppClient client() {
      return common.open(this::authentication);
    }

    /** The login the options ask for; PKCE with user name and password by default. */
    SppAuthentication authentication() {
      Map<String, String> env = link.root.environment();
      if (common.accessTokenEnv != null) {
        String token = env.get(common.accessTokenEnv);
        if (token == null || token.isBlank()) {
          throw new UsageException(
              "--access-token-env " + common.accessTokenEnv + ": the variable is not set");
        }
        return SppAuthentication.token(Secret.of(token.trim()));
      }
      PrintWriter err = spec.commandLine().getErr();
      switch (common.grant) {
        case "pkce" -> {
          return SppAuthentication.pkce(
              requireUser(),
              password(PASSWORD_VARIABLE, requireUser(), common.appliance()),
              common.provider,
              challenge -> oneTimePassword(challenge.message()));
        }
        case "password" -> {
          return SppAuthentication.resourceOwner(
              requireUser(),
              password(PASSWORD_VARIABLE, requireUser(), common.appliance()),
              common.provider);
        }
        case "device" -> {
          return SppAuthentication.deviceCode(
              i -> {
                err.println(
                    "To log in, open "
                        + i.verificationUri()
                        + " and enter the code "
                        + i.userCode()
                        + (i.verificationUriComplete() == null
                            ? ""
                            : " (or open " + i.verificationUriComplete() + ")")
                        + "; it expires in "
                        + i.expiresIn().toSeconds()
                        + " s.");
                err.flush();
              });
        }
        case "certificate" -> {
          if (common.clientCert == null) {
            throw new UsageException("--grant certificate needs --client-cert FILE");
          }
          return SppAuthentication.certificate(clientKey(common.clientCert, env));
        }
        default -> {
          throw new UsageException(
              "--grant '" + common.grant + "' is not one of pkce, password, device, certificate");
        }
      }
    }

    private String requireUser() {
      if (common.user == null || common.user.isBlank()) {
        throw new UsageException("--grant " + common.grant + " needs --user NAME");
      }
      return common.user;
    }

    private Secret oneTimePassword(@Nullable String message) {
      return SecretInput.read(
          link.root.environment(),
          OTP_VARIABLE,
          "one-time password (the appliance asks for a second factor)",
          message == null ? "One-time password" : message);
    }

    private static io.pamkit.core.cert.KeyMaterial clientKey(Path file, Map<String, String> env) {
      try {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
          String pw = env.get(CERT_PASSWORD_VARIABLE);
          return io.pamkit.core.cert.KeyMaterial.fromPkcs12(file, Secret.of(pw == null ? "" : pw));
        }
        return io.pamkit.core.cert.KeyMaterial.fromPem(Files.readAllBytes(file), null);
      } catch (IOException | io.pamkit.core.cert.CertificateLoadException e) {
        throw new UsageException("--client-cert " + file + ": " + e.getMessage());
      }
    }

    Secret password(String variable, String user, String where) {
      return ApplianceOptions.password(link.root.environment(), variable, user, where);
    }

    void print(PrintWriter out, Object json, String text) {
      if (common.json) {
        Json.print(out, json);
      } else {
        out.println(text);
        out.flush();
      }
    }
  }

  @Command(
      name = "list",
      description = "Lists the session connections (linked session appliances).")
  static final class ListCommand extends Sub {
    @Option(
        names = "--include-disconnected",
        description = "Also list soft-deleted (disconnected) connections.")
    boolean includeDisconnected;

    @Override
    int run(SppClient client, PrintWriter out) {
      List<SessionModuleConnection> all =
          client.sessionConnections(
              SessionConnectionQuery.builder().includeDisconnected(includeDisconnected).build());
      List<Object> json = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (SessionModuleConnection c : all) {
        json.add(describe(c));
        text.append(
            String.format(
                "%-4s %-24s %-28s %-16s %-8s %s%n",
                c.id(),
                c.nodeId(),
                c.spsHostName(),
                c.spsNetworkAddress(),
                c.trusted() ? "trusted" : "-",
                c.description() == null ? "" : c.description()));
      }
      Map<String, Object> d = Json.object();
      d.put("connections", json);
      print(out, d, all.isEmpty() ? "no session connections" : text.toString().stripTrailing());
      return ExitCodes.OK;
    }
  }

  @Command(name = "show", description = "Shows one session connection.")
  static final class ShowCommand extends Sub {
    @Parameters(paramLabel = "ID", description = "The connection's Id.")
    int id;

    @Override
    int run(SppClient client, PrintWriter out) {
      Map<String, Object> c = describe(client.sessionConnection(id));
      StringBuilder text = new StringBuilder();
      c.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
      print(out, c, text.toString().stripTrailing());
      return ExitCodes.OK;
    }
  }

  /** The fields of a connection that {@code add} sets and {@code edit} changes. */
  static final class ConnectionFields {
    @Option(names = "--description", paramLabel = "TEXT", description = "Its Description.")
    @Nullable String description;

    @Option(
        names = "--network-address",
        paramLabel = "IPV4",
        description = "The session appliance's SpsNetworkAddress.")
    @Nullable String networkAddress;

    /**
     * @return {@code --network-address}, or null when not given
     * @throws UsageException if it is not an IPv4 address
     */
    @Nullable String networkAddress() {
      ipv4("--network-address", networkAddress);
      return networkAddress;
    }
  }

  @Command(
      name = "add",
      description =
          "Links a session appliance node, as it does when it joins"
              + " (POST Cluster/SessionModules).")
  static final class AddCommand extends Sub {
    @Option(
        names = "--node-id",
        required = true,
        paramLabel = "ID",
        description = "The session appliance node's NodeId.")
    String nodeId;

    @Option(names = "--host-name", paramLabel = "NAME", description = "SpsHostName.")
    @Nullable String hostName;

    @Mixin ConnectionFields fields;

    @Option(
        names = "--firmware-version",
        paramLabel = "VERSION",
        description = "The session appliance's FirmwareVersion.")
    @Nullable String firmwareVersion;

    @Override
    int run(SppClient client, PrintWriter out) {
      SessionModuleConnection linked =
          client.link(
              SessionModuleConnection.builder()
                  .nodeId(nodeId)
                  .spsHostName(hostName)
                  .spsNetworkAddress(fields.networkAddress())
                  .description(fields.description)
                  .firmwareVersion(firmwareVersion)
                  .build());
      print(out, describe(linked), "linked " + linked.nodeId() + " as connection " + linked.id());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "edit",
      description =
          "Edits a session connection's description, network address or UseHostNameForLaunch.")
  static final class EditCommand extends Sub {
    @Parameters(paramLabel = "ID", description = "The connection's Id.")
    int id;

    @Mixin ConnectionFields fields;

    @Option(
        names = "--use-host-name-for-launch",
        paramLabel = "true|false",
        arity = "1",
        description = "Whether sessions are launched by host name.")
    @Nullable Boolean useHostName;

    @Override
    int run(SppClient client, PrintWriter out) {
      String description = fields.description;
      String networkAddress = fields.networkAddress();
      if (description == null && networkAddress == null && useHostName == null) {
        throw new UsageException(
            "nothing to edit: give --description, --network-address or"
                + " --use-host-name-for-launch");
      }
      SessionModuleConnection c =
          client.editSessionConnection(id, description, networkAddress, useHostName);
      print(out, describe(c), "edited connection " + c.id());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "delete",
      description = {
        "Deletes a session connection (soft, or --hard for good).",
        "Soft: disconnected, values kept for a relink. Hard: the documented two-step delete."
      })
  static final class DeleteCommand extends Sub {
    @Parameters(paramLabel = "ID", description = "The connection's Id.")
    int id;

    @Option(
        names = "--hard",
        description =
            "Delete for good, not only disconnect (the only way"
                + " this command sends a second DELETE).")
    boolean hard;

    @Override
    int run(SppClient client, PrintWriter out) {
      Map<String, Object> d = Json.object();
      d.put("id", id);
      if (hard) {
        int deletes = client.hardDelete(id);
        d.put("deleted", "hard");
        d.put("requests", deletes);
        print(out, d, "deleted connection " + id + " for good (" + deletes + " DELETE request(s))");
      } else {
        // softDelete checks first and never sends the DELETE that would hard delete: a re-run
        // after a time-out finds the row already soft-deleted and leaves it.
        try {
          client.softDelete(id);
          d.put("deleted", "soft");
          print(
              out,
              d,
              "disconnected connection "
                  + id
                  + " (soft delete; 'link list --include-disconnected' shows it, --hard removes it)");
        } catch (AlreadySoftDeletedException already) {
          d.put("deleted", "already soft");
          print(
              out,
              d,
              "connection "
                  + id
                  + " is already soft-deleted (perhaps by an earlier run); nothing"
                  + " was sent. --hard removes it for good");
        }
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "broker",
      description =
          "Shows or switches the access request broker (sessions-initiated password access).")
  static final class BrokerCommand extends Sub {
    @Parameters(
        arity = "0..1",
        paramLabel = "on|off",
        description = "The new state; none to show it.")
    @Nullable String state;

    @Override
    int run(SppClient client, PrintWriter out) {
      boolean enabled;
      if (state == null) {
        enabled = client.accessRequestBroker();
      } else if (state.equalsIgnoreCase("on")) {
        enabled = client.setAccessRequestBroker(true);
      } else if (state.equalsIgnoreCase("off")) {
        enabled = client.setAccessRequestBroker(false);
      } else {
        throw new UsageException("broker state '" + state + "' is neither on nor off");
      }
      Map<String, Object> d = Json.object();
      d.put("accessRequestBroker", enabled);
      print(out, d, "access request broker: " + (enabled ? "on" : "off"));
      return ExitCodes.OK;
    }
  }

  /** The options of the commands that also talk to the session appliance. */
  static final class SpsOptions {
    @Option(
        names = "--sps",
        paramLabel = "https://HOST[:PORT]",
        description = "The session appliance node (its Central Management node).")
    @Nullable String sps;

    @Option(
        names = "--sps-user",
        paramLabel = "NAME",
        description =
            "The session appliance user; the password is read from "
                + SPS_PASSWORD_VARIABLE
                + " or prompted for.")
    @Nullable String spsUser;

    @Option(
        names = "--sps-ca-cert",
        paramLabel = "FILE",
        description = "PEM certificate(s) to trust for the session appliance.")
    @Nullable Path spsCaCert;
  }

  abstract static class SpsSub extends Sub {
    @ArgGroup(exclusive = false)
    @Nullable SpsOptions spsOptions;

    @Nullable SpsClient spsClient(boolean required) {
      if (spsOptions == null || spsOptions.sps == null) {
        if (required) {
          throw new UsageException("this command needs --sps https://HOST[:PORT] and --sps-user");
        }
        return null;
      }
      if (spsOptions.spsUser == null) {
        throw new UsageException("--sps needs --sps-user");
      }
      Endpoint e = Endpoint.parse("--sps", spsOptions.sps);
      SpsClient.Builder b =
          SpsClient.builder()
              .host(e.host)
              .port(e.port)
              .credentials(
                  spsOptions.spsUser,
                  password(SPS_PASSWORD_VARIABLE, spsOptions.spsUser, spsOptions.sps));
      if (spsOptions.spsCaCert != null) {
        b.trustedCertificates(certificates("--sps-ca-cert", spsOptions.spsCaCert));
      }
      SpsClient c = b.build();
      c.login();
      return c;
    }
  }

  @Command(
      name = "versions",
      description = {
        "Shows the appliances' versions and checks the link rules.",
        "With --sps: may they be linked (exact major.minor match, never LTS with feature),",
        "and do they support the sessions-initiated workflow?",
        "Exit code 1 when --sps is given and a rule fails."
      })
  static final class VersionsCommand extends SpsSub {
    @Override
    int run(SppClient client, PrintWriter out) {
      ApplianceVersion spp = ApplianceVersion.of(client.version());
      Map<String, Object> d = Json.object();
      d.put("spp", spp.toString());
      d.put("sppLts", spp.lts());
      StringBuilder text = new StringBuilder("SPP " + spp + (spp.lts() ? " (LTS)" : " (feature)"));
      List<Check> checks = new ArrayList<>();
      try (SpsClient sps = spsClient(false)) {
        if (sps != null) {
          ApplianceVersion v = sps.version();
          d.put("sps", v.toString());
          text.append("\nSPS ").append(v).append(v.lts() ? " (LTS)" : " (feature)");
          checks.add(LinkRules.linkCompatibility(spp, v));
          checks.add(LinkRules.sessionsInitiatedVersions(spp, v));
        }
      }
      d.put("checks", checks.stream().map(LinkCommand::describe).toList());
      checks.forEach(c -> text.append('\n').append(line(c)));
      print(out, d, text.toString());
      return checks.stream().anyMatch(c -> c.status() == CheckStatus.FAIL)
          ? ExitCodes.FAILURE
          : ExitCodes.OK;
    }
  }

  @Command(
      name = "preflight",
      description = {
        "Runs the join pre-flight against both appliances.",
        "Every prerequisite of linking the session appliance (--sps) to the password",
        "appliance, as pass, fail or unknown with its remedy. Exit code 1 when a check fails."
      })
  static final class PreflightCommand extends SpsSub {
    @Override
    int run(SppClient client, PrintWriter out) {
      CheckReport report;
      try (SpsClient sps = spsClient(true)) {
        JoinFacts.Builder facts = JoinPreflight.gather(client, sps);
        report = JoinPreflight.evaluate(facts.build(), Clock.systemUTC());
      }
      Map<String, Object> d = Json.object();
      d.put("passed", report.allPassed());
      d.put("failed", report.anyFailed());
      d.put("checks", report.checks().stream().map(LinkCommand::describe).toList());
      StringBuilder text = new StringBuilder();
      report.checks().forEach(c -> text.append(line(c)).append('\n'));
      text.append(
          report.anyFailed()
              ? "pre-flight: a prerequisite fails; fix it before joining"
              : report.allPassed()
                  ? "pre-flight: every prerequisite passes"
                  : "pre-flight: nothing fails; verify the unknown prerequisites by hand");
      print(out, d, text.toString());
      return report.anyFailed() ? ExitCodes.FAILURE : ExitCodes.OK;
    }
  }

  @Command(
      name = "join",
      description = {
        "Joins the session appliance (--sps) to the password appliance.",
        "Runs the pre-flight first and joins only when no check fails; --promote first makes",
        "the node a Central Management node (even a single node must be one).",
        "Exit code 1 when a check fails or an appliance refuses the join."
      })
  static final class JoinCommand extends SpsSub {
    @Option(
        names = "--spp-address",
        paramLabel = "HOST[:PORT]",
        description =
            "The password appliance's address as the session appliance reaches it"
                + " (default: the --appliance host and port).")
    @Nullable String sppAddress;

    @Option(names = "--promote", description = "Promote the node to Central Management first.")
    boolean promote;

    @Override
    int run(SppClient client, PrintWriter out) {
      Endpoint e = Endpoint.parse("--appliance", common.appliance());
      String address =
          sppAddress != null
              ? sppAddress
              : (e.host.contains(":") ? "[" + e.host + "]" : e.host)
                  + (e.port == 443 ? "" : ":" + e.port);
      Map<String, Object> d = Json.object();
      StringBuilder text = new StringBuilder();
      try (SpsClient sps = spsClient(true)) {
        if (promote) {
          sps.ensureCentralManagement();
          text.append("the node is now a Central Management node\n");
        }
        CheckReport report =
            JoinPreflight.evaluate(JoinPreflight.gather(client, sps).build(), Clock.systemUTC());
        d.put("checks", report.checks().stream().map(LinkCommand::describe).toList());
        report.checks().forEach(c -> text.append(line(c)).append('\n'));
        if (report.anyFailed()) {
          d.put("joined", false);
          text.append("not joined: a pre-flight check fails; fix it and run join again");
          print(out, d, text.toString());
          return ExitCodes.FAILURE;
        }
        sps.joinSpp(client, address);
      }
      List<SessionModuleConnection> links =
          client.sessionConnections(SessionConnectionQuery.defaults());
      d.put("joined", true);
      d.put("connections", links.stream().map(LinkCommand::describe).toList());
      text.append("joined: the password appliance now lists ")
          .append(links.size())
          .append(" session connection(s)");
      print(out, d, text.toString());
      return ExitCodes.OK;
    }
  }

  static String line(Check c) {
    return String.format(
        "%-7s %-26s %s%s",
        c.status(), c.id(), c.detail(), c.remedy() == null ? "" : " -- " + c.remedy());
  }

  static Map<String, Object> describe(Check c) {
    Map<String, Object> m = Json.object();
    m.put("id", c.id());
    m.put("status", c.status().name());
    m.put("rule", c.rule());
    m.put("detail", c.detail());
    if (c.remedy() != null) {
      m.put("remedy", c.remedy());
    }
    return m;
  }

  static Map<String, Object> describe(SessionModuleConnection c) {
    Map<String, Object> m = Json.object();
    m.put("Id", c.id());
    m.put("NodeId", c.nodeId());
    m.put("SpsHostName", c.spsHostName());
    m.put("SpsNetworkAddress", c.spsNetworkAddress());
    m.put("Description", c.description());
    m.put("Trusted", c.trusted());
    m.put("UseHostNameForLaunch", c.useHostNameForLaunch());
    m.put("FirmwareVersion", c.firmwareVersion());
    m.put("CertificateUserThumbprint", c.certificateUserThumbprint());
    return m;
  }

  /**
   * Refuses a value that is not a dotted-quad IPv4 address (an option whose label says IPV4).
   *
   * @param option the option's name, for the message
   * @param value the value, or null when the option is not given
   * @throws UsageException naming the option
   */
  static void ipv4(String option, @Nullable String value) {
    if (value != null
        && !value
            .strip()
            .matches(
                "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)")) {
      throw new UsageException(
          option
              + ": '"
              + value
              + "' is not an IPv4 address (four numbers"
              + " 0..255, e.g. 192.0.2.10)"
              + (value.contains(":") ? "; IPv6 is not accepted here" : ""));
    }
  }

  static List<X509Certificate> certificates(String option, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException(option + " " + file + ": no such file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> out = new ArrayList<>();
      for (java.security.cert.Certificate c :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new UsageException(option + " " + file + ": no PEM certificate in the file");
      }
      return out;
    } catch (CertificateException e) {
      throw new UsageException(
          option + " " + file + ": not a PEM certificate (" + PamkitCli.oneLine(e) + ")");
    } catch (IOException e) {
      throw new UsageException(option + " " + file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** An appliance address given as {@code https://HOST[:PORT]}. */
  static final class Endpoint {
    final String host;
    final int port;

    private Endpoint(String host, int port) {
      this.host = host;
      this.port = port;
    }

    static Endpoint parse(String option, String text) {
      String shown = TargetUrls.mask(text.strip()); // never echo a password
      URI u;
      try {
        u = new URI(text.strip());
      } catch (URISyntaxException e) {
        throw new UsageException(option + " '" + shown + "' is not a URL: " + e.getReason());
      }
      if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
        throw new UsageException(
            option
                + " '"
                + shown
                + "' must be https://HOST[:PORT]"
                + " (the link is only spoken over TLS)");
      }
      if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) {
        throw new UsageException(option + " '" + shown + "' must not have a path");
      }
      if (u.getUserInfo() != null) {
        throw new UsageException(option + " '" + shown + "' must not carry a user or password");
      }
      String host = u.getHost();
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      return new Endpoint(host, u.getPort() == -1 ? 443 : u.getPort());
    }
  }
}
