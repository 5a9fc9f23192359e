// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.Sections;
import io.pamkit.notify.email.EmailMessageIds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document's {@code Dkim} settings make the SMTP transport sign every email; the message as the
 * server received it is verified by an independent verifier (Apache James jDKIM).
 */
final class SmtpDkimTest {
  private TestSmtpServer smtp;
  @TempDir Path dir;

  @BeforeEach
  void start() {
    smtp = TestSmtpServer.start(b -> {});
  }

  @AfterEach
  void stop() {
    smtp.close();
  }

  private static String pem(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private String section(String dkim) {
    return """
        {'ServerAddress': '[127.0.0.1]', 'PortNumber': %d, 'RequireTlsFlag': false,
         'SenderEmail': 'pam@example.com', 'Dkim': %s}
        """
        .formatted(smtp.port(), dkim);
  }

  @Test
  void send_dkimKeyFromPemFile_signatureVerifiedByJdkimAndMessageIdKept() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    Path key = dir.resolve("dkim.key");
    Files.writeString(key, pem(kp.getPrivate()), StandardCharsets.US_ASCII);
    Notification n = notification("dkim-1", "admin@example.org");
    try (Transport t =
        new SmtpTransportProvider()
            .create(
                Sections.of(
                    "$.EmailClientConfig",
                    section(
                        "{'Domain': 'example.com', 'Selector': 'pam2026', 'PrivateKeyFile': '"
                            + key.toString().replace("\\", "\\\\")
                            + "'}")),
                TransportContext.defaults())) {
      t.send(n);
    }
    byte[] received = smtp.received().get(0).data().getBytes(StandardCharsets.UTF_8);
    String record =
        "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(kp.getPublic().getEncoded());
    List<SignatureRecord> ok =
        new DKIMVerifier(
                (method, selector, domain) -> {
                  assertEquals(
                      "pam2026._domainkey.example.com", selector + "._domainkey." + domain);
                  return List.of(record);
                })
            .verify(new ByteArrayInputStream(received));
    assertEquals(1, ok.size());
    String text = new String(received, StandardCharsets.UTF_8);
    assertTrue(
        text.contains(
            "Message-ID: " + EmailMessageIds.messageId(n.idempotencyKey(), "pam@example.com")),
        text);
  }

  @Test
  void send_ed25519KeyFromVaultedAccount_signedWithEd25519() throws Exception {
    KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    TransportContext ctx =
        TransportContext.builder()
            .credentialResolver(ref -> Secret.of(pem(kp.getPrivate())))
            .build();
    try (Transport t =
        new SmtpTransportProvider()
            .create(
                Sections.of(
                    "$.EmailClientConfig",
                    section(
                        "{'Domain': 'example.com', 'Selector': 'ed1', 'AccountReference': {"
                            + "'Kind': 'AssetAccount', 'Owner': 'dkim-keys', 'Name': 'example.com'}}")),
                ctx)) {
      t.send(notification("dkim-2", "admin@example.org"));
    }
    String text = smtp.received().get(0).data();
    assertTrue(text.contains("DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;"), text);
    assertTrue(text.contains("d=example.com; s=ed1;"), text);
  }

  @Test
  void settings_badDkim_problemsByJsonPath() {
    var section =
        Sections.of(
            "$.EmailClientConfig",
            section(
                "{'Domain': 'not a domain',"
                    + " 'Selector': 's1', 'PrivateKeyFile': '"
                    + dir.resolve("missing.key").toString().replace("\\", "\\\\")
                    + "'}"));
    assertNull(new SmtpTransportProvider().settings(section));
    assertEquals("$.EmailClientConfig.Dkim.PrivateKeyFile", section.problems().get(0).path());

    var noKey = Sections.of("$.EmailClientConfig", section("{'Domain': 'example.com'}"));
    assertNull(new SmtpTransportProvider().settings(noKey));
    List<String> paths = noKey.problems().stream().map(v -> v.path()).toList();
    assertTrue(
        paths.containsAll(
            List.of(
                "$.EmailClientConfig.Dkim.Selector", "$.EmailClientConfig.Dkim.PrivateKeyFile")),
        paths::toString);
  }
}
