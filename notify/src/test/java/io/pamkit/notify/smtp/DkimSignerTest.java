// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.Test;

/** DKIM signatures checked by an independent verifier, Apache James jDKIM. */
final class DkimSignerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private static final String MESSAGE_ID = "<pamkit.abc123@pam.example.com>";

  private static MimeMessage message() throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom(new InternetAddress("pam@example.com"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress("admin@example.org"));
    m.setSubject("PasswordChangeFailed   on dc01 \u2013 action needed", "UTF-8");
    m.setText("Hello,  \r\n\r\nthe password change\tfailed.   \r\n\r\n\r\n", "UTF-8");
    m.setHeader("Auto-Submitted", "auto-generated");
    m.saveChanges();
    m.setHeader("Message-ID", MESSAGE_ID);
    return m;
  }

  private static byte[] bytes(MimeMessage m) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }

  private static DKIMVerifier verifier(String record) {
    return new DKIMVerifier(
        (method, selector, domain) -> {
          assertEquals("dns/txt", method.toString());
          assertEquals("pam2026._domainkey.example.com", selector + "._domainkey." + domain);
          return List.of(record);
        });
  }

  @Test
  void sign_rsa_verifiedByJdkimAndMessageIdKept() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    MimeMessage m = message();
    DkimSigner signer =
        DkimSigner.builder("example.com", "pam2026", kp.getPrivate()).clock(CLOCK).build();

    signer.sign(m);
    byte[] signed = bytes(m);

    String record =
        "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(kp.getPublic().getEncoded());
    List<SignatureRecord> ok = verifier(record).verify(new ByteArrayInputStream(signed));
    assertEquals(1, ok.size());
    assertEquals("example.com", ok.get(0).getDToken().toString());
    assertEquals(MESSAGE_ID, m.getMessageID());
    String header = m.getHeader("DKIM-Signature")[0];
    assertTrue(header.contains("a=rsa-sha256; c=relaxed/relaxed;"), header);
    assertTrue(header.contains("t=" + CLOCK.instant().getEpochSecond()), header);
    assertTrue(
        header.contains(
            "h=From:Subject:Date:Message-ID:To:MIME-Version:Content-Type:"
                + "Content-Transfer-Encoding:Auto-Submitted;"),
        header);
  }

  @Test
  void sign_rsaThenTampered_refusedByJdkim() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    MimeMessage m = message();
    DkimSigner.builder("example.com", "pam2026", kp.getPrivate()).build().sign(m);
    String text = new String(bytes(m), StandardCharsets.ISO_8859_1);
    String record =
        "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(kp.getPublic().getEncoded());

    byte[] subject =
        text.replace("Subject: ", "Subject: Re: ").getBytes(StandardCharsets.ISO_8859_1);
    assertThrows(
        FailException.class, () -> verifier(record).verify(new ByteArrayInputStream(subject)));
    String tamperedBody =
        text.substring(0, text.length() - 10) + "X" + text.substring(text.length() - 9);
    assertThrows(
        FailException.class,
        () ->
            verifier(record)
                .verify(
                    new ByteArrayInputStream(tamperedBody.getBytes(StandardCharsets.ISO_8859_1))));
  }

  /**
   * jDKIM 0.3 cannot check ed25519-sha256 (it casts every key to an RSA key), so this test checks
   * the RFC 8463 primitive with the JDK: Ed25519 over the SHA-256 of the canonical header data,
   * rebuilt from the message as sent. The canonicalization and header selection are the ones the
   * RSA tests prove against jDKIM.
   */
  @Test
  void sign_ed25519_rfc8463SignatureVerifies() throws Exception {
    KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    MimeMessage m = message();
    DkimSigner signer = DkimSigner.builder("example.com", "pam2026", kp.getPrivate()).build();

    signer.sign(m);

    assertEquals("ed25519-sha256", signer.algorithm());
    String text = new String(bytes(m), StandardCharsets.ISO_8859_1);
    List<String> fields = DkimSigner.fields(text.substring(0, text.indexOf("\r\n\r\n") + 2));
    String sig =
        fields.stream().filter(f -> f.startsWith("DKIM-Signature:")).findFirst().orElseThrow();
    String h = sig.replaceAll("(?s).*[; \t]h=([^;]*);.*", "$1");
    StringBuilder data = new StringBuilder();
    for (String name : h.split(":")) {
      String field =
          fields.stream()
              .filter(f -> f.regionMatches(true, 0, name + ":", 0, name.length() + 1))
              .reduce((x, y) -> y)
              .orElseThrow();
      data.append(DkimSigner.relaxedHeader(field)).append("\r\n");
    }
    String b =
        sig.replaceAll("(?s).*b=([A-Za-z0-9+/=\r\n\t ]+)$", "$1").replaceAll("[\r\n\t ]", "");
    data.append(DkimSigner.relaxedHeader(sig.replaceAll("(?s)b=[A-Za-z0-9+/=\r\n\t ]+$", "b=")));
    Signature ed = Signature.getInstance("Ed25519");
    ed.initVerify(kp.getPublic());
    ed.update(
        MessageDigest.getInstance("SHA-256")
            .digest(data.toString().getBytes(StandardCharsets.ISO_8859_1)));
    assertTrue(ed.verify(Base64.getDecoder().decode(b)));
    assertEquals(MESSAGE_ID, m.getMessageID());
  }

  @Test
  void builder_badInput_refused() throws Exception {
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    assertThrows(
        IllegalArgumentException.class,
        () -> DkimSigner.builder("example.com", "s1", ec.getPrivate()).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DkimSigner.builder("not a domain", "s1", rsa.getPrivate()).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DkimSigner.builder("example.com", "s;1", rsa.getPrivate()).build());
    DkimSigner s =
        DkimSigner.builder("example.com", "s1", rsa.getPrivate())
            .signedHeaders(List.of("Subject"))
            .build();
    assertFalse(s.toString().contains("PRIVATE"));
    assertEquals("rsa-sha256", s.algorithm());
  }

  @Test
  void relaxedBody_rfcRules() {
    assertEquals(" C\r\nD E\r\n", DkimSigner.relaxedBody(" C \r\nD \t E\r\n\r\n\r\n"));
    assertEquals("", DkimSigner.relaxedBody("\r\n\r\n"));
    assertEquals("a:b c", DkimSigner.relaxedHeader("A : b \r\n\t c "));
  }
}
