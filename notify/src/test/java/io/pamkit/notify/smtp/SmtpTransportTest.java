// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static io.pamkit.notify.TestNotifications.emailTo;
import static io.pamkit.notify.TestNotifications.emailToUser;
import static io.pamkit.notify.TestNotifications.event;
import static io.pamkit.notify.TestNotifications.failedSend;
import static io.pamkit.notify.TestNotifications.notification;
import static io.pamkit.notify.TestNotifications.templates;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pamkit.core.ValidationException;
import io.pamkit.core.dispatch.DeliveryAssurance;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.template.BodyFormat;
import io.pamkit.notify.template.EmailTemplates;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMTP transport against GreenMail over real sockets: plain SMTP and authentication. */
final class SmtpTransportTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:05Z"), ZoneOffset.UTC);

  private GreenMail greenMail;

  @BeforeEach
  void start() {
    greenMail =
        new GreenMail(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer", "s3cret"));
    greenMail.start();
  }

  @AfterEach
  void stop() {
    greenMail.stop();
  }

  private SmtpTransportConfig.Builder plain() {
    return SmtpTransportConfig.builder()
        .serverAddress("[127.0.0.1]")
        .port(greenMail.getSmtp().getPort())
        .requireTls(false)
        .senderEmail("pamkit@appliance.example")
        .heloName("pamkit.test")
        .readTimeout(Duration.ofSeconds(10));
  }

  @Test
  void send_plainSmtp_deliversRenderedEmailWithHeaders() throws Exception {
    try (SmtpTransport t = SmtpTransport.builder(plain().build()).clock(CLOCK).build()) {
      Notification n = notification("ev-1", "admin@example.com");
      DeliveryReceipt r = t.send(n);

      assertEquals("Email", r.transportId());
      assertEquals(CLOCK.instant(), r.deliveredAt());
      assertEquals(DeliveryAssurance.ACKNOWLEDGED, r.assurance()); // 250 after DATA
      MimeMessage[] got = greenMail.getReceivedMessages();
      assertEquals(1, got.length);
      MimeMessage m = got[0];
      assertEquals("[Error] PasswordChangeFailed", m.getSubject());
      assertEquals("pamkit@appliance.example", m.getFrom()[0].toString());
      assertEquals("admin@example.com", m.getAllRecipients()[0].toString());
      assertEquals(t.messageId(n.idempotencyKey()), m.getMessageID());
      assertTrue(m.getMessageID().endsWith(".pamkit@appliance.example>"));
      assertArrayEquals(new String[] {"PasswordChangeFailed"}, m.getHeader("X-Pamkit-Event"));
      assertArrayEquals(new String[] {"ev-1"}, m.getHeader("X-Pamkit-Event-Id"));
      assertArrayEquals(new String[] {"auto-generated"}, m.getHeader("Auto-Submitted"));
      String body = (String) m.getContent();
      assertTrue(body.contains("AssetName: dc01.example.com"), body);
      assertTrue(body.contains("Category:  PasswordManagement"), body);
      assertTrue(m.getContentType().startsWith("text/plain"), m.getContentType());
    }
  }

  @Test
  void send_sameNotificationTwice_sameMessageId() throws Exception {
    try (SmtpTransport t = SmtpTransport.builder(plain().build()).build()) {
      Notification n = notification("ev-2", "admin@example.com");
      t.send(n);
      t.send(n);
      t.send(notification("ev-3", "admin@example.com"));
      MimeMessage[] got = greenMail.getReceivedMessages();
      assertEquals(3, got.length);
      assertEquals(got[0].getMessageID(), got[1].getMessageID());
      assertFalse(got[0].getMessageID().equals(got[2].getMessageID()));
    }
  }

  @Test
  void send_manyMessages_reuseOneConnection() throws Exception {
    try (SmtpTransport t = SmtpTransport.builder(plain().build()).build()) {
      for (int i = 0; i < 40; i++) {
        t.send(notification("many-" + i, "admin@example.com"));
      }
      assertEquals(40, greenMail.getReceivedMessages().length);
      assertEquals(1, t.connectionsOpened());
    }
  }

  @Test
  void send_serverRestarted_reconnectsAndDelivers() throws Exception {
    int port = greenMail.getSmtp().getPort();
    try (SmtpTransport t = SmtpTransport.builder(plain().build()).build()) {
      t.send(notification("before", "admin@example.com"));
      greenMail.stop();
      greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
      greenMail.start();

      t.send(notification("after", "admin@example.com"));

      assertEquals(2, t.connectionsOpened());
      assertEquals(1, greenMail.getReceivedMessages().length);
      assertArrayEquals(
          new String[] {"after"},
          greenMail.getReceivedMessages()[0].getHeader("X-Pamkit-Event-Id"));
    }
  }

  @Test
  void send_nothingListening_transient() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (SmtpTransport t = SmtpTransport.builder(plain().port(port).build()).build()) {
      DeliveryException e = failedSend(t, "x");
      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }
  }

  @Test
  void send_passwordAuthentication_delivers() throws Exception {
    SmtpTransportConfig c =
        plain().authentication(SmtpAuthentication.password("mailer", Secret.of("s3cret"))).build();
    try (SmtpTransport t = SmtpTransport.builder(c).build()) {
      t.send(notification("auth-ok", "admin@example.com"));
      assertEquals(1, greenMail.getReceivedMessages().length);
    }
  }

  @Test
  void send_wrongPassword_permanentTransportWithoutThePassword() {
    SmtpTransportConfig c =
        plain()
            .authentication(SmtpAuthentication.password("mailer", Secret.of("wrong-pw-123")))
            .build();
    try (SmtpTransport t = SmtpTransport.builder(c).build()) {
      DeliveryException e = failedSend(t, "auth-bad");
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("refused the credentials of mailer"), e.getMessage());
      assertFalse(e.getMessage().contains("wrong-pw-123"), e.getMessage());
      assertEquals(0, greenMail.getReceivedMessages().length);
    }
  }

  @Test
  void send_vaultedAccount_passwordResolvedOnConnect() throws Exception {
    AccountReference ref =
        new AccountReference(AccountReference.Kind.DIRECTORY_ACCOUNT, "corp.example", "mailer");
    List<AccountReference> asked = Collections.synchronizedList(new java.util.ArrayList<>());
    SmtpTransportConfig c =
        plain()
            .authentication(SmtpAuthentication.account(ref))
            .credentialResolver(
                r -> {
                  asked.add(r);
                  return Secret.of("s3cret");
                })
            .build();
    try (SmtpTransport t = SmtpTransport.builder(c).build()) {
      t.send(notification("vault-1", "admin@example.com"));
      t.send(notification("vault-2", "admin@example.com"));
    }
    assertEquals(2, greenMail.getReceivedMessages().length);
    assertEquals(List.of(ref), asked);
  }

  @Test
  void send_vaultedAccountWithLoginName_logsInWithThatName() throws Exception {
    AccountReference ref =
        new AccountReference(AccountReference.Kind.ASSET_ACCOUNT, "mx01", "svc-smtp");
    SmtpTransportConfig c =
        plain()
            .authentication(SmtpAuthentication.account(ref, "mailer"))
            .credentialResolver(r -> Secret.of("s3cret"))
            .build();
    try (SmtpTransport t = SmtpTransport.builder(c).build()) {
      t.send(notification("vault-login", "admin@example.com"));
    }
    assertEquals(1, greenMail.getReceivedMessages().length);
  }

  @Test
  void send_userSubscriber_addressFromRecipientResolver() throws Exception {
    Map<Integer, String> users = Map.of(42, "jane@example.com");
    try (SmtpTransport t =
        SmtpTransport.builder(plain().build())
            .recipientResolver(id -> Optional.ofNullable(users.get(id)))
            .build()) {
      t.send(Notification.of(event("u-1"), emailToUser(42)));
      assertEquals(
          "jane@example.com", greenMail.getReceivedMessages()[0].getAllRecipients()[0].toString());

      DeliveryException e =
          assertThrows(
              DeliveryException.class,
              () -> t.send(Notification.of(event("u-2"), emailToUser(43))));
      assertEquals(FailureType.PERMANENT_MESSAGE, e.failureType());
      assertTrue(e.getMessage().contains("user 43"), e.getMessage());
      assertTrue(e.getMessage().contains("has no email address"), e.getMessage());
    }
  }

  @Test
  void send_crlfInTemplateValue_neverReachesAHeader() throws Exception {
    EmailTemplates templates =
        templates("Failed on {{AssetName}}", "<p>{{AssetName}}</p>", BodyFormat.HTML);
    ApplianceEvent evil =
        event("inj").toBuilder()
            .property("AssetName", "dc01\r\nBcc: victim@evil.example\r\n\r\n<script>x</script>")
            .build();
    try (SmtpTransport t = SmtpTransport.builder(plain().build()).templates(templates).build()) {
      t.send(Notification.of(evil, emailTo("admin@example.com")));
    }
    MimeMessage m = greenMail.getReceivedMessages()[0];
    assertNull(m.getHeader("Bcc"));
    assertEquals(1, m.getHeader("Subject").length);
    assertEquals("Failed on dc01  Bcc: victim@evil.example    <script>x</script>", m.getSubject());
    assertEquals(1, m.getAllRecipients().length);
    String body = (String) m.getContent();
    assertFalse(body.contains("<script>"), body);
    assertTrue(body.contains("&lt;script&gt;x&lt;/script&gt;"), body);
    assertTrue(m.getContentType().startsWith("text/html"), m.getContentType());
  }

  @Test
  void send_crlfInResolvedRecipient_refusedPermanently() {
    try (SmtpTransport t =
        SmtpTransport.builder(plain().build())
            .recipientResolver(id -> Optional.of("jane@example.com\r\nBcc: victim@evil.example"))
            .build()) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(Notification.of(event("r-1"), emailToUser(1))));
      assertEquals(FailureType.PERMANENT_MESSAGE, e.failureType());
      assertTrue(e.getMessage().contains("CR, LF"), e.getMessage());
    }
    assertEquals(0, greenMail.getReceivedMessages().length);
  }

  @Test
  void config_crlfInSender_refused() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                plain()
                    .senderEmail("pamkit@appliance.example\r\nBcc: victim@evil.example")
                    .build());
    assertEquals("SenderEmail", e.violations().get(0).path());
  }

  @Test
  void send_emailDisabled_permanentTransport() {
    try (SmtpTransport t = SmtpTransport.builder(SmtpTransportConfig.builder().build()).build()) {
      DeliveryException e = failedSend(t, "d");
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("disabled"), e.getMessage());
    }
  }

  @Test
  void send_afterClose_permanentTransport() {
    SmtpTransport t = SmtpTransport.builder(plain().build()).build();
    t.close();
    DeliveryException e = failedSend(t, "c");
    assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
  }
}
