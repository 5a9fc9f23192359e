// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.InMemoryCredentialResolver;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.approval.ApprovalResult;
import io.pamkit.notify.approval.ApprovalToken;
import io.pamkit.notify.approval.EmailApprovals;
import io.pamkit.notify.approval.ImapMailbox;
import io.pamkit.notify.approval.Mailbox;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.model.AccessRequest;
import io.pamkit.sessionlink.model.AccessRequestState;
import io.pamkit.simulator.SppSimulator;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approve-by-reply recipe of docs/email-providers.md, end to end over real sockets: a pending
 * request on the appliance simulator (HTTPS), the approval email and the approver's reply through
 * GreenMail (SMTP), the approvals mailbox read over IMAP, and the decision posted back to the
 * simulator as the approver. GreenMail adds no {@code Authentication-Results}; the reply carries
 * the header the receiving server {@code mx.example.com} would add.
 */
final class ApproveByReplyRecipeTest {
  private static final String MX = "mx.example.com";
  private static final String APPROVALS = "approvals@example.com";

  @TempDir Path dir;

  private SppSimulator spp;
  private GreenMail mail;
  private final InMemoryCredentialResolver secrets = InMemoryCredentialResolver.create();
  private final Map<String, SppClient> clients = new HashMap<>();

  @BeforeEach
  void start() {
    spp = SppSimulator.builder().build();
    spp.addUser("alice", Secret.of("Al1ce!pw"));
    spp.addUser("carol", Secret.of("Car0l!pw"));
    spp.addUser("bob", Secret.of("B0b!pw"));
    mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    mail.start();
    mail.setUser(APPROVALS, "approvals", "mailbox-pw");
    secrets.put(
        new AccountReference(AccountReference.Kind.ASSET_ACCOUNT, "pamkit", "approval-key"),
        Secret.of("a-key-of-at-least-thirty-two-bytes-0123"));
  }

  @AfterEach
  void stop() {
    clients.values().forEach(SppClient::close);
    mail.stop();
    spp.close();
  }

  private SppClient as(String email) {
    return clients.computeIfAbsent(
        email,
        e -> {
          String user = e.substring(0, e.indexOf('@'));
          String pw = user.equals("alice") ? "Al1ce!pw" : user.equals("carol") ? "Car0l!pw" : "x";
          return SppClient.builder()
              .host(spp.host())
              .port(spp.port())
              .trustedCertificates(List.of(spp.caCertificate()))
              .authentication(SppAuthentication.password(user, Secret.of(pw)))
              .build();
        });
  }

  private Session smtp() {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
    return Session.getInstance(p);
  }

  private Mailbox mailbox() {
    return ImapMailbox.builder()
        .host("127.0.0.1")
        .port(mail.getImap().getPort())
        .security(ImapMailbox.Security.NONE) // in-process test server; use IMAPS in production
        .username("approvals")
        .password(Secret.of("mailbox-pw"))
        .build();
  }

  private EmailApprovals workflow() {
    return ApproveByReplyRecipe.workflow(
        secrets,
        mailbox(),
        MX,
        dir.resolve("approvals.json"),
        ApproveByReplyRecipe.applianceSink(this::as));
  }

  /** The approver answers the approval email from their mail client. */
  private MimeMessage answer(String approver, String firstLine) throws Exception {
    MimeMessage received =
        List.of(mail.getReceivedMessagesForDomain("example.com")).stream()
            .filter(m -> recipient(m).equals(approver))
            .findFirst()
            .orElseThrow();
    MimeMessage reply = (MimeMessage) received.reply(false); // sets In-Reply-To and References
    reply.setFrom(new InternetAddress(approver));
    reply.addHeader("Authentication-Results", MX + "; dkim=pass header.d=example.com header.s=s1");
    reply.setText(
        firstLine + "\n\nOn Monday the approvals mailbox wrote:\n> " + received.getContent());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    reply.saveChanges();
    reply.writeTo(bytes);
    String id = reply.getHeader("Message-ID")[0];
    MimeMessage resendable =
        new MimeMessage(smtp(), new java.io.ByteArrayInputStream(bytes.toByteArray())) {
          @Override
          protected void updateMessageID() throws jakarta.mail.MessagingException {
            setHeader("Message-ID", id);
          }
        };
    return resendable;
  }

  private static String recipient(MimeMessage m) {
    try {
      return ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void recipe_approverRepliesApproved_applianceShowsTheRequestApproved() throws Exception {
    String id = spp.accessRequests().createPending("bob", "db1", "root", List.of("alice", "carol"));
    EmailApprovals approvals = workflow();

    // start from the appliance's pending request
    AccessRequest pending = as("alice@example.com").accessRequests().get(id);
    assertEquals(AccessRequestState.PENDING_APPROVAL, pending.state());
    ApprovalToken token =
        ApproveByReplyRecipe.requestApproval(
            approvals, smtp(), pending, "alice@example.com", APPROVALS);
    assertEquals(id, token.requestId());

    Transport.send(answer("alice@example.com", "Approved - go ahead"));
    List<ApprovalResult> results = approvals.poll();

    assertEquals(1, results.size());
    assertEquals(ApprovalResult.Status.SUBMITTED, results.get(0).status(), results.get(0).reason());
    AccessRequest after = as("alice@example.com").accessRequests().get(id);
    assertEquals(AccessRequestState.REQUEST_AVAILABLE, after.state());
    assertEquals(Boolean.TRUE, after.approvedByMe());
    assertEquals(Optional.of("RequestAvailable"), spp.accessRequests().state(id));
    assertEquals(
        List.of("Approved by email reply from alice@example.com: Approved - go ahead"),
        spp.accessRequests().comments(id));
  }

  @Test
  void recipe_afterRestart_theSameReplyIsNotSubmittedAgain() throws Exception {
    String id = spp.accessRequests().createPending("bob", "db1", "root", List.of("alice"));
    EmailApprovals first = workflow();
    ApproveByReplyRecipe.requestApproval(
        first,
        smtp(),
        as("alice@example.com").accessRequests().get(id),
        "alice@example.com",
        APPROVALS);
    MimeMessage reply = answer("alice@example.com", "Approved");
    Transport.send(reply);
    assertEquals(ApprovalResult.Status.SUBMITTED, first.poll().get(0).status());

    Transport.send(reply); // the same reply delivered again, after a restart
    List<ApprovalResult> afterRestart = workflow().poll();

    assertEquals(ApprovalResult.Status.REPLAYED, afterRestart.get(0).status());
    assertEquals(
        1, spp.requestCount("POST", id + "/Approve"), "one decision reached the appliance");
  }

  @Test
  void recipe_secondApproverAfterADenial_alreadyDecided() throws Exception {
    String id = spp.accessRequests().createPending("bob", "db1", "root", List.of("alice", "carol"));
    EmailApprovals approvals = workflow();
    AccessRequest pending = as("alice@example.com").accessRequests().get(id);
    ApproveByReplyRecipe.requestApproval(
        approvals, smtp(), pending, "alice@example.com", APPROVALS);
    ApproveByReplyRecipe.requestApproval(
        approvals, smtp(), pending, "carol@example.com", APPROVALS);

    Transport.send(answer("carol@example.com", "Rejected, not in a change window"));
    assertEquals(ApprovalResult.Status.SUBMITTED, approvals.poll().get(0).status());
    assertEquals(Optional.of("Closed"), spp.accessRequests().state(id));

    Transport.send(answer("alice@example.com", "Approved"));
    ApprovalResult late = approvals.poll().get(0);

    // the workflow's store knows the request is decided, so the appliance is not even asked
    assertEquals(ApprovalResult.Status.ALREADY_DECIDED, late.status(), late.reason());
    assertEquals(0, spp.requestCount("POST", id + "/Approve"));
    assertTrue(late.reason().contains("REJECTED"), late.reason());
  }
}
