// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.cert.KeyType;
import io.pamkit.core.cert.SelfSigned;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.TransportProvider;
import io.pamkit.core.dispatch.spi.TransportProviders;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.SnmpAuthenticationType;
import io.pamkit.core.subscription.SnmpEncryptionType;
import io.pamkit.core.subscription.SnmpSubscriberProperties;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.notify.email.ApprovalCorrelator;
import io.pamkit.notify.email.ApprovalDecision;
import io.pamkit.notify.email.ApprovalOutcome;
import io.pamkit.notify.email.ApprovalReply;
import io.pamkit.notify.email.EmailMessageIds;
import io.pamkit.notify.email.EmailProviderChain;
import io.pamkit.notify.email.FailoverEvents;
import io.pamkit.notify.ews.EwsAuthentication;
import io.pamkit.notify.ews.EwsConfig;
import io.pamkit.notify.graph.GraphSettings;
import io.pamkit.notify.oauth.AccessTokenSource;
import io.pamkit.notify.oauth.ClientCredential;
import io.pamkit.notify.oauth.IdentityPlatformTokenSource;
import io.pamkit.notify.sendgrid.SendGridConfig;
import io.pamkit.notify.smtp.DkimSigner;
import io.pamkit.notify.snmp.SnmpTransport;
import io.pamkit.notify.syslog.SyslogTransport;
import io.pamkit.notify.template.EmailTemplate;
import io.pamkit.notify.template.EmailTemplates;
import io.pamkit.notify.template.RenderedEmail;
import io.pamkit.testing.InMemoryTransport;
import io.pamkit.testing.SyslogReceiver;
import io.pamkit.testing.TrapReceiver;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;

/**
 * The usage examples in notify's Javadoc, compiled and run. Each test's body between the marker
 * comments is the example its type's Javadoc shows (with the example's free variables declared
 * above it): when an example changes, change it here too.
 */
final class JavadocExamplesTest {

  /** {@link EmailTemplates}. */
  @Test
  void emailTemplates_builderExample_rendersTheCustomTemplate() {
    ApplianceEvent event =
        ApplianceEvent.builder("PasswordChangeFailed")
            .property("AssetName", "dc01.example.com")
            .property("AccountName", "svc-backup")
            .build();

    // example
    EmailTemplates templates =
        EmailTemplates.builder()
            .properties("PasswordChangeFailed", List.of("AssetName", "AccountName"))
            .put(
                EmailTemplate.builder("PasswordChangeFailed")
                    .subject("Password change failed for {{AccountName}} on {{AssetName}}")
                    .body("At {{Time}} the appliance could not change the password.")
                    .build())
            .build();
    RenderedEmail email = templates.render(event, null);
    // end

    assertEquals("Password change failed for svc-backup on dc01.example.com", email.subject());
  }

  /** {@link TransportProviders}. */
  @Test
  void transportProviders_loadExample_findsSmtp() {
    // example
    TransportProviders providers = TransportProviders.load();
    TransportProvider<?> smtp = providers.require("smtp"); // names the artifact to add if absent
    // end

    assertEquals("smtp", smtp.name());
  }

  /** {@link SyslogTransport}. */
  @Test
  void syslogTransport_sendExample_reachesTheReceiver() throws Exception {
    try (SyslogReceiver rx = SyslogReceiver.builder().udp().start()) {
      Subscriber subscriber =
          Subscriber.builder(Subscriber.SYSLOG)
              .id(3)
              .syslogProperties(
                  SyslogSubscriberProperties.builder()
                      .networkAddress("127.0.0.1")
                      .port(rx.udpPort())
                      .build())
              .build();
      Notification notification =
          Notification.of(ApplianceEvent.builder("PasswordChangeFailed").build(), subscriber);

      // example
      try (SyslogTransport syslog = SyslogTransport.builder().appName("pamkit").build()) {
        DeliveryReceipt receipt = syslog.send(notification);
        // end
        assertEquals(Subscriber.SYSLOG, receipt.transportId());
      }
      assertTrue(rx.next().contains("PasswordChangeFailed"));
    }
  }

  /** {@link EmailProviderChain}. */
  @Test
  void emailProviderChain_builderExample_sendsThroughTheFirstProvider() throws Exception {
    InMemoryTransport smtpTransport = InMemoryTransport.create(Subscriber.EMAIL);
    InMemoryTransport sendGridTransport = InMemoryTransport.create(Subscriber.EMAIL);
    smtpTransport.failNext(FailureType.TRANSIENT, "smtp down");
    Notification notification = TestNotifications.notification("ev-1", "security@example.com");

    // example
    EmailProviderChain email =
        EmailProviderChain.builder()
            .provider("smtp", 0, smtpTransport)
            .provider("sendgrid", 10, sendGridTransport)
            .build();
    DeliveryReceipt r = email.send(notification); // r.transportId() is "smtp" or "sendgrid"
    // end

    try (email) {
      assertEquals("sendgrid", r.transportId());
      assertEquals(1, sendGridTransport.count());
    }
  }

  /** {@link ApprovalCorrelator}. */
  @Test
  void approvalCorrelator_example_decidesTheRequest() {
    Notification notification = TestNotifications.notification("ev-1", "alice@example.com");
    String id = EmailMessageIds.messageId(notification.idempotencyKey(), "pam@appliance.example");
    String rawReply =
        "From: Alice <alice@example.com>\r\nSubject: Re: Access request\r\n"
            + "In-Reply-To: "
            + id
            + "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "Approved\r\n";
    List<ApprovalDecision> submitted = new ArrayList<>();
    BiConsumer<String, ApprovalDecision> submit = (key, decision) -> submitted.add(decision);

    // example
    ApprovalCorrelator approvals = new ApprovalCorrelator();
    approvals.expect(notification); // when the approval email is sent
    ApprovalOutcome o = approvals.correlate(ApprovalReply.parse(rawReply));
    if (o.status() == ApprovalOutcome.Status.DECIDED) {
      submit.accept(o.key().orElseThrow(), o.decision()); // a BiConsumer<String, ApprovalDecision>
    }
    // end

    assertEquals(List.of(ApprovalDecision.APPROVED), submitted);
  }

  /** {@link io.pamkit.notify.approval.EmailApprovals}. */
  @Test
  void emailApprovals_example_submitsTheDecision(@TempDir Path dir) throws Exception {
    com.icegreen.greenmail.util.GreenMail mail =
        new com.icegreen.greenmail.util.GreenMail(
            com.icegreen.greenmail.util.ServerSetup.dynamicPort(
                com.icegreen.greenmail.util.ServerSetupTest.SMTP_IMAP));
    mail.start();
    try {
      mail.setUser("approvals@example.com", "approvals", "pw");
      java.util.Properties p = new java.util.Properties();
      p.put("mail.smtp.host", "127.0.0.1");
      p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
      Session smtpSession = Session.getInstance(p);
      var keyAccount =
          new io.pamkit.core.secret.AccountReference(
              io.pamkit.core.secret.AccountReference.Kind.ASSET_ACCOUNT, "vault", "approval-key");
      var resolver =
          io.pamkit.core.secret.InMemoryCredentialResolver.create()
              .put(keyAccount, Secret.of("a-32-byte-or-longer-approval-key!!"));
      io.pamkit.notify.approval.Mailbox imapMailbox =
          io.pamkit.notify.approval.ImapMailbox.builder()
              .host("127.0.0.1")
              .port(mail.getImap().getPort())
              .security(io.pamkit.notify.approval.ImapMailbox.Security.NONE)
              .username("approvals")
              .password(Secret.of("pw"))
              .build();
      String requestId = "8518-1-18B1694CF1C0-0026";
      String subject = "Access request " + requestId;
      String body = "Bob asks for root on db1.";
      List<String> submittedTo = new ArrayList<>();
      Path storeDir = dir;

      // example
      io.pamkit.notify.approval.EmailApprovals approvals =
          io.pamkit.notify.approval.EmailApprovals.builder()
              .tokens(
                  io.pamkit.notify.approval.ApprovalTokens.fromCredentials(resolver, keyAccount))
              .mailbox(imapMailbox)
              .store(
                  io.pamkit.notify.approval.ApprovalStore.open(storeDir.resolve("approvals.json")))
              .decisionSink(
                  (rid, approver, decision, comment) -> submittedTo.add(rid + " " + decision))
              .authenticationPolicy(io.pamkit.notify.approval.AuthenticationPolicy.REQUIRE)
              .authservId("mx.example.com")
              .build();
      io.pamkit.notify.approval.ApprovalToken token =
          approvals.issue(requestId, "alice@example.com");
      MimeMessage email =
          approvals.approvalEmail(smtpSession, token, "approvals@example.com", subject, body);
      jakarta.mail.Transport.send(email);
      // end

      MimeMessage reply = new MimeMessage(smtpSession);
      reply.setFrom(new InternetAddress("alice@example.com"));
      reply.setRecipient(Message.RecipientType.TO, new InternetAddress("approvals@example.com"));
      reply.setSubject("Re: " + subject);
      reply.setHeader("In-Reply-To", token.messageId("example.com"));
      reply.setHeader("Authentication-Results", "mx.example.com; dkim=pass header.d=example.com");
      reply.setText("Approved\n");
      jakarta.mail.Transport.send(reply);

      // example
      List<io.pamkit.notify.approval.ApprovalResult> results = approvals.poll();
      // end

      assertEquals(List.of(requestId + " APPROVED"), submittedTo);
      assertEquals(1, results.size());
    } finally {
      mail.stop();
    }
  }

  /** {@link DkimSigner}. */
  @Test
  void dkimSigner_example_addsTheSignature() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    PrivateKey privateKey = g.generateKeyPair().getPrivate();
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress("pam@example.com"));
    message.setRecipients(Message.RecipientType.TO, "security@example.com");
    message.setSubject("Password change failed");
    message.setText("dc01");
    message.saveChanges();

    // example
    DkimSigner signer = DkimSigner.builder("example.com", "pam2026", privateKey).build();
    signer.sign(message); // after the message is complete, before it is sent
    // end

    String header = message.getHeader("DKIM-Signature", null);
    assertTrue(header.contains("d=example.com") && header.contains("s=pam2026"), header);
  }

  /** {@link ConfiguredTransports} and {@link FailoverEvents}. */
  @Test
  void configuredTransports_example_feedsTheDispatcher(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("pamkit.json"), "{\"EventSubscribers\": []}");
    // example: ConfiguredTransports (the example reads Path.of("pamkit.json"))
    PamkitConfig config = PamkitConfig.read(dir.resolve("pamkit.json"));
    ConfiguredTransports transports = ConfiguredTransports.builder(config).build();
    EventDispatcher.Builder b = EventDispatcher.builder().subscribers(config.eventSubscribers());
    b.transports(transports); // the dispatcher now owns them and closes them once
    EventDispatcher dispatcher = b.build();
    transports.failoverEvents().publishTo(dispatcher); // email failovers become events
    // end
    try (dispatcher) {
      assertTrue(transports.all().containsKey(Subscriber.SYSLOG));
    }

    // example: FailoverEvents
    ConfiguredTransports transports2 = ConfiguredTransports.builder(config).build();
    EventDispatcher dispatcher2 =
        EventDispatcher.builder()
            .subscribers(config.eventSubscribers())
            .transports(transports2)
            .build();
    transports2.failoverEvents().publishTo(dispatcher2); // from now on failovers are published
    // end
    try (dispatcher2) {
      assertTrue(transports2.all().containsKey(Subscriber.SNMP));
    }
  }

  /** {@link SendGridConfig}. */
  @Test
  void sendGridConfig_builderExample_usesTheEuHost() {
    String apiKey = "SG.test-key";
    // example
    SendGridConfig config =
        SendGridConfig.builder()
            .apiKey(Secret.of(apiKey)) // e.g. from System.getenv("SENDGRID_API_KEY")
            .senderEmail("pam@example.com")
            .euDataResidency(true)
            .build();
    // end

    assertEquals("pam@example.com", config.senderEmail());
    assertFalse(config.toString().contains(apiKey));
  }

  /** {@link EwsConfig}. */
  @Test
  void ewsConfig_builderExample_buildsTheSettings() {
    Secret password = Secret.of("pw");
    // example
    EwsConfig config =
        EwsConfig.builder()
            .endpoint(URI.create("https://mail.example.com/EWS/Exchange.asmx"))
            .senderEmail("pam@example.com")
            .authentication(EwsAuthentication.basic("EXAMPLE\\svc-pam", password))
            .build();
    // end

    assertEquals(URI.create("https://mail.example.com/EWS/Exchange.asmx"), config.endpoint());
    assertFalse(config.toString().contains("pw,") || config.toString().contains("=pw"));
  }

  /** {@link GraphSettings} and {@link IdentityPlatformTokenSource}. */
  @Test
  void graphSettingsAndTokenSource_builderExamples_build() {
    KeyMaterial key = SelfSigned.builder("CN=pamkit-graph").keyType(KeyType.RSA_2048).build();
    PrivateKey privateKey = key.privateKey();
    X509Certificate certificate = key.certificate();

    // example: GraphSettings
    GraphSettings settings =
        GraphSettings.builder()
            .tenantId("contoso.onmicrosoft.com")
            .clientId("11111111-2222-3333-4444-555555555555")
            .credential(ClientCredential.certificate(privateKey, List.of(certificate)))
            .senderEmail("pam-notifications@contoso.com")
            .build();
    // end
    assertEquals("contoso.onmicrosoft.com", settings.tenantId());

    // example: IdentityPlatformTokenSource
    AccessTokenSource tokens =
        IdentityPlatformTokenSource.builder(
                "contoso.onmicrosoft.com",
                "11111111-2222-3333-4444-555555555555",
                ClientCredential.certificate(privateKey, List.of(certificate)))
            .scope("https://graph.microsoft.com/.default")
            .build();
    // end
    assertNotNull(tokens);
  }

  /** {@link TrapReceiver} (pamkit-testing), fed by the SNMP transport. */
  @Test
  void trapReceiver_v3Example_receivesTheTrap() throws Exception {
    // example
    try (TrapReceiver station =
        TrapReceiver.builder()
            .user(
                new UsmUser(
                    new OctetString("noc"),
                    AuthHMAC192SHA256.ID,
                    new OctetString("auth-pass"),
                    PrivAES128.ID,
                    new OctetString("priv-pass")))
            .start()) {
      // point an SNMP subscriber at 127.0.0.1:station.port(), publish an event
      // end (the test sends the trap through the SNMP transport itself)
      Subscriber subscriber =
          Subscriber.builder(Subscriber.SNMP)
              .id(5)
              .snmpProperties(
                  SnmpSubscriberProperties.builder()
                      .networkAddress("127.0.0.1")
                      .port(station.port())
                      .version(3)
                      .authenticationUserName("noc")
                      .authenticationType(SnmpAuthenticationType.SHA256)
                      .authenticationPassword(Secret.of("auth-pass"))
                      .encryptionType(SnmpEncryptionType.AES128)
                      .encryptionPassword(Secret.of("priv-pass"))
                      .build())
              .build();
      try (SnmpTransport snmp = SnmpTransport.builder().build()) {
        snmp.send(
            Notification.of(ApplianceEvent.builder("PasswordChangeFailed").build(), subscriber));
      }
      // example
      TrapReceiver.Trap trap = station.next();
      // end
      assertEquals("noc", trap.securityName());
    }
  }
}
