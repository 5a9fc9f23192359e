// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An approver's email reply to an approval notification, parsed from its RFC 5322 text: who sent
 * it, what it answers ({@code In-Reply-To}, {@code References}) and what it decides.
 *
 * <p>The decision is read from the new text only: the body (text/plain, else text/html with the
 * markup removed) is cut at the first line that starts quoted or forwarded text (a line starting
 * with {@code >}, Gmail's "On ... wrote:", Outlook's "-----Original Message-----" or underscore
 * rule followed by "From:", a "From:/Von:/De :" header block, "Le ... a écrit :", "Am ... schrieb
 * ...:") or a signature ("-- ", "Sent from my ..."). Its first non-empty line decides: it must
 * contain whole words of one kind only ({@code approve}, {@code approved} vs. {@code reject},
 * {@code rejected}, {@code deny}, {@code denied}, {@code decline}, {@code declined}), any case,
 * with no negation ({@code not}, {@code no}, {@code don't}, {@code never}...) before the first of
 * them and no {@code ?} right after one. An ambiguous reply is refused, not guessed: an approving
 * line with a negation anywhere ("Approve? No.", "Approved, but not for production"), or a new text
 * that holds words of both kinds on any line, decides nothing. ("Not approved" decides nothing;
 * "Rejected, not in a change window" rejects: a negation can only turn a rejection into nothing,
 * never into an approval.) When the new text holds no vote word at all, the subject decides if it
 * starts with Outlook's voting prefix ({@code Approve:}, {@code Reject:}) after any {@code Re:}.
 * Anything else is {@link ApprovalDecision#UNKNOWN}.
 *
 * <p>Hostile input: a message over {@value #MAX_MESSAGE_BYTES} bytes is refused before it is
 * parsed, only the first {@value #MAX_TEXT_CHARS} characters of the body text and the first 998 of
 * the subject are read, and every step (HTML to text, quote detection, word scanning) runs in time
 * linear in its input, without backtracking regular expressions over the text.
 *
 * <p>Auto-replies ({@code Auto-Submitted} other than {@code no}, {@code Precedence:
 * bulk/junk/list/auto_reply}, {@code X-Autoreply}, "Automatic reply:" subjects) are marked and
 * never decide.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApprovalReply {
  /** The largest message {@link #parse(InputStream)} reads: 4 MiB. */
  public static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  /** The number of characters of body text that are examined. */
  static final int MAX_TEXT_CHARS = 64 * 1024;

  private static final int MAX_SUBJECT_CHARS = 998;
  private static final Session SESSION = Session.getInstance(new Properties());
  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
  private static final Set<String> APPROVE = Set.of("approve", "approved");
  private static final Set<String> REJECT =
      Set.of("reject", "rejected", "deny", "denied", "decline", "declined");
  private static final Set<String> NEGATION =
      Set.of(
          "not",
          "no",
          "don't",
          "dont",
          "do'nt",
          "never",
          "cannot",
          "can't",
          "cant",
          "won't",
          "wont",
          "isn't",
          "shouldn't",
          "un");
  private static final Pattern SUBJECT_PREFIX =
      Pattern.compile(
          "^\\s*(?:(?:re|aw|sv|antw|r|fw|fwd|wg|tr)\\s*(?:\\[\\d+\\])?\\s*:\\s*)+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern VOTE =
      Pattern.compile(
          "^\\s*(approve|approved|reject|rejected)" + "\\s*:", Pattern.CASE_INSENSITIVE);
  private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");
  // Every alternative is anchored and has at most one unbounded part followed by a literal, so
  // matching a line is linear; the attributions with two free parts ("On X wrote:") are checked
  // by hand in isAttribution.
  private static final Pattern QUOTE_START =
      Pattern.compile(
          "^(?:>.*"
              + "|-{2,}\\s*(?:original message|ursprüngliche nachricht|message d'origine"
              + "|forwarded message)\\s*-{2,}.*"
              + "|_{10,}\\s*"
              + "|(?:from|von|de|van|da)\\s?:\\s.*"
              + "|-- ?"
              + "|sent from my .*|get outlook for .*|envoyé de mon .*|von meinem .* gesendet.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final @Nullable String from;
  private final String subject;
  private final @Nullable String messageId;
  private final @Nullable String inReplyTo;
  private final List<String> references;
  private final boolean autoReply;
  private final String newText;
  private final ApprovalDecision decision;
  private final Headers headers;

  /** The identity and authentication headers the approval workflow checks. */
  private record Headers(
      int fromCount,
      @Nullable String sender,
      @Nullable String returnPath,
      List<String> authenticationResults,
      String bodyText) {}

  private ApprovalReply(
      @Nullable String from,
      String subject,
      @Nullable String messageId,
      @Nullable String inReplyTo,
      List<String> references,
      boolean autoReply,
      String newText,
      Headers headers) {
    this.headers = headers;
    this.from = from;
    this.subject = subject;
    this.messageId = messageId;
    this.inReplyTo = inReplyTo;
    this.references = List.copyOf(references);
    this.autoReply = autoReply;
    this.newText = newText;
    this.decision = autoReply ? ApprovalDecision.UNKNOWN : decide(newText, subject);
  }

  /**
   * Parses a reply from its RFC 5322 (MIME) text.
   *
   * @param rfc5322 the whole message, headers and body
   * @return the parsed reply
   * @throws ValidationException if the text is not a readable email or is larger than {@link
   *     #MAX_MESSAGE_BYTES} (path {@code $}: the whole message)
   */
  public static ApprovalReply parse(String rfc5322) {
    requireNonNull(rfc5322, "rfc5322");
    if (rfc5322.length() > MAX_MESSAGE_BYTES) {
      throw tooLarge();
    }
    return parse(new ByteArrayInputStream(rfc5322.getBytes(StandardCharsets.UTF_8)));
  }

  private static ValidationException tooLarge() {
    return unreadable("larger than " + MAX_MESSAGE_BYTES + " bytes", null);
  }

  /** An inbound reply is wire input: a refused one is a ValidationException at the root path. */
  private static ValidationException unreadable(String why, @Nullable Throwable cause) {
    ValidationException e = new ValidationException("$", "not a readable email: " + why);
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /**
   * Parses a reply from its raw bytes (e.g. as fetched by IMAP; a jakarta.mail message can be
   * handed over with {@code message.writeTo(out)}).
   *
   * @param in the message; read to the end or to {@link #MAX_MESSAGE_BYTES} plus one, not closed
   * @return the parsed reply
   * @throws ValidationException if the stream is not a readable email, or is larger than {@link
   *     #MAX_MESSAGE_BYTES} (path {@code $}: the whole message)
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static ApprovalReply parse(InputStream in) {
    requireNonNull(in, "in");
    byte[] raw;
    try {
      raw = in.readNBytes(MAX_MESSAGE_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the email: " + e.getMessage(), e);
    }
    if (raw.length > MAX_MESSAGE_BYTES) {
      throw tooLarge();
    }
    try {
      MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
      return from(m);
    } catch (MessagingException | IOException | RuntimeException e) {
      // jakarta.mail throws unchecked exceptions on some malformed input (a message that starts
      // with a continuation line fails inside InternetHeaders), found by ApprovalReplyFuzzTest.
      throw unreadable(String.valueOf(e.getMessage()), e);
    }
  }

  private static ApprovalReply from(MimeMessage m) throws MessagingException, IOException {
    requireNonNull(m, "m");
    String sender = null;
    Address[] f = m.getFrom();
    if (f != null && f.length > 0 && f[0] instanceof InternetAddress address) {
      sender = address.getAddress();
      if (sender != null) {
        sender = sender.toLowerCase(Locale.ROOT);
      }
    }
    String senderHeader = null;
    String sh = m.getHeader("Sender", ",");
    if (sh != null) {
      try {
        senderHeader = new InternetAddress(sh, false).getAddress();
      } catch (jakarta.mail.internet.AddressException e) {
        senderHeader = sh.strip();
      }
      senderHeader = senderHeader == null ? "" : senderHeader.toLowerCase(Locale.ROOT);
    }
    String returnPath = null;
    String[] rp = m.getHeader("Return-Path");
    if (rp != null && rp.length > 0) {
      returnPath = rp[0].strip().replace("<", "").replace(">", "").toLowerCase(Locale.ROOT);
    }
    String[] ar = m.getHeader("Authentication-Results");
    List<String> authResults = ar == null ? List.of() : List.of(ar);
    String subject = m.getSubject() == null ? "" : m.getSubject();
    List<String> inReplyTo = ids(m.getHeader("In-Reply-To", " "));
    List<String> refs = ids(m.getHeader("References", " "));
    List<String> own = ids(m.getHeader("Message-ID", " "));
    String body = text(m);
    if (body.length() > MAX_TEXT_CHARS) {
      body = body.substring(0, MAX_TEXT_CHARS);
    }
    return new ApprovalReply(
        sender,
        subject,
        own.isEmpty() ? null : own.get(0),
        inReplyTo.isEmpty() ? null : inReplyTo.get(0),
        refs,
        isAutoReply(m, subject),
        stripQuoted(body),
        new Headers(f == null ? 0 : f.length, senderHeader, returnPath, authResults, body));
  }

  private static List<String> ids(@Nullable String header) {
    if (header == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Matcher mm = MSG_ID.matcher(header);
    while (mm.find()) {
      out.add(mm.group());
    }
    return out;
  }

  private static boolean isAutoReply(MimeMessage m, String subject) throws MessagingException {
    String auto = m.getHeader("Auto-Submitted", ",");
    if (auto != null && !auto.strip().equalsIgnoreCase("no")) {
      return true;
    }
    String precedence = m.getHeader("Precedence", ",");
    if (precedence != null
        && Set.of("bulk", "junk", "list", "auto_reply")
            .contains(precedence.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (m.getHeader("X-Autoreply") != null || m.getHeader("X-Autorespond") != null) {
      return true;
    }
    String s = subject.toLowerCase(Locale.ROOT);
    return s.startsWith("automatic reply:")
        || s.startsWith("out of office")
        || s.startsWith("autoreply:")
        || s.startsWith("abwesenheitsnotiz");
  }

  /** Returns the body text: the first text/plain part, else the first text/html without tags. */
  private static String text(Part p) throws MessagingException, IOException {
    String plain = find(p, "text/plain", 0);
    if (plain != null) {
      return plain;
    }
    String html = find(p, "text/html", 0);
    return html == null
        ? ""
        : htmlToText(
            html.length() > 4 * MAX_TEXT_CHARS ? html.substring(0, 4 * MAX_TEXT_CHARS) : html);
  }

  private static @Nullable String find(Part p, String type, int depth)
      throws MessagingException, IOException {
    if (depth > 10) {
      return null;
    }
    if (p.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
      return decode(p);
    }
    if (p.isMimeType("multipart/*")) {
      byte[] raw;
      try (InputStream in = p.getInputStream()) {
        raw = in.readAllBytes();
      }
      MimeMultipart mp = new MimeMultipart(new ByteArrayDataSource(raw, p.getContentType()));
      for (int i = 0; i < mp.getCount(); i++) {
        String t = find(mp.getBodyPart(i), type, depth + 1);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  private static String decode(Part p) throws MessagingException, IOException {
    Charset cs = StandardCharsets.UTF_8;
    try {
      String name = new ContentType(p.getContentType()).getParameter("charset");
      if (name != null) {
        cs = Charset.forName(name.strip());
      }
    } catch (ParseException | IllegalArgumentException e) {
      cs = StandardCharsets.UTF_8;
    }
    try (InputStream in = p.getInputStream()) {
      return new String(in.readAllBytes(), cs);
    }
  }

  /**
   * Turns HTML into text in one pass: {@code script}, {@code style} and {@code head} elements
   * dropped (an unclosed one drops the rest), {@code blockquote} and the quote containers of Gmail,
   * Outlook, Thunderbird and Yahoo start a {@code >} line, {@code hr} becomes an underscore rule,
   * {@code br} and the ends of blocks become line breaks, other tags disappear, and common entities
   * are decoded. Linear in the input.
   *
   * @param html the HTML
   * @return the text
   */
  static String htmlToText(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(Math.min(html.length(), 1 << 16));
    int n = html.length();
    int nextGt = -1;
    int i = 0;
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0) {
        out.append(html, i, n);
        break;
      }
      out.append(html, i, lt);
      if (nextGt <= lt) {
        nextGt = html.indexOf('>', lt + 1);
      }
      if (nextGt < 0) {
        // No tag can close any more: what is left is not markup we understand.
        break;
      }
      int gt = nextGt;
      boolean closing = lt + 1 < n && html.charAt(lt + 1) == '/';
      int nameStart = closing ? lt + 2 : lt + 1;
      int nameEnd = nameStart;
      while (nameEnd < gt && Character.isLetterOrDigit(lower.charAt(nameEnd))) {
        nameEnd++;
      }
      String name = lower.substring(nameStart, nameEnd);
      i = gt + 1;
      if (!closing && (name.equals("script") || name.equals("style") || name.equals("head"))) {
        int close = lower.indexOf("</" + name, i);
        if (close < 0) {
          break;
        }
        int closeGt = html.indexOf('>', close);
        if (closeGt < 0) {
          break;
        }
        i = closeGt + 1;
        continue;
      }
      if (closing) {
        if (name.equals("p")
            || name.equals("div")
            || name.equals("tr")
            || name.equals("li")
            || (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1)))) {
          out.append('\n');
        }
      } else if (name.equals("blockquote")) {
        out.append("\n> ");
      } else if (name.equals("div") && isQuoteContainer(lower, lt, gt)) {
        out.append("\n> ");
      } else if (name.equals("hr")) {
        out.append("\n______________________________\n");
      } else if (name.equals("br")) {
        out.append('\n');
      }
    }
    return out.toString()
        .replace("&nbsp;", " ")
        .replace("&#160;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }

  private static final String[] QUOTE_CONTAINERS = {
    "gmail_quote", "divrplyfwdmsg", "moz-cite-prefix", "yahoo_quoted"
  };

  private static boolean isQuoteContainer(String lower, int from, int to) {
    for (String c : QUOTE_CONTAINERS) {
      int at = lower.indexOf(c, from);
      if (at >= 0 && at + c.length() <= to) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the new text of a reply: the lines before the first quoted, forwarded or signature line
   * (see the class comment).
   *
   * @param body the body text
   * @return the new text, trimmed
   */
  public static String stripQuoted(String body) {
    String[] lines =
        requireNonNull(body, "body").replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replace('\u00a0', ' ');
      String t = line.strip();
      if (QUOTE_START.matcher(line.equals("-- ") ? line : t).matches() || isAttribution(t)) {
        break;
      }
      // Gmail wraps "On <date>, <name> <addr> wrote:" over two lines.
      if (i + 1 < lines.length
          && t.regionMatches(true, 0, "On ", 0, 3)
          && lines[i + 1].strip().toLowerCase(Locale.ROOT).endsWith("wrote:")) {
        break;
      }
      out.append(line).append('\n');
    }
    return out.toString().strip();
  }

  /**
   * Returns whether a stripped line is a reply attribution: "On ... wrote:", "Le ... a écrit :" or
   * "Am ... schrieb ...:", any case. Checked by hand because as regular expressions these have two
   * free parts and backtrack quadratically on long lines.
   */
  static boolean isAttribution(String t) {
    String l = t.toLowerCase(Locale.ROOT);
    if (l.length() < 4 || !Character.isWhitespace(l.charAt(2))) {
      return false;
    }
    if (l.startsWith("on")) {
      // on\s.+\swrote:
      return l.endsWith("wrote:")
          && l.length() >= 3 + 1 + 1 + 6
          && Character.isWhitespace(l.charAt(l.length() - 7));
    }
    if (l.startsWith("le")) {
      // le\s.+\sa\s+écrit\s*:
      if (!l.endsWith(":")) {
        return false;
      }
      String r = l.substring(0, l.length() - 1).stripTrailing();
      if (!r.endsWith("écrit")) {
        return false;
      }
      r = r.substring(0, r.length() - 5);
      String s = r.stripTrailing();
      if (s.length() == r.length() || !s.endsWith("a")) {
        return false;
      }
      return s.length() >= 3 + 1 + 2 && Character.isWhitespace(s.charAt(s.length() - 2));
    }
    if (l.startsWith("am")) {
      // am\s.+\sschrieb.*:
      if (!l.endsWith(":")) {
        return false;
      }
      for (int at = l.indexOf("schrieb", 4); at >= 0; at = l.indexOf("schrieb", at + 1)) {
        if (at >= 5 && Character.isWhitespace(l.charAt(at - 1))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Decides from the new text, then from an Outlook voting subject.
   *
   * @param newText the reply's new text
   * @param subject the subject
   * @return the decision
   */
  static ApprovalDecision decide(String newText, String subject) {
    ApprovalDecision fromBody = ApprovalDecision.UNKNOWN;
    for (String line : newText.split("\n")) {
      if (!line.isBlank()) {
        fromBody = decideLine(line);
        break;
      }
    }
    Votes all = votes(newText);
    if (all.approve() && all.reject()) {
      return ApprovalDecision.UNKNOWN;
    }
    if (fromBody == ApprovalDecision.UNKNOWN && (all.approve() || all.reject())) {
      // A vote word somewhere, but the first line does not decide: ambiguous, not a subject vote.
      return ApprovalDecision.UNKNOWN;
    }
    ApprovalDecision fromSubject = ApprovalDecision.UNKNOWN;
    String s =
        subject.length() > MAX_SUBJECT_CHARS ? subject.substring(0, MAX_SUBJECT_CHARS) : subject;
    Matcher v = VOTE.matcher(SUBJECT_PREFIX.matcher(s).replaceFirst(""));
    if (v.find()) {
      fromSubject =
          v.group(1).toLowerCase(Locale.ROOT).startsWith("approve")
              ? ApprovalDecision.APPROVED
              : ApprovalDecision.REJECTED;
    }
    if (fromBody == ApprovalDecision.UNKNOWN) {
      return fromSubject;
    }
    if (fromSubject != ApprovalDecision.UNKNOWN && fromSubject != fromBody) {
      return ApprovalDecision.UNKNOWN;
    }
    return fromBody;
  }

  private static ApprovalDecision decideLine(String line) {
    boolean approve = false;
    boolean reject = false;
    boolean negated = false;
    String l = line.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    Matcher m = WORD.matcher(l);
    while (m.find()) {
      String w = m.group();
      if (NEGATION.contains(w)) {
        if (!approve && !reject) {
          return ApprovalDecision.UNKNOWN;
        }
        negated = true;
      }
      boolean vote = APPROVE.contains(w) || REJECT.contains(w);
      approve |= APPROVE.contains(w);
      reject |= REJECT.contains(w);
      if (vote && nextNonSpace(l, m.end()) == '?') {
        return ApprovalDecision.UNKNOWN;
      }
    }
    if (approve == reject || (approve && negated)) {
      return ApprovalDecision.UNKNOWN;
    }
    return approve ? ApprovalDecision.APPROVED : ApprovalDecision.REJECTED;
  }

  private static char nextNonSpace(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return s.charAt(i);
      }
    }
    return 0;
  }

  /** Which kinds of vote word a text holds anywhere. */
  private record Votes(boolean approve, boolean reject) {}

  private static Votes votes(String text) {
    boolean approve = false;
    boolean reject = false;
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find() && !(approve && reject)) {
      String w = m.group();
      approve |= APPROVE.contains(w);
      reject |= REJECT.contains(w);
    }
    return new Votes(approve, reject);
  }

  /**
   * Returns the sender's address, lower-cased.
   *
   * @return the {@code From} address, or empty when the message has none
   */
  public Optional<String> from() {
    return Optional.ofNullable(from);
  }

  /**
   * Returns the decoded subject.
   *
   * @return the subject; empty when none
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns the reply's own {@code Message-ID}.
   *
   * @return the id with angle brackets, or empty
   */
  public Optional<String> messageId() {
    return Optional.ofNullable(messageId);
  }

  /**
   * Returns the id in {@code In-Reply-To}: the message this one answers.
   *
   * @return the id with angle brackets, or empty
   */
  public Optional<String> inReplyTo() {
    return Optional.ofNullable(inReplyTo);
  }

  /**
   * Returns the ids in {@code References}, oldest first.
   *
   * @return an immutable list
   */
  public List<String> references() {
    return Collections.unmodifiableList(references);
  }

  /**
   * Returns whether the message is an automatic reply (out of office, bulk), which never decides.
   *
   * @return true for an auto-reply
   */
  public boolean autoReply() {
    return autoReply;
  }

  /**
   * Returns the reply's new text, with quoted text and signature removed.
   *
   * @return the text
   */
  public String newText() {
    return newText;
  }

  /**
   * Returns the decision.
   *
   * @return approved, rejected or unknown
   */
  public ApprovalDecision decision() {
    return decision;
  }

  /**
   * Returns how many addresses the {@code From} header names; a reply that counts must name one.
   *
   * @return the number of {@code From} addresses, 0 when the header is missing
   */
  public int fromCount() {
    return headers.fromCount();
  }

  /**
   * Returns the {@code Sender} header's address, lower-cased: who sent the message on behalf of the
   * {@code From} address.
   *
   * @return the address (the raw text when it is not an address), or empty when there is none
   */
  public Optional<String> sender() {
    return Optional.ofNullable(headers.sender());
  }

  /**
   * Returns the topmost {@code Return-Path} (the envelope sender the receiving server recorded),
   * without angle brackets, lower-cased.
   *
   * @return the address, the empty string for the null sender {@code <>}, or empty when absent
   */
  public Optional<String> returnPath() {
    return Optional.ofNullable(headers.returnPath());
  }

  /**
   * Returns the {@code Authentication-Results} headers (RFC 8601), topmost (newest) first.
   *
   * @return the raw header values; empty when there are none
   */
  public List<String> authenticationResults() {
    return headers.authenticationResults();
  }

  /**
   * Returns the body text before quoted text was cut (at most the first 64 Ki characters), where an
   * approval workflow looks for the reference line of the email that was answered.
   *
   * @return the decoded body text
   */
  public String bodyText() {
    return headers.bodyText();
  }

  /** Returns the sender, subject, references and decision. */
  @Override
  public String toString() {
    return "ApprovalReply{from="
        + from
        + ", inReplyTo="
        + inReplyTo
        + ", decision="
        + decision
        + (autoReply ? ", autoReply" : "")
        + "}";
  }
}
