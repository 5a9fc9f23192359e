// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.InMemoryCredentialResolver;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.ApprovalDecision;
import io.pamkit.testing.FakeClock;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approve-by-reply workflow against GreenMail over real sockets: the approval email goes out
 * over SMTP, the approver's reply comes back over SMTP into the approvals mailbox, and the workflow
 * reads it over IMAP. GreenMail adds no {@code Authentication-Results}; the replies carry the
 * header the receiving server ({@code mx.example.com}) would add.
 */
final class EmailApprovalsTest {
  private static final String MX = "mx.example.com";
  private static final String APPROVALS = "approvals@example.com";
  private static final String ALICE = "alice@example.com";
  private static final String REQUEST = "8518-1-18B1694CF1C0-0026";
  private static final AccountReference KEY =
      new AccountReference(AccountReference.Kind.ASSET_ACCOUNT, "vault", "approval-key");
  private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

  @TempDir Path dir;

  private GreenMail mail;
  private final InMemoryCredentialResolver vault = InMemoryCredentialResolver.create();
  private final List<String> submitted = new ArrayList<>();
  private FakeClock clock;
  private Path storeFile;

  @BeforeEach
  void start() {
    mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    mail.start();
    mail.setUser(APPROVALS, "approvals", "mailbox-pw");
    vault.put(KEY, Secret.of("0123456789abcdef0123456789abcdef-approval-key"));
    clock = new FakeClock(T0);
    storeFile = dir.resolve("approvals.json");
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  private ImapMailbox mailbox() {
    return ImapMailbox.builder()
        .host("127.0.0.1")
        .port(mail.getImap().getPort())
        .security(ImapMailbox.Security.NONE)
        .username("approvals")
        .password(Secret.of("mailbox-pw"))
        .build();
  }

  private EmailApprovals.Builder approvals(ApprovalStore store) {
    return EmailApprovals.builder()
        .tokens(ApprovalTokens.fromCredentials(vault, KEY))
        .mailbox(mailbox())
        .store(store)
        .decisionSink(
            (rid, who, d, comment) -> submitted.add(rid + " " + who + " " + d + " " + comment))
        .authenticationPolicy(AuthenticationPolicy.REQUIRE)
        .authservId(MX)
        .clock(clock);
  }

  private static void send(MimeMessage m) throws Exception {
    Transport.send(m);
  }

  private Session smtp() {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
    return Session.getInstance(p);
  }

  private MimeMessage reply(String from, String inReplyTo, String text, String authResults)
      throws Exception {
    MimeMessage m = new MimeMessage(smtp());
    m.setFrom(new InternetAddress(from));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(APPROVALS));
    m.setSubject("Re: Access request " + REQUEST);
    if (!inReplyTo.isEmpty()) {
      m.setHeader("In-Reply-To", inReplyTo);
      m.setHeader("References", inReplyTo);
    }
    if (!authResults.isEmpty()) {
      m.addHeader("Authentication-Results", authResults);
    }
    m.setText(text + "\n\nOn Mon, Dec 7, 2026 pamkit wrote:\n> Please approve.\n", "UTF-8");
    return m;
  }

  /** Returns a copy of {@code m} that keeps {@code id} as its Message-ID when sent. */
  private static MimeMessage withId(MimeMessage m, String id) throws Exception {
    return new MimeMessage(m) {
      @Override
      protected void updateMessageID() throws jakarta.mail.MessagingException {
        setHeader("Message-ID", id);
      }
    };
  }

  private static String dkimPass(String domain) {
    return MX + "; dkim=pass (good signature) header.d=" + domain + " header.s=sel; spf=pass";
  }

  /** Sends the approval email to Alice and returns its Message-ID. */
  private String sendApproval(EmailApprovals approvals) throws Exception {
    ApprovalToken token = approvals.issue(REQUEST, ALICE);
    MimeMessage email =
        approvals.approvalEmail(
            smtp(), token, APPROVALS, "Access request " + REQUEST, "Bob asks for root on db1.");
    Transport.send(email);
    return token.messageId("example.com");
  }

  private int unseen() throws Exception {
    Session s = Session.getInstance(new Properties());
    try (Store store = s.getStore("imap")) {
      store.connect("127.0.0.1", mail.getImap().getPort(), "approvals", "mailbox-pw");
      Folder f = store.getFolder("INBOX");
      f.open(Folder.READ_ONLY);
      int n = f.search(new jakarta.mail.search.FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
      f.close(false);
      return n;
    }
  }

  @Test
  void poll_approvedReplyFromTheApprover_submittedAndMarkedSeen() throws Exception {
    EmailApprovals approvals = approvals(ApprovalStore.open(storeFile)).build();
    String id = sendApproval(approvals);
    MimeMessage received = mail.getReceivedMessagesForDomain("example.com")[0];
    assertEquals(id, received.getHeader("Message-ID")[0], "the token travels as the Message-ID");
    assertTrue(
        ((String) received.getContent()).contains("Approval reference: pa1."),
        "and as a reference line in the body");

    send(reply(ALICE, id, "Approved, go ahead", dkimPass("example.com")));
    List<ApprovalResult> results = approvals.poll();

    assertEquals(1, results.size());
    ApprovalResult r = results.get(0);
    assertEquals(ApprovalResult.Status.SUBMITTED, r.status(), r.reason());
    assertEquals(ApprovalDecision.APPROVED, r.decision());
    assertEquals(REQUEST, r.request().orElseThrow());
    assertEquals(
        List.of(
            REQUEST
                + " "
                + ALICE
                + " APPROVED Approved by email reply from "
                + ALICE
                + ": Approved, go ahead"),
        submitted);
    assertEquals(0, unseen(), "the reply is marked \\Seen");
    assertTrue(approvals.poll().isEmpty(), "nothing new to read");
  }

  @Test
  void poll_replyWithoutInReplyTo_tokenFoundInTheQuotedReferenceLine() throws Exception {
    EmailApprovals approvals = approvals(ApprovalStore.open(storeFile)).build();
    ApprovalToken token = approvals.issue(REQUEST, ALICE);
    MimeMessage m = reply(ALICE, "", "Rejected", dkimPass("example.com"));
    m.setText("Rejected\n\n> Bob asks for root.\n> " + token.referenceLine() + "\n", "UTF-8");
    send(m);

    ApprovalResult r = approvals.poll().get(0);

    assertEquals(ApprovalResult.Status.SUBMITTED, r.status(), r.reason());
    assertEquals(ApprovalDecision.REJECTED, r.decision());
  }

  @Test
  void poll_afterRestart_replayAndSecondReplyRefused() throws Exception {
    EmailApprovals first = approvals(ApprovalStore.open(storeFile)).build();
    String id = sendApproval(first);
    String replyId = "<reply-1@example.com>";
    send(withId(reply(ALICE, id, "Approved", dkimPass("example.com")), replyId));
    assertEquals(ApprovalResult.Status.SUBMITTED, first.poll().get(0).status());

    // a new process: new workflow, new store object on the same file
    EmailApprovals second = approvals(ApprovalStore.open(storeFile)).build();
    send(withId(reply(ALICE, id, "Approved", dkimPass("example.com")), replyId)); // delivered again
    send(reply(ALICE, id, "Rejected", dkimPass("example.com")));

    List<ApprovalResult> results = second.poll();

    assertEquals(2, results.size());
    assertEquals(ApprovalResult.Status.REPLAYED, results.get(0).status(), results.get(0).reason());
    assertEquals(
        ApprovalResult.Status.ALREADY_DECIDED, results.get(1).status(), results.get(1).reason());
    assertEquals(1, submitted.size(), "only the first reply reached the appliance");
    assertEquals(0, unseen());
  }

  @Test
  void poll_twoApprovers_bothApprovalsSubmitted_aRejectionEndsIt() throws Exception {
    EmailApprovals approvals = approvals(ApprovalStore.open(storeFile)).build();
    String carol = "carol@example.com";
    ApprovalToken forAlice = approvals.issue(REQUEST, ALICE);
    ApprovalToken forCarol = approvals.issue(REQUEST, carol);
    ApprovalToken forDave = approvals.issue(REQUEST, "dave@example.com");
    send(reply(ALICE, forAlice.messageId("example.com"), "Approved", dkimPass("example.com")));
    send(reply(carol, forCarol.messageId("example.com"), "Rejected", dkimPass("example.com")));
    send(
        reply(
            "dave@example.com",
            forDave.messageId("example.com"),
            "Approved",
            dkimPass("example.com")));

    List<ApprovalResult> results = approvals.poll();

    assertEquals(ApprovalResult.Status.SUBMITTED, results.get(0).status());
    assertEquals(ApprovalResult.Status.SUBMITTED, results.get(1).status(), "another approver");
    assertEquals(ApprovalDecision.REJECTED, results.get(1).decision());
    assertEquals(ApprovalResult.Status.ALREADY_DECIDED, results.get(2).status());
    assertTrue(results.get(2).reason().contains("REJECTED"), results.get(2).reason());
    assertEquals(2, submitted.size());
  }

  @Test
  void poll_forgedAndExpiredTokens_refusedWithTheirReason() throws Exception {
    EmailApprovals approvals = approvals(ApprovalStore.open(storeFile)).build();
    ApprovalToken token = approvals.issue(REQUEST, ALICE);
    String[] parts = token.value().split("\\.");
    // the attacker changes the request id and keeps the MAC
    String forged =
        "pa1."
            + ApprovalTokens.Base32.encode(
                "9999-1-AAAA-0001".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[2]
            + "."
            + parts[3]
            + "."
            + parts[4];
    send(reply(ALICE, "<" + forged + "@example.com>", "Approved", dkimPass("example.com")));
    ApprovalTokens otherKey = ApprovalTokens.of(Secret.of("another-key-another-key-another-key!!"));
    ApprovalToken foreign = otherKey.issue(REQUEST, ALICE, T0.plus(Duration.ofHours(1)));
    send(reply(ALICE, foreign.messageId("example.com"), "Approved", dkimPass("example.com")));
    ApprovalToken shortLived = approvals.issue("8518-1-18B1694CF1C0-0027", ALICE);
    send(reply(ALICE, shortLived.messageId("example.com"), "Approved", dkimPass("example.com")));
    clock.set(T0.plus(Duration.ofHours(25)));

    List<ApprovalResult> results = approvals.poll();

    assertEquals(ApprovalResult.Status.FORGED, results.get(0).status());
    assertTrue(results.get(0).reason().contains("valid MAC"), results.get(0).reason());
    assertEquals(ApprovalResult.Status.FORGED, results.get(1).status());
    assertEquals(ApprovalResult.Status.EXPIRED, results.get(2).status());
    assertTrue(results.get(2).reason().contains("expired at 2026-12-08T09:00:00Z"));
    assertTrue(submitted.isEmpty());
    assertEquals(0, unseen(), "refused replies are processed, never read again");
  }

  @Test
  void poll_wrongSender_refused() throws Exception {
    EmailApprovals approvals =
        approvals(ApprovalStore.open(storeFile)).approvers(Set.of(ALICE)).build();
    String id = sendApproval(approvals);
    send(reply("mallory@example.com", id, "Approved", dkimPass("example.com")));
    MimeMessage onBehalf = reply(ALICE, id, "Approved", dkimPass("example.com"));
    onBehalf.setHeader("Sender", "mallory@example.com");
    send(onBehalf);

    List<ApprovalResult> results = approvals.poll();

    assertEquals(ApprovalResult.Status.WRONG_SENDER, results.get(0).status());
    assertTrue(results.get(0).reason().contains("another approver than mallory@example.com"));
    assertEquals(ApprovalResult.Status.WRONG_SENDER, results.get(1).status());
    assertTrue(results.get(1).reason().contains("sent by mallory@example.com on behalf of"));
    assertTrue(submitted.isEmpty());
  }

  @Test
  void poll_dkimFailUnderRequire_refused_recordOnlyAccepts() throws Exception {
    EmailApprovals strict = approvals(ApprovalStore.open(storeFile)).build();
    String id = sendApproval(strict);
    send(reply(ALICE, id, "Approved", MX + "; dkim=fail header.d=example.com"));
    send(reply(ALICE, id, "Approved", "evil.example.net; dkim=pass header.d=example.com"));
    send(reply(ALICE, id, "Approved", MX + "; dkim=pass header.d=attacker.example.net"));

    List<ApprovalResult> results = strict.poll();

    assertEquals(3, results.size());
    for (ApprovalResult r : results) {
      assertEquals(ApprovalResult.Status.NOT_AUTHENTICATED, r.status(), r.reason());
    }
    assertTrue(results.get(1).reason().contains("no Authentication-Results header from " + MX));
    assertTrue(submitted.isEmpty());

    EmailApprovals lenient =
        approvals(ApprovalStore.open(dir.resolve("lenient.json")))
            .authenticationPolicy(AuthenticationPolicy.RECORD_ONLY)
            .build();
    send(reply(ALICE, id, "Approved", MX + "; dkim=fail header.d=example.com"));
    ApprovalResult r = lenient.poll().get(0);
    assertEquals(ApprovalResult.Status.SUBMITTED, r.status(), r.reason());
    assertTrue(r.reason().contains("not authenticated"), r.reason());
  }

  @Test
  void poll_ambiguousAndAutoReplies_decideNothing() throws Exception {
    EmailApprovals approvals = approvals(ApprovalStore.open(storeFile)).build();
    String id = sendApproval(approvals);
    send(reply(ALICE, id, "Approve? No.", dkimPass("example.com")));
    MimeMessage ooo = reply(ALICE, id, "I am away until Monday. Approved", dkimPass("example.com"));
    ooo.setHeader("Auto-Submitted", "auto-replied");
    send(ooo);

    List<ApprovalResult> results = approvals.poll();

    assertEquals(ApprovalResult.Status.AMBIGUOUS, results.get(0).status());
    assertEquals(ApprovalResult.Status.AUTO_REPLY, results.get(1).status());
    assertTrue(submitted.isEmpty());
  }

  @Test
  void poll_sinkFailsTemporarily_messageLeftForTheNextPoll() throws Exception {
    int[] calls = {0};
    EmailApprovals approvals =
        approvals(ApprovalStore.open(storeFile))
            .decisionSink(
                (rid, who, d, c) -> {
                  if (calls[0]++ == 0) {
                    throw new IllegalStateException("appliance unreachable");
                  }
                  submitted.add(rid);
                })
            .build();
    String id = sendApproval(approvals);
    send(reply(ALICE, id, "Approved", dkimPass("example.com")));

    assertEquals(ApprovalResult.Status.SUBMIT_FAILED, approvals.poll().get(0).status());
    assertEquals(1, unseen(), "left unseen for the next poll");
    assertEquals(ApprovalResult.Status.SUBMITTED, approvals.poll().get(0).status());
    assertEquals(List.of(REQUEST), submitted);
  }

  @Test
  void poll_sinkRefuses_recordedAsRefused() throws Exception {
    EmailApprovals approvals =
        approvals(ApprovalStore.open(storeFile))
            .decisionSink(
                (rid, who, d, c) -> {
                  throw new DecisionRefusedException("the request is not pending", null);
                })
            .build();
    String id = sendApproval(approvals);
    send(reply(ALICE, id, "Approved", dkimPass("example.com")));

    ApprovalResult r = approvals.poll().get(0);

    assertEquals(ApprovalResult.Status.REFUSED, r.status());
    assertTrue(r.reason().contains("the request is not pending"));
    assertEquals(0, unseen());
  }

  @Test
  void poll_messageOverTheLimit_notDownloaded() throws Exception {
    EmailApprovals approvals =
        approvals(ApprovalStore.open(storeFile))
            .mailbox(
                ImapMailbox.builder()
                    .host("127.0.0.1")
                    .port(mail.getImap().getPort())
                    .security(ImapMailbox.Security.NONE)
                    .username("approvals")
                    .password(Secret.of("mailbox-pw"))
                    .maxMessageBytes(2048)
                    .build())
            .build();
    String id = sendApproval(approvals);
    send(reply(ALICE, id, "Approved\n" + "x".repeat(5000), dkimPass("example.com")));

    ApprovalResult r = approvals.poll().get(0);

    assertEquals(ApprovalResult.Status.UNREADABLE, r.status());
    assertTrue(r.reason().contains("larger than the mailbox's limit"), r.reason());
    assertTrue(submitted.isEmpty());
  }

  @Test
  void build_requireWithoutAuthservId_refused() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                EmailApprovals.builder()
                    .tokens(ApprovalTokens.fromCredentials(vault, KEY))
                    .store(ApprovalStore.open(storeFile))
                    .decisionSink((rid, who, d, c) -> {})
                    .build());
    assertTrue(e.getMessage().contains("authservId"));
  }

  @Test
  void toString_neverShowsTheKeyOrMailboxPassword() {
    EmailApprovals approvals = approvals(ApprovalStore.open(storeFile)).build();
    assertFalse(approvals.toString().contains("approval-key"));
    assertFalse(approvals.toString().contains("mailbox-pw"));
    assertFalse(mailbox().toString().contains("mailbox-pw"));
  }
}
