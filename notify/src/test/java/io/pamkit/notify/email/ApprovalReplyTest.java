// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing approvers' replies as real mail clients write them. */
final class ApprovalReplyTest {
  /** The Message-ID of the appliance's approval email, which the sample replies answer. */
  private static final String ORIGINAL =
      "<0a1b2c3d4e5f60718293a4b5c6d7e8f901234567.pamkit@appliance.example>";

  /**
   * A reply as a mail client wrote it: the sample {@code replies/NAME.eml} beside this class, its
   * lines ended with CRLF as on the wire.
   */
  private static String sample(String name) throws IOException {
    try (InputStream in = ApprovalReplyTest.class.getResourceAsStream("replies/" + name + ".eml")) {
      if (in == null) {
        throw new AssertionError("no sample replies/" + name + ".eml");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\n", "\r\n");
    }
  }

  private static ApprovalReply parseSample(String name) throws IOException {
    return ApprovalReply.parse(sample(name));
  }

  @Test
  void parse_outlookMultipartReply_approvesAndReadsThreadHeaders() throws IOException {
    ApprovalReply r = parseSample("outlook-multipart");

    assertEquals(ApprovalDecision.APPROVED, r.decision());
    assertEquals(Optional.of("alice@example.com"), r.from());
    assertEquals(Optional.of(ORIGINAL), r.inReplyTo());
    assertEquals(List.of(ORIGINAL), r.references());
    assertEquals(
        Optional.of("<DB9PR01MB12345C0FFEE@DB9PR01MB1234.eurprd01.prod.exchangelabs.com>"),
        r.messageId());
    assertEquals("RE: Access request 1234 needs your approval", r.subject());
    assertFalse(r.autoReply());
    assertFalse(r.newText().contains("Reply Approved or Rejected"), r.newText());
  }

  @Test
  void parse_gmailReplyWithWrappedAttributionAndSignature_rejects() throws IOException {
    ApprovalReply r = parseSample("gmail-wrapped-attribution");

    assertEquals(ApprovalDecision.REJECTED, r.decision());
    assertEquals("rejected - not in a change window", r.newText());
    assertEquals(List.of("<older@appliance.example>", ORIGINAL), r.references());
  }

  @Test
  void parse_iphoneReplyBase64Utf8_approves() {
    String body =
        "APPROVED \u2705\n\nSent from my iPhone\n\n> On 23 Nov 2026, at 10:00, PAM"
            + " Appliance <pam@appliance.example> wrote:\n>\n> Reply Approved or Rejected.\n";
    String raw =
        String.join(
            "\r\n",
            "From: carol@example.com",
            "Subject: Re: Access request 1234",
            "In-Reply-To: " + ORIGINAL,
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)),
            "");
    ApprovalReply r = ApprovalReply.parse(raw);
    assertEquals(ApprovalDecision.APPROVED, r.decision());
    assertEquals("APPROVED \u2705", r.newText());
  }

  @Test
  void parse_outlookHtmlOnlyReply_readsTextAboveTheQuote() throws IOException {
    ApprovalReply r = parseSample("outlook-html-only");
    assertEquals(ApprovalDecision.REJECTED, r.decision());
    assertFalse(r.newText().contains("Reply Approved"), r.newText());
  }

  @Test
  void parse_outlookVotingButtonReply_decidesFromSubject() throws IOException {
    String raw = sample("outlook-voting-button");
    assertEquals(ApprovalDecision.APPROVED, ApprovalReply.parse(raw).decision());
    String reject = raw.replace("Subject: Approve:", "Subject: RE: Reject:");
    assertEquals(ApprovalDecision.REJECTED, ApprovalReply.parse(reject).decision());
    String conflict = raw.replace("\r\n\r\n", "\r\n\r\nRejected\r\n");
    assertEquals(ApprovalDecision.UNKNOWN, ApprovalReply.parse(conflict).decision());
  }

  @Test
  void parse_outOfOfficeReply_isAutoReplyWithoutDecision() throws IOException {
    ApprovalReply r = parseSample("out-of-office");
    assertTrue(r.autoReply());
    assertEquals(ApprovalDecision.UNKNOWN, r.decision());
  }

  @Test
  void parse_onlyQuotedTextMentionsApproved_isUnknown() throws IOException {
    ApprovalReply r = parseSample("only-quoted-text");
    assertEquals(ApprovalDecision.UNKNOWN, r.decision());
    assertEquals("", r.newText());
    assertTrue(r.inReplyTo().isEmpty());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Approved|APPROVED",
        "approved|APPROVED",
        "APPROVED.|APPROVED",
        "aPPRoved!!|APPROVED",
        "Approve|APPROVED",
        "  I approve this request, thanks|APPROVED",
        "Approved, but not for production next time|UNKNOWN",
        "Approve? No.|UNKNOWN",
        "Approved?|UNKNOWN",
        "Approve ?|UNKNOWN",
        "Approved, no|UNKNOWN",
        "Rejected, not in a change window|REJECTED",
        "Rejected?|UNKNOWN",
        "Rejected|REJECTED",
        "REJECT|REJECTED",
        "Denied|REJECTED",
        "deny|REJECTED",
        "Declined: wrong asset|REJECTED",
        "No, rejected|UNKNOWN",
        "Not approved|UNKNOWN",
        "I don't approve|UNKNOWN",
        "I don\u2019t approve|UNKNOWN",
        "Never approve this|UNKNOWN",
        "Approved and rejected|UNKNOWN",
        "Disapproved|UNKNOWN",
        "Unapproved|UNKNOWN",
        "Approvedd|UNKNOWN",
        "OK|UNKNOWN",
        "Yes|UNKNOWN",
      })
  void decide_firstLine_wholeWordsAnyCase(String line, ApprovalDecision expected) {
    assertEquals(expected, ApprovalReply.decide(line + "\n\nThanks, don't wait", "Re: request"));
  }

  @Test
  void decide_greetingOnFirstLine_isUnknown() {
    assertEquals(ApprovalDecision.UNKNOWN, ApprovalReply.decide("Hi,\n\nApproved", "Re: x"));
  }

  @Test
  void stripQuoted_germanAndFrenchAttributions_cutThere() {
    assertEquals(
        "Approved",
        ApprovalReply.stripQuoted(
            "Approved\n\nAm 23.11.2026 um 10:00 schrieb PAM Appliance <pam@appliance.example>:\n"
                + "> Rejected"));
    assertEquals(
        "Rejected",
        ApprovalReply.stripQuoted(
            "Rejected\nLe lun. 23 nov. 2026 à 10:00, PAM <pam@appliance.example> a écrit :\n> x"));
    assertEquals("Approved", ApprovalReply.stripQuoted("Approved\r\n-- \r\nAlice\r\n"));
  }

  @Test
  void parse_notAnEmail_isRefused() {
    assertThrows(
        ValidationException.class,
        () ->
            ApprovalReply.parse(
                "Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\nno parts" + " here"));
  }

  @Test
  void decide_bothKindsOnDifferentLines_isUnknown() {
    assertEquals(ApprovalDecision.UNKNOWN, ApprovalReply.decide("Approved\nNo wait: rejected", ""));
    assertEquals(
        ApprovalDecision.UNKNOWN, ApprovalReply.decide("Rejected.\nWill approve later", ""));
    assertEquals(ApprovalDecision.UNKNOWN, ApprovalReply.decide("Approve?\nNo.", ""));
  }

  @Test
  void decide_voteWordBelowAGreeting_doesNotFallBackToTheSubject() {
    assertEquals(
        ApprovalDecision.UNKNOWN,
        ApprovalReply.decide("Hi,\nnot approved", "Approve: Access request 1"));
    assertEquals(ApprovalDecision.APPROVED, ApprovalReply.decide("", "Approve: Access request 1"));
  }

  // The inputs below make the former regular expressions run for hours (quadratic or worse);
  // the preemptive timeout only guards the build against a hang, it measures nothing.

  @Test
  void htmlToText_manyUnclosedScriptsAndTags_linear() {
    String text =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> ApprovalReply.htmlToText("<p>Approved</p>" + "<script>".repeat(200_000)));
    assertEquals("Approved\n", text);
    assertEquals(
        "a",
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> ApprovalReply.htmlToText("a" + "<blockquote<div class=x".repeat(100_000))));
    assertEquals(
        "x\n> y\n",
        ApprovalReply.htmlToText(
            "x<DIV class=\"gmail_quote\">y</div><head><title>t</title></head>"));
  }

  @Test
  void stripQuoted_hugeAttributionLikeLines_linear() {
    String line = "On " + " ".repeat(300_000) + "x";
    String le = "Le " + "a ".repeat(150_000) + " écrit";
    String am = "Am " + " schrieb".repeat(50_000);
    String body = "Approved\n" + line + "\n" + le + "\n" + am + "\n";
    String text =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ApprovalReply.stripQuoted(body));
    assertTrue(text.startsWith("Approved"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "On Mon, 23 Nov 2026 at 10:00, PAM <p@x> wrote:|true",
        "Le lun. 23 nov. 2026, PAM a écrit :|true",
        "Am 23.11.2026 schrieb PAM <p@x>:|true",
        "On call this week, approved|false",
        "Amazing, approved:|false"
      })
  void isAttribution_englishFrenchGermanLines(String line, boolean attribution) {
    assertEquals(attribution, ApprovalReply.isAttribution(line));
  }

  @Test
  void parse_messageOverTheLimit_refusedBeforeParsing() {
    String big = "Subject: x\r\n\r\n" + "a".repeat(ApprovalReply.MAX_MESSAGE_BYTES);
    ValidationException e = assertThrows(ValidationException.class, () -> ApprovalReply.parse(big));
    assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    assertEquals("$", e.violations().get(0).path());
    assertThrows(
        ValidationException.class,
        () ->
            ApprovalReply.parse(
                new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void parse_startsWithAContinuationLine_refusedNotCrashed() {
    // Found by ApprovalReplyFuzzTest: jakarta.mail fails with IndexOutOfBoundsException here.
    byte[] raw = {'\t', '\n', '\t', '\n', '\r', '\n', (byte) 0x9a, 'o', '.', '%', '\r', '\n'};
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> ApprovalReply.parse(new java.io.ByteArrayInputStream(raw)));
    assertTrue(e.getMessage().startsWith("$: not a readable email"), e.getMessage());
  }
}
