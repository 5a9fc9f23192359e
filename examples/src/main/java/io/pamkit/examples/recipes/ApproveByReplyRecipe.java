// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.secret.EnvironmentCredentialResolver;
import io.pamkit.notify.approval.ApprovalResult;
import io.pamkit.notify.approval.ApprovalStore;
import io.pamkit.notify.approval.ApprovalToken;
import io.pamkit.notify.approval.ApprovalTokens;
import io.pamkit.notify.approval.AuthenticationPolicy;
import io.pamkit.notify.approval.DecisionRefusedException;
import io.pamkit.notify.approval.DecisionSink;
import io.pamkit.notify.approval.EmailApprovals;
import io.pamkit.notify.approval.ImapMailbox;
import io.pamkit.notify.approval.Mailbox;
import io.pamkit.notify.email.ApprovalDecision;
import io.pamkit.sessionlink.AccessRequestClient;
import io.pamkit.sessionlink.ApplianceErrorException;
import io.pamkit.sessionlink.AuthorizationException;
import io.pamkit.sessionlink.NotFoundException;
import io.pamkit.sessionlink.RequestValidationException;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.model.AccessRequest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Recipe: approve an appliance access request by replying to an email. The approval email for a
 * pending request carries a keyed token (in its {@code Message-ID} and a reference line); the
 * approver answers "Approved" or "Rejected"; a poll of the approvals mailbox checks the reply and
 * sends {@code POST AccessRequests/{id}/Approve} (or {@code Deny}) to the appliance as that
 * approver.
 *
 * <p>Run: {@code PAMKIT_SECRET_ASSET_ACCOUNT__PAMKIT__APPROVAL_KEY=... (32+ characters)
 * PAMKIT_SECRET_DIRECTORY_ACCOUNT__MAIL__APPROVALS=... (the mailbox password)
 * PAMKIT_SECRET_DIRECTORY_ACCOUNT__SPP_HOST__ALICE=... (each approver's appliance password) java
 * -cp examples/target/pamkit.jar io.pamkit.examples.recipes.ApproveByReplyRecipe SPP_HOST IMAP_HOST
 * MAILBOX_USER AUTHSERV_ID STATE_FILE}; it polls once and prints what it did with each reply. The
 * appliance user of an approver is the local part of the approver's address.
 */
public final class ApproveByReplyRecipe {
  private ApproveByReplyRecipe() {}

  /**
   * Sends the approval email for a pending access request to one approver.
   *
   * @param approvals the workflow
   * @param smtp the session of the SMTP server that sends it
   * @param request the pending request, as the appliance answers it
   * @param approverEmail the approver's address
   * @param fromAddress the approvals mailbox's address, where replies arrive
   * @return the token the email carries
   * @throws MessagingException if the SMTP server refuses the email
   */
  public static ApprovalToken requestApproval(
      EmailApprovals approvals,
      Session smtp,
      AccessRequest request,
      String approverEmail,
      String fromAddress)
      throws MessagingException {
    ApprovalToken token = approvals.issue(request.id(), approverEmail);
    String body =
        request.requesterDisplayName()
            + " asks for "
            + request.accessRequestType()
            + " access to "
            + request.accountName()
            + " on "
            + request.assetName()
            + " (request "
            + request.id()
            + ").\n\nReply with Approved or Rejected on the first line.";
    MimeMessage email =
        approvals.approvalEmail(
            smtp, token, fromAddress, "Access request " + request.id() + ": approve?", body);
    Transport.send(email);
    return token;
  }

  /**
   * Returns the sink that sends each decision to the appliance as the approver: a refusal by the
   * appliance (not an approver, not pending any more, unknown request) is final; a network or
   * server failure is retried on the next poll.
   *
   * @param clientOf the appliance client logged in as the approver with this address
   * @return the sink
   */
  public static DecisionSink applianceSink(Function<String, SppClient> clientOf) {
    return (requestId, approverEmail, decision, comment) -> {
      AccessRequestClient requests = clientOf.apply(approverEmail).accessRequests();
      try {
        if (decision == ApprovalDecision.APPROVED) {
          requests.approve(requestId, comment);
        } else {
          requests.deny(requestId, comment);
        }
      } catch (AuthorizationException | NotFoundException | RequestValidationException e) {
        throw new DecisionRefusedException(e.getMessage(), e);
      } catch (ApplianceErrorException e) {
        if (e.httpStatus() >= 400 && e.httpStatus() < 500) {
          throw new DecisionRefusedException(e.getMessage(), e);
        }
        throw e;
      }
    };
  }

  /**
   * Builds the workflow over an IMAP mailbox, requiring DKIM or ARC from the receiving server.
   *
   * @param secrets where the token key lives ({@code ASSET_ACCOUNT pamkit\approval-key})
   * @param mailbox the approvals mailbox
   * @param authservId the receiving server's authserv-id
   * @param stateFile the durable replay store
   * @param sink where decisions go
   * @return the workflow
   */
  public static EmailApprovals workflow(
      CredentialResolver secrets,
      Mailbox mailbox,
      String authservId,
      Path stateFile,
      DecisionSink sink) {
    return EmailApprovals.builder()
        .tokens(
            ApprovalTokens.fromCredentials(
                secrets,
                new AccountReference(
                    AccountReference.Kind.ASSET_ACCOUNT, "pamkit", "approval-key")))
        .mailbox(mailbox)
        .store(ApprovalStore.open(stateFile))
        .decisionSink(sink)
        .authenticationPolicy(AuthenticationPolicy.REQUIRE)
        .authservId(authservId)
        .build();
  }

  /**
   * Polls the approvals mailbox once against a live appliance.
   *
   * @param args SPP host, IMAP host, mailbox user, authserv-id, state file
   */
  public static void main(String[] args) {
    if (args.length != 5) {
      System.err.println(
          "usage: ApproveByReplyRecipe SPP_HOST IMAP_HOST MAILBOX_USER AUTHSERV_ID STATE_FILE");
      System.exit(2);
    }
    CredentialResolver secrets = EnvironmentCredentialResolver.create();
    Mailbox mailbox =
        ImapMailbox.builder()
            .host(args[1])
            .username(args[2])
            .credentials(
                secrets,
                new AccountReference(AccountReference.Kind.DIRECTORY_ACCOUNT, "mail", "approvals"))
            .build();
    Map<String, SppClient> clients = new HashMap<>();
    Function<String, SppClient> clientOf =
        email -> clients.computeIfAbsent(email, e -> login(args[0], e, secrets));
    try {
      EmailApprovals approvals =
          workflow(secrets, mailbox, args[3], Path.of(args[4]), applianceSink(clientOf));
      for (ApprovalResult r : approvals.poll()) {
        System.out.println(r.status() + " " + r.mailboxId() + ": " + r.reason());
      }
    } finally {
      clients.values().forEach(SppClient::close);
    }
  }

  private static SppClient login(String sppHost, String email, CredentialResolver secrets) {
    String user = email.substring(0, email.indexOf('@'));
    return SppClient.builder()
        .host(sppHost)
        .authentication(
            SppAuthentication.password(
                user,
                secrets.resolve(
                    new AccountReference(AccountReference.Kind.DIRECTORY_ACCOUNT, sppHost, user))))
        .build();
  }
}
