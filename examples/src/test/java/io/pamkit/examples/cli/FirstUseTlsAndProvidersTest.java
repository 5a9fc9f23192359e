// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.testing.Await;
import io.pamkit.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the first-use review did with TLS and email providers, step by step: a lab SMTP server with
 * a self-signed certificate (trusted with {@code --ca-cert} or the document's {@code
 * TrustAnchors}), and a document whose email goes only through {@code EmailProviders}.
 */
final class FirstUseTlsAndProvidersTest {
  @TempDir Path dir;
  private SmtpsServer smtps;
  private Path caFile;

  @BeforeEach
  void start() throws Exception {
    KeyMaterial selfSigned = TestCertificates.selfSigned("CN=lab-smtp", "localhost", "127.0.0.1");
    smtps = SmtpsServer.start(selfSigned);
    caFile = Files.writeString(dir.resolve("lab-ca.pem"), selfSigned.certificatePem());
  }

  @AfterEach
  void stop() throws Exception {
    smtps.close();
  }

  private Path smtpsDocument(String extra) throws Exception {
    return Receivers.write(
        dir,
        "smtps.json",
        """
        {%s
          "EmailClientConfig": {
            "ServerAddress": "127.0.0.1", "PortNumber": %d, "RequireSmtpsFlag": true,
            "SenderEmail": "pamkit@example.com"
          },
          "EventSubscribers": [{"Id": 1, "Type": "Email", "Description": "On-call",
            "EmailAddress": "oncall@example.com", "Subscriptions": ["PasswordChangeFailed"]}]
        }
        """
            .formatted(extra, smtps.port()));
  }

  @Test
  void testEmail_selfSignedServer_errorNamesCaCertAndTrustAnchors() throws Exception {
    CliRun r = CliRun.testEmail(smtpsDocument(""), "--timeout", "10");
    assertEquals(1, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("is not trusted"), r.out());
    assertTrue(r.out().contains("--ca-cert FILE"), r.out());
    assertTrue(r.out().contains("TrustAnchors"), r.out());
    assertEquals(0, smtps.messages().size());
  }

  @Test
  void testEmail_caCertGiven_sent() throws Exception {
    CliRun r =
        CliRun.testEmail(smtpsDocument(""), "--timeout", "10", "--ca-cert", caFile.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("SENT"), r.out());
    assertEquals(1, smtps.messages().size());
  }

  @Test
  void testEmail_trustAnchorsInTheDocument_sent() throws Exception {
    Path doc = smtpsDocument("\n  \"TrustAnchors\": [\"" + caFile + "\"],");
    CliRun r = CliRun.testEmail(doc, "--timeout", "10");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertEquals(1, smtps.messages().size());
  }

  @Test
  void testEmail_inlinePemTrustAnchor_sent() throws Exception {
    String pem = Files.readString(caFile).replace("\n", "\\n");
    Path doc = smtpsDocument("\n  \"TrustAnchors\": [\"" + pem + "\"],");
    CliRun r = CliRun.testEmail(doc, "--timeout", "10");
    assertEquals(0, r.exitCode(), r.out() + r.err());
  }

  @Test
  void publish_caCertGiven_emailDeliveredOverTls() throws Exception {
    CliRun r =
        CliRun.publish(smtpsDocument(""), "PasswordChangeFailed", "--ca-cert", caFile.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("1 delivered"), r.out());
    Await.until("the email", Duration.ofSeconds(10), () -> smtps.messages().size() == 1);
  }

  @Test
  void testEvent_caCertGiven_delivered() throws Exception {
    CliRun r = CliRun.withConfig(smtpsDocument(""), "test-event", "--ca-cert", caFile.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    Await.until("the email", Duration.ofSeconds(10), () -> smtps.messages().size() == 1);
  }

  @Test
  void caCert_fileWithoutCertificate_exits2NamingTheOption() throws Exception {
    Path notPem = Receivers.write(dir, "notes.txt", "not a certificate");
    CliRun r = CliRun.testEmail(smtpsDocument(""), "--ca-cert", notPem.toString());
    assertEquals(2, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().startsWith("pamkit: --ca-cert " + notPem + ": "), r.err());
  }

  @Test
  void validate_trustAnchorMissingFile_problemAtItsPath() throws Exception {
    Path doc = smtpsDocument("\n  \"TrustAnchors\": [\"" + dir.resolve("missing.pem") + "\"],");
    CliRun r = CliRun.withConfig(doc, "validate");
    assertEquals(2, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("$.TrustAnchors[0]"), r.out());
  }

  @Test
  void emailProvidersOnly_validateAndTestEmailUseThem() throws Exception {
    // the review: validate said "email disabled" and test-email refused this document, while
    // publish delivered through it
    try (Receivers receivers = Receivers.start()) {
      Path doc =
          Receivers.write(
              dir,
              "providers.json",
              """
          {
            "EmailProviders": [{"Type": "Smtp", "Name": "relay", "ServerAddress": "127.0.0.1",
              "PortNumber": %d, "RequireTlsFlag": false, "SenderEmail": "pamkit@example.com"}]
          }
          """
                  .formatted(receivers.smtpPort()));
      CliRun v = CliRun.withConfig(doc, "validate");
      assertEquals(0, v.exitCode(), v.out() + v.err());
      assertTrue(v.out().contains("email via EmailProviders relay (Smtp)"), v.out());

      CliRun t = CliRun.testEmail(doc, "--timeout", "10");
      assertEquals(0, t.exitCode(), t.out() + t.err());
      assertTrue(t.out().contains("provider relay (Smtp): SENT"), t.out());
      assertEquals(1, receivers.awaitEmails(1).size());
    }
  }
}
