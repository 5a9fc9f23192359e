// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.EnvironmentCredentialResolver;
import io.pamkit.core.secret.Secret;
import io.pamkit.examples.recipes.ApproveByReplyRecipe;
import io.pamkit.notify.approval.ApprovalResult;
import io.pamkit.notify.approval.ApprovalStore;
import io.pamkit.notify.approval.ApprovalTokens;
import io.pamkit.notify.approval.AuthenticationPolicy;
import io.pamkit.notify.approval.EmailApprovals;
import io.pamkit.notify.approval.ImapMailbox;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit approvals poll}: reads the approvals mailbox once over IMAP and posts each valid
 * approver reply to the appliance as that approver ({@code AccessRequests/{id}/Approve|Deny}).
 */
@Command(
    name = "approvals",
    mixinStandardHelpOptions = true,
    description = "Approve by email reply: poll the approvals mailbox.",
    subcommands = {ApprovalsCommand.PollCommand.class})
final class ApprovalsCommand {
  /** The token key's variable (32 characters or more). */
  static final String KEY_VARIABLE = "PAMKIT_APPROVAL_KEY";

  /** The mailbox password's variable. */
  static final String MAILBOX_PASSWORD_VARIABLE = "PAMKIT_MAILBOX_PASSWORD";

  private ApprovalsCommand() {}

  /** {@code approvals poll}. */
  @Command(
      name = "poll",
      mixinStandardHelpOptions = true,
      description = {
        "Reads the approvals mailbox once and submits each valid reply to the appliance.",
        "The token key comes from "
            + KEY_VARIABLE
            + ", the mailbox password from "
            + MAILBOX_PASSWORD_VARIABLE
            + "; an approver's appliance user is the local part of"
            + " their address, with the password in"
            + " PAMKIT_SECRET_DIRECTORY_ACCOUNT__APPLIANCE__<USER>.",
        "Exit 0 when every reply was processed, 1 when a submission failed (it is retried by"
            + " the next poll)."
      })
  static final class PollCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--appliance",
        required = true,
        paramLabel = "https://HOST[:PORT]",
        description = "The password appliance that receives the decisions.")
    String appliance = "";

    @Option(
        names = "--ca-cert",
        paramLabel = "FILE",
        description = "PEM certificate(s) to trust for the appliance.")
    @Nullable Path caCert;

    @Option(
        names = "--imap-host",
        required = true,
        paramLabel = "HOST",
        description = "The IMAP server.")
    String imapHost = "";

    @Option(
        names = "--imap-port",
        paramLabel = "PORT",
        description = "The IMAP port (default: 993, or 143 with starttls/none).")
    int imapPort;

    @Option(
        names = "--imap-security",
        paramLabel = "MODE",
        description = "imaps (default), starttls, or none (test servers only).")
    String imapSecurity = "imaps";

    @Option(
        names = "--mailbox-user",
        required = true,
        paramLabel = "NAME",
        description = "The approvals mailbox's login.")
    String mailboxUser = "";

    @Option(
        names = "--authserv-id",
        paramLabel = "ID",
        description =
            "Your receiving server's id in Authentication-Results (required unless"
                + " --record-only).")
    @Nullable String authservId;

    @Option(
        names = "--record-only",
        description = "Accept replies without DKIM/ARC results (the result is only reported).")
    boolean recordOnly;

    @Option(
        names = "--state",
        required = true,
        paramLabel = "FILE",
        description = "The durable record of processed replies and decided requests.")
    Path state = Path.of("approvals.json");

    @Option(names = "--json", description = "Print the results as one JSON array.")
    boolean json;

    @Override
    public Integer call() {
      Map<String, String> env = PamkitCli.environment(spec);
      String key = env.get(KEY_VARIABLE);
      if (key == null || key.length() < 32) {
        throw new UsageException(KEY_VARIABLE + " must hold the token key (32 characters or more)");
      }
      String mailboxPassword = env.get(MAILBOX_PASSWORD_VARIABLE);
      if (mailboxPassword == null || mailboxPassword.isEmpty()) {
        throw new UsageException("set " + MAILBOX_PASSWORD_VARIABLE + " to the mailbox password");
      }
      if (!recordOnly && authservId == null) {
        throw new UsageException("--authserv-id is required unless --record-only is given");
      }
      ImapMailbox.Security security =
          switch (imapSecurity) {
            case "imaps" -> ImapMailbox.Security.IMAPS;
            case "starttls" -> ImapMailbox.Security.STARTTLS;
            case "none" -> ImapMailbox.Security.NONE;
            default ->
                throw new UsageException(
                    "--imap-security must be imaps, starttls or none, not " + imapSecurity);
          };
      ImapMailbox.Builder mb =
          ImapMailbox.builder()
              .host(imapHost)
              .security(security)
              .username(mailboxUser)
              .password(Secret.of(mailboxPassword));
      if (imapPort > 0) {
        mb.port(imapPort);
      }
      LinkCommand.Endpoint e = LinkCommand.Endpoint.parse("--appliance", appliance);
      EnvironmentCredentialResolver secrets =
          EnvironmentCredentialResolver.create("PAMKIT_SECRET_", env);
      Map<String, SppClient> clients = new HashMap<>();
      try {
        EmailApprovals.Builder b =
            EmailApprovals.builder()
                .tokens(ApprovalTokens.of(Secret.of(key)))
                .mailbox(mb.build())
                .store(ApprovalStore.open(state))
                .decisionSink(
                    ApproveByReplyRecipe.applianceSink(
                        email ->
                            clients.computeIfAbsent(
                                email,
                                a -> {
                                  String user = a.substring(0, a.indexOf('@'));
                                  return ApplianceOptions.open(
                                      e,
                                      caCert,
                                      SppAuthentication.password(
                                          user,
                                          secrets.resolve(
                                              new AccountReference(
                                                  AccountReference.Kind.DIRECTORY_ACCOUNT,
                                                  "appliance",
                                                  user))));
                                })))
                .authenticationPolicy(
                    recordOnly ? AuthenticationPolicy.RECORD_ONLY : AuthenticationPolicy.REQUIRE);
        if (authservId != null) {
          b.authservId(authservId);
        }
        List<ApprovalResult> results = b.build().poll();
        print(results);
        return results.stream().anyMatch(r -> r.status() == ApprovalResult.Status.SUBMIT_FAILED)
            ? ExitCodes.FAILURE
            : ExitCodes.OK;
      } finally {
        clients.values().forEach(SppClient::close);
      }
    }

    private void print(List<ApprovalResult> results) {
      var out = spec.commandLine().getOut();
      if (json) {
        List<Map<String, Object>> array = new java.util.ArrayList<>();
        for (ApprovalResult r : results) {
          Map<String, Object> n = Json.object();
          n.put("Status", r.status().name());
          n.put("MailboxId", r.mailboxId());
          n.put("RequestId", r.request().orElse(null));
          n.put("Approver", r.approver());
          n.put("Decision", r.decision().name());
          n.put("Reason", r.reason());
          array.add(n);
        }
        Json.print(out, array);
      } else if (results.isEmpty()) {
        out.println("no new replies");
      } else {
        for (ApprovalResult r : results) {
          out.println(
              r.status() + " " + r.mailboxId() + ": " + r.reason().replaceAll("[\\r\\n]", " "));
        }
      }
      out.flush();
    }
  }
}
