// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.approval.ApprovalToken;
import io.pamkit.notify.approval.ApprovalTokens;
import io.pamkit.simulator.SppSimulator;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pamkit approvals poll} against GreenMail (SMTP, IMAP) and the appliance simulator. */
final class ApprovalsCommandTest {
  private static final String KEY = "cli-approval-key-of-32-characters-or-more";

  @TempDir Path dir;

  private SppSimulator spp;
  private GreenMail mail;
  private Path caCert;

  @BeforeEach
  void start() throws Exception {
    spp = SppSimulator.builder().build();
    spp.addUser("alice", Secret.of("Al1ce!pw"));
    spp.addUser("bob", Secret.of("B0b!pw"));
    caCert = SppFixture.pem(dir, "spp-ca.pem", spp.caCertificate());
    mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    mail.start();
    mail.setUser("approvals@example.com", "approvals", "mailbox-pw");
  }

  @AfterEach
  void stop() {
    mail.stop();
    spp.close();
  }

  private CliRun poll(Map<String, String> env) {
    return CliRun.run(
        env,
        "approvals",
        "poll",
        "--appliance",
        "https://" + spp.host() + ":" + spp.port(),
        "--ca-cert",
        caCert.toString(),
        "--imap-host",
        "127.0.0.1",
        "--imap-port",
        Integer.toString(mail.getImap().getPort()),
        "--imap-security",
        "none",
        "--mailbox-user",
        "approvals",
        "--authserv-id",
        "mx.example.com",
        "--state",
        dir.resolve("approvals.json").toString(),
        "--json");
  }

  private static final Map<String, String> ENV =
      Map.of(
          "PAMKIT_APPROVAL_KEY", KEY,
          "PAMKIT_MAILBOX_PASSWORD", "mailbox-pw",
          "PAMKIT_SECRET_DIRECTORY_ACCOUNT__APPLIANCE__ALICE", "Al1ce!pw");

  private void reply(ApprovalToken token, String text) throws Exception {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
    MimeMessage m = new MimeMessage(Session.getInstance(p));
    m.setFrom(new InternetAddress("alice@example.com"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress("approvals@example.com"));
    m.setSubject("Re: Access request " + token.requestId());
    m.setHeader("In-Reply-To", token.messageId("example.com"));
    m.setHeader("Authentication-Results", "mx.example.com; dkim=pass header.d=example.com");
    m.setText(text + "\n");
    Transport.send(m);
  }

  @Test
  void poll_approvedReply_applianceShowsItApproved() throws Exception {
    String id = spp.accessRequests().createPending("bob", "db1", "root", List.of("alice"));
    ApprovalToken token =
        ApprovalTokens.of(Secret.of(KEY))
            .issue(id, "alice@example.com", Instant.now().plusSeconds(3600));
    reply(token, "Approved");

    CliRun r = poll(ENV);

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"Status\" : \"SUBMITTED\""), r.out());
    assertTrue(r.out().contains("\"RequestId\" : \"" + id + "\""), r.out());
    assertEquals(Optional.of("RequestAvailable"), spp.accessRequests().state(id));
    assertFalse(r.out().contains(KEY) || r.err().contains(KEY), "the key is never printed");
    assertFalse(r.out().contains("Al1ce!pw") || r.err().contains("Al1ce!pw"));

    CliRun again = poll(ENV);
    assertEquals(0, again.exitCode(), again.err());
    assertEquals("[ ]", again.out().strip());
  }

  @Test
  void poll_withoutKey_badInput() {
    CliRun r = poll(Map.of("PAMKIT_MAILBOX_PASSWORD", "mailbox-pw"));

    assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
    assertTrue(r.err().contains("PAMKIT_APPROVAL_KEY"), r.err());
  }
}
