// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static io.pamkit.notify.TestNotifications.CLOCK;
import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pamkit.core.ValidationException;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.notify.smtp.SmtpTransport;
import io.pamkit.notify.smtp.SmtpTransportConfig;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Correlating replies with pending approvals through Message-ID, In-Reply-To and References. */
final class ApprovalCorrelatorTest {
  private static final String APPROVER = "alice@example.com";

  private static String reply(String from, String inReplyTo, String references, String body) {
    return "From: Alice <"
        + from
        + ">\r\nSubject: Re: Access request\r\n"
        + (inReplyTo.isEmpty() ? "" : "In-Reply-To: " + inReplyTo + "\r\n")
        + (references.isEmpty() ? "" : "References: " + references + "\r\n")
        + "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
        + body
        + "\r\n";
  }

  /** The outcome of a reply, built by {@link #reply}, handed to the correlator. */
  private static ApprovalOutcome answer(
      ApprovalCorrelator c, String from, String inReplyTo, String references, String body) {
    return c.correlate(ApprovalReply.parse(reply(from, inReplyTo, references, body)));
  }

  /** A new correlator that expects an answer to the notification. */
  private static ApprovalCorrelator expecting(Notification n) {
    ApprovalCorrelator c = new ApprovalCorrelator();
    c.expect(n);
    return c;
  }

  /** The Message-ID of the notification's email sent from the appliance. */
  private static String messageId(Notification n) {
    return EmailMessageIds.messageId(n.idempotencyKey(), "pam@appliance.example");
  }

  @Test
  void correlate_inReplyTo_decidesOnceOnly() {
    Notification n = notification("ev-1", APPROVER);
    ApprovalCorrelator c = expecting(n);
    String id = messageId(n);

    ApprovalOutcome o = answer(c, APPROVER, id, id, "Approved");
    assertEquals(ApprovalOutcome.Status.DECIDED, o.status());
    assertEquals(Optional.of(n.idempotencyKey()), o.key());
    assertEquals(ApprovalDecision.APPROVED, o.decision());
    assertEquals(0, c.pendingCount());

    ApprovalOutcome again = answer(c, APPROVER, id, id, "Rejected");
    assertEquals(ApprovalOutcome.Status.UNCORRELATED, again.status());
  }

  @Test
  void correlate_referencesOnlyFromAnotherSenderDomain_matchesByHash() {
    Notification n = notification("ev-2", APPROVER);
    ApprovalCorrelator c = new ApprovalCorrelator();
    c.expect(n.idempotencyKey(), "Alice@Example.com");
    // sent through a provider whose From domain differs
    String id = EmailMessageIds.messageId(n.idempotencyKey(), "noreply@mail.example.net");
    ApprovalOutcome o =
        answer(c, APPROVER, "", "<unrelated@x.example> " + id + " <later@y.example>", "Rejected");
    assertEquals(ApprovalOutcome.Status.DECIDED, o.status());
    assertEquals(ApprovalDecision.REJECTED, o.decision());
  }

  @Test
  void correlate_otherSender_isWrongSenderAndStaysPending() {
    Notification n = notification("ev-3", APPROVER);
    ApprovalCorrelator c = expecting(n);
    String id = messageId(n);
    ApprovalOutcome o = answer(c, "mallory@evil.example", id, "", "Approved");
    assertEquals(ApprovalOutcome.Status.WRONG_SENDER, o.status());
    assertEquals(ApprovalDecision.UNKNOWN, o.decision());
    assertTrue(o.reason().contains("mallory@evil.example"), o.reason());
    assertEquals(1, c.pendingCount());
  }

  @Test
  void correlate_unparsedAndAutoReply_keepPending() {
    Notification n = notification("ev-4", APPROVER);
    ApprovalCorrelator c = expecting(n);
    String id = messageId(n);
    assertEquals(
        ApprovalOutcome.Status.UNPARSED,
        answer(c, APPROVER, id, "", "Let me check with Bob first").status());
    String auto = "Auto-Submitted: auto-replied\r\n" + reply(APPROVER, id, "", "Approved");
    assertEquals(
        ApprovalOutcome.Status.AUTO_REPLY, c.correlate(ApprovalReply.parse(auto)).status());
    assertEquals(1, c.pendingCount());
    assertTrue(c.forget(n.idempotencyKey()));
    assertEquals(
        ApprovalOutcome.Status.UNCORRELATED, answer(c, APPROVER, id, "", "Approved").status());
  }

  @Test
  void correlate_foreignMessageIds_areUncorrelated() {
    ApprovalCorrelator c = new ApprovalCorrelator();
    c.expect("ev-5/7", APPROVER);
    ApprovalOutcome o =
        answer(
            c,
            APPROVER,
            "<CAF=abc@mail.gmail.com>",
            "<0000000000000000000000000000000000000000.pamkit@x.example>",
            "Approved");
    assertEquals(ApprovalOutcome.Status.UNCORRELATED, o.status());
    assertTrue(o.key().isEmpty());
  }

  @Test
  void expect_invalidApprover_isRefused() {
    ApprovalCorrelator c = new ApprovalCorrelator();
    assertThrows(ValidationException.class, () -> c.expect("k", "alice@example.com\r\nBcc: x"));
  }

  @Test
  void messageIds_hashOf_recognisesOnlyPamkitIds() {
    String id = EmailMessageIds.messageId("ev-1/7", "pam@appliance.example");
    assertEquals(Optional.of(EmailMessageIds.hash("ev-1/7")), EmailMessageIds.hashOf(id));
    assertEquals(Optional.empty(), EmailMessageIds.hashOf("<abc@mail.gmail.com>"));
    assertThrows(IllegalArgumentException.class, () -> EmailMessageIds.messageId("k", "nodomain"));
  }

  @Test
  void roundTrip_smtpApprovalAndMailClientReply_isDecided() throws Exception {
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    try (SmtpTransport smtp =
        SmtpTransport.builder(
                SmtpTransportConfig.builder()
                    .serverAddress("[127.0.0.1]")
                    .port(greenMail.getSmtp().getPort())
                    .requireTls(false)
                    .senderEmail("pam@appliance.example")
                    .heloName("pamkit.test")
                    .readTimeout(Duration.ofSeconds(10))
                    .build())
            .clock(CLOCK)
            .build()) {
      Notification n = notification("ev-6", APPROVER);
      ApprovalCorrelator c = new ApprovalCorrelator();
      smtp.send(n);
      c.expect(n);
      MimeMessage sent = greenMail.getReceivedMessages()[0];

      // the approver's mail client builds the reply: jakarta.mail sets In-Reply-To/References
      MimeMessage answer = (MimeMessage) sent.reply(false);
      answer.setFrom(new InternetAddress(APPROVER));
      answer.setRecipient(Message.RecipientType.TO, new InternetAddress("pam@appliance.example"));
      answer.setText("approved\n\n> " + sent.getSubject() + "\n", "UTF-8");
      answer.saveChanges();
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      answer.writeTo(raw);

      ApprovalOutcome o =
          c.correlate(ApprovalReply.parse(new ByteArrayInputStream(raw.toByteArray())));
      assertEquals(ApprovalOutcome.Status.DECIDED, o.status(), o.reason());
      assertEquals(ApprovalDecision.APPROVED, o.decision());
      assertEquals(Optional.of(n.idempotencyKey()), o.key());
    } finally {
      greenMail.stop();
    }
  }
}
