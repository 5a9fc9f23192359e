// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static java.util.Objects.requireNonNull;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signs a {@link MimeMessage} with DKIM (RFC 6376): relaxed/relaxed canonicalization, {@code
 * rsa-sha256} for an RSA key or {@code ed25519-sha256} (RFC 8463) for an Ed25519 key. The {@code
 * DKIM-Signature} header is added to the message; its {@code Message-ID} is kept (approve-by-reply
 * correlates replies with it).
 *
 * <pre>{@code
 * DkimSigner signer = DkimSigner.builder("example.com", "pam2026", privateKey).build();
 * signer.sign(message); // after the message is complete, before it is sent
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p>The message must not be changed after signing, and must be sent without another {@code
 * saveChanges()} (the SMTP transport sends with {@code sendMessage}). Publish the public key as a
 * TXT record at {@code <selector>._domainkey.<domain>} ({@code v=DKIM1; k=rsa; p=...} or {@code
 * k=ed25519}). Immutable and thread-safe.
 */
public final class DkimSigner {
  /** The headers signed by default, when present. */
  public static final List<String> DEFAULT_HEADERS =
      List.of(
          "From",
          "Sender",
          "Reply-To",
          "Subject",
          "Date",
          "Message-ID",
          "To",
          "Cc",
          "MIME-Version",
          "Content-Type",
          "Content-Transfer-Encoding",
          "In-Reply-To",
          "References",
          "Auto-Submitted");

  private final String domain;
  private final String selector;
  private final PrivateKey key;
  private final List<String> headers;
  private final Clock clock;
  private final boolean ed25519;

  private DkimSigner(Builder b) {
    this.domain = b.domain;
    this.selector = b.selector;
    this.key = b.key;
    this.headers = List.copyOf(b.headers);
    this.clock = b.clock;
    this.ed25519 = isEd25519(key);
  }

  /**
   * Starts a builder.
   *
   * @param domain the signing domain ({@code d=}), normally the From address's domain
   * @param selector the selector ({@code s=}) under which the public key is published
   * @param key an RSA (at least 1024 bits; 2048 recommended) or Ed25519 private key
   * @return a new builder
   */
  public static Builder builder(String domain, String selector, PrivateKey key) {
    return new Builder(domain, selector, key);
  }

  /**
   * Returns the algorithm tag value, {@code rsa-sha256} or {@code ed25519-sha256}.
   *
   * @return the algorithm
   */
  public String algorithm() {
    return ed25519 ? "ed25519-sha256" : "rsa-sha256";
  }

  /**
   * Signs the message: saves its changes (keeping its {@code Message-ID}), then adds the {@code
   * DKIM-Signature} header.
   *
   * @param message the complete message
   * @throws MessagingException if the message cannot be written or signed
   */
  // jakarta.mail is required, not transitively: a caller holding a MimeMessage reads it already
  @SuppressWarnings("exports")
  public void sign(MimeMessage message) throws MessagingException {
    requireNonNull(message, "message");
    String[] id = message.getHeader("Message-ID");
    message.saveChanges();
    if (id != null && id.length > 0) {
      message.setHeader("Message-ID", id[0]);
    }
    message.removeHeader("DKIM-Signature");
    byte[] raw;
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      raw = out.toByteArray();
    } catch (IOException e) {
      throw new MessagingException("cannot write the message for DKIM signing", e);
    }
    // as sent: SMTP transports write every line ending as CRLF (a text body may hold bare LFs)
    String text = new String(raw, StandardCharsets.ISO_8859_1).replaceAll("\r\n|\r|\n", "\r\n");
    int split = text.indexOf("\r\n\r\n");
    String head = split < 0 ? text : text.substring(0, split + 2);
    String body = split < 0 ? "" : text.substring(split + 4);
    List<String> fields = fields(head);

    List<String> signed = new ArrayList<>();
    StringBuilder data = new StringBuilder();
    Map<String, Integer> used = new HashMap<>();
    for (String name : headers) {
      String lower = name.toLowerCase(Locale.ROOT);
      List<String> same = new ArrayList<>();
      for (String f : fields) {
        if (fieldName(f).equals(lower)) {
          same.add(f);
        }
      }
      int n = used.getOrDefault(lower, 0);
      if (n < same.size()) {
        data.append(relaxedHeader(same.get(same.size() - 1 - n))).append("\r\n");
        used.put(lower, n + 1);
        signed.add(name);
      }
    }
    String bh =
        Base64.getEncoder()
            .encodeToString(sha256(relaxedBody(body).getBytes(StandardCharsets.ISO_8859_1)));
    String unsigned =
        "DKIM-Signature: v=1; a="
            + algorithm()
            + "; c=relaxed/relaxed; d="
            + domain
            + "; s="
            + selector
            + ";\r\n\tt="
            + clock.instant().getEpochSecond()
            + "; h="
            + String.join(":", signed)
            + ";\r\n\tbh="
            + bh
            + ";\r\n\tb=";
    data.append(relaxedHeader(unsigned));
    byte[] toSign = data.toString().getBytes(StandardCharsets.ISO_8859_1);
    String b = Base64.getEncoder().encodeToString(signature(toSign));
    String value = unsigned.substring("DKIM-Signature: ".length()) + fold(b);
    message.setHeader("DKIM-Signature", value);
  }

  private byte[] signature(byte[] data) throws MessagingException {
    try {
      if (ed25519) {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(sha256(data));
        return s.sign();
      }
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new MessagingException("cannot compute the DKIM signature: " + e.getMessage(), e);
    }
  }

  private static String fold(String b64) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b64.length(); i += 72) {
      if (i > 0) {
        sb.append("\r\n\t ");
      }
      sb.append(b64, i, Math.min(b64.length(), i + 72));
    }
    return sb.toString();
  }

  /** Splits a header block (lines ending in CRLF) into fields, each with its folding. */
  static List<String> fields(String head) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = null;
    for (String line : head.split("\r\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && cur != null) {
        cur.append("\r\n").append(line);
      } else {
        if (cur != null) {
          fields.add(cur.toString());
        }
        cur = new StringBuilder(line);
      }
    }
    if (cur != null) {
      fields.add(cur.toString());
    }
    return fields;
  }

  private static String fieldName(String field) {
    int colon = field.indexOf(':');
    return (colon < 0 ? field : field.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
  }

  /** RFC 6376 3.4.2, without the trailing CRLF. */
  static String relaxedHeader(String field) {
    int colon = field.indexOf(':');
    String name = field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
    return name + ":" + value;
  }

  /** RFC 6376 3.4.4. */
  static String relaxedBody(String body) {
    String[] lines = body.split("\r\n", -1);
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.replaceAll("[ \t]+", " ").replaceAll(" +$", ""));
    }
    int end = out.size();
    while (end > 0 && out.get(end - 1).isEmpty()) {
      end--;
    }
    if (end == 0) {
      return "";
    }
    return String.join("\r\n", out.subList(0, end)) + "\r\n";
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static boolean isEd25519(PrivateKey key) {
    String a = key.getAlgorithm();
    return a.equals("Ed25519") || a.equals("EdDSA");
  }

  /** Returns the domain, selector and algorithm; never the key. */
  @Override
  public String toString() {
    return "DkimSigner{d=" + domain + ", s=" + selector + ", a=" + algorithm() + "}";
  }

  /** Builds {@link DkimSigner}s. Not thread-safe; the last call wins. */
  public static final class Builder {
    private final String domain;
    private final String selector;
    private final PrivateKey key;
    private List<String> headers = DEFAULT_HEADERS;
    private Clock clock = Clock.systemUTC();

    private Builder(String domain, String selector, PrivateKey key) {
      this.domain = requireNonNull(domain, "domain");
      this.selector = requireNonNull(selector, "selector");
      this.key = requireNonNull(key, "key");
    }

    /**
     * Sets the headers to sign, when present. Default: {@link #DEFAULT_HEADERS}. {@code From} is
     * always signed.
     *
     * @param names header names
     * @return this builder
     */
    public Builder signedHeaders(List<String> names) {
      List<String> copy = new ArrayList<>(requireNonNull(names, "names"));
      for (String n : copy) {
        if (n.isBlank() || !n.matches("[!-9;-~]+")) {
          throw new IllegalArgumentException("'" + n + "' is not a header name");
        }
      }
      if (copy.stream().noneMatch(n -> n.equalsIgnoreCase("From"))) {
        copy.add(0, "From");
      }
      this.headers = copy;
      return this;
    }

    /**
     * Sets the clock of the {@code t=} tag. Default: the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the signer.
     *
     * @return the signer
     * @throws IllegalArgumentException if the domain or selector is malformed or the key is neither
     *     RSA nor Ed25519
     */
    public DkimSigner build() {
      if (!domain.matches("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
        throw new IllegalArgumentException("'" + domain + "' is not a domain name");
      }
      if (!selector.matches(
          "(?i)[a-z0-9]([a-z0-9_-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9_-]*" + "[a-z0-9])?)*")) {
        throw new IllegalArgumentException("'" + selector + "' is not a DKIM selector");
      }
      if (!key.getAlgorithm().equals("RSA") && !isEd25519(key)) {
        throw new IllegalArgumentException(
            "DKIM signs with RSA or Ed25519 keys, not " + key.getAlgorithm());
      }
      return new DkimSigner(this);
    }
  }
}
