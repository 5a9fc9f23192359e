// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static java.util.Objects.requireNonNull;

import io.pamkit.notify.email.ApprovalDecision;
import io.pamkit.notify.email.ApprovalReply;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approve by email reply, end to end: issue a keyed token for an access request and its approver,
 * send it in the approval email, poll the approval mailbox, check each reply and submit the
 * decision.
 *
 * <pre>{@code
 * EmailApprovals approvals = EmailApprovals.builder()
 *     .tokens(ApprovalTokens.fromCredentials(resolver, keyAccount))
 *     .mailbox(imapMailbox)
 *     .store(ApprovalStore.open(Path.of("/var/lib/pamkit/approvals.json")))
 *     .decisionSink((requestId, approver, decision, comment) -> submitToAppliance(...))
 *     .authenticationPolicy(AuthenticationPolicy.REQUIRE)
 *     .authservId("mx.example.com")
 *     .build();
 * ApprovalToken token = approvals.issue(requestId, "alice@example.com");
 * MimeMessage email =
 *     approvals.approvalEmail(smtpSession, token, "approvals@example.com", subject, body);
 * Transport.send(email);
 * // later, on a schedule:
 * List<ApprovalResult> results = approvals.poll();
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p>Each reply is checked in this order, and the first failed check is its result: readable and
 * within the size limit ({@code UNREADABLE}); not processed before, by its {@code Message-ID}
 * ({@code REPLAYED}); exactly one {@code From} address; carries a token, looked for in {@code
 * In-Reply-To}, then {@code References} (newest first), then the body including quoted text ({@code
 * NO_TOKEN}); the token verifies for that {@code From} ({@code WRONG_SENDER}, {@code FORGED},
 * {@code EXPIRED}); the sender is on the approver list when one is set, and {@code Sender} (if any)
 * equals {@code From} and {@code Return-Path} (if any) is in the {@code From} domain ({@code
 * WRONG_SENDER}); {@code Authentication-Results} under {@link AuthenticationPolicy} ({@code
 * NOT_AUTHENTICATED}); not an automatic reply; a clear decision, ambiguous replies being refused by
 * {@link ApprovalReply} ({@code AMBIGUOUS}); the request not decided already ({@code
 * ALREADY_DECIDED}: the same approver decided it, or any approver rejected it). Then the decision
 * goes to the {@link DecisionSink}, and the reply and the decided request are recorded durably in
 * the {@link ApprovalStore}. Every refused reply is recorded too, so it is marked processed and
 * never looked at again.
 *
 * <p>Thread-safe: {@link #poll} and {@link #process} run one at a time.
 */
public final class EmailApprovals {
  private static final Logger LOG = LoggerFactory.getLogger(EmailApprovals.class);
  private static final int MAX_COMMENT = 255;

  private final ApprovalTokens tokens;
  private final @Nullable Mailbox mailbox;
  private final ApprovalStore store;
  private final DecisionSink sink;
  private final Set<String> approvers;
  private final AuthenticationPolicy authenticationPolicy;
  private final @Nullable String authservId;
  private final Duration tokenLifetime;
  private final int batchSize;
  private final Clock clock;

  private EmailApprovals(Builder b) {
    this.tokens = requireNonNull(b.tokens, "tokens");
    this.mailbox = b.mailbox;
    this.store = requireNonNull(b.store, "store");
    this.sink = requireNonNull(b.sink, "decisionSink");
    this.approvers = Set.copyOf(b.approvers);
    this.authenticationPolicy = b.authenticationPolicy;
    this.authservId = b.authservId;
    this.tokenLifetime = b.tokenLifetime;
    this.batchSize = b.batchSize;
    this.clock = b.clock;
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Issues the token for one approver of one access request, valid for the token lifetime.
   *
   * @param requestId the appliance's access request id
   * @param approverEmail the approver's address
   * @return the token to carry in the approval email
   */
  public ApprovalToken issue(String requestId, String approverEmail) {
    return tokens.issue(requestId, approverEmail, clock.instant().plus(tokenLifetime));
  }

  /**
   * Builds the approval email for a token: {@code To} the approver, the token's {@code Message-ID}
   * in the sender's domain, and the body followed by the token's reference line. Send it with any
   * jakarta.mail transport (it keeps its {@code Message-ID} when saved).
   *
   * @param session the jakarta.mail session the message will be sent with (its SMTP settings)
   * @param token the token from {@link #issue}
   * @param fromAddress the sender, whose mailbox (or an alias) the {@link Mailbox} reads
   * @param subject the subject, without CR or LF
   * @param body the plain-text body; the reference line is appended
   * @return the message, ready to send
   * @throws IllegalArgumentException if an address is invalid or the subject holds CR or LF
   */
  public MimeMessage approvalEmail(
      Session session, ApprovalToken token, String fromAddress, String subject, String body) {
    requireNonNull(session, "session");
    requireNonNull(token, "token");
    requireNonNull(fromAddress, "fromAddress");
    requireNonNull(subject, "subject");
    requireNonNull(body, "body");
    if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("subject must not contain CR or LF");
    }
    int at = fromAddress.lastIndexOf('@');
    if (at <= 0) {
      throw new IllegalArgumentException("fromAddress needs a domain: " + fromAddress);
    }
    String id = token.messageId(fromAddress.substring(at + 1));
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
          }
        };
    try {
      m.setFrom(new InternetAddress(fromAddress, true));
      m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(token.approver(), true));
      m.setSubject(subject, "UTF-8");
      m.setText(
          body + (body.endsWith("\n") ? "" : "\n") + "\n" + token.referenceLine() + "\n", "UTF-8");
      m.saveChanges();
    } catch (MessagingException e) {
      throw new IllegalArgumentException("cannot build the approval email: " + e.getMessage(), e);
    }
    return m;
  }

  /**
   * Reads the mailbox once: up to the batch size of unprocessed messages, each {@link #process
   * processed}; every message but those whose submission failed temporarily is marked processed.
   *
   * @return what was done with each message, in mailbox order
   * @throws IllegalStateException if no mailbox was configured, or the store is full
   * @throws RuntimeException if the mailbox cannot be read
   */
  public synchronized List<ApprovalResult> poll() {
    Mailbox mb = mailbox;
    if (mb == null) {
      throw new IllegalStateException("no mailbox configured; call process() with each message");
    }
    List<ApprovalResult> results = new ArrayList<>();
    mb.poll(
        batchSize,
        in -> {
          ApprovalResult r = process(in);
          results.add(r);
          return r.status() != ApprovalResult.Status.SUBMIT_FAILED;
        });
    return results;
  }

  /**
   * Checks one inbound message and, if it holds a valid decision, submits it (see the class comment
   * for the checks).
   *
   * @param message the message
   * @return the result; {@code SUBMIT_FAILED} means the message should be offered again later
   * @throws IllegalStateException if the store is full
   */
  public synchronized ApprovalResult process(InboundMessage message) {
    requireNonNull(message, "message");
    ApprovalResult r = check(message);
    LOG.info(
        "approval reply {}: {} ({})",
        message.mailboxId(),
        r.status(),
        r.reason().replaceAll("[\\r\\n]", " "));
    return r;
  }

  private ApprovalResult check(InboundMessage message) {
    Instant now = clock.instant();
    String mid = message.mailboxId();
    InputStream content = message.content();
    if (content == null) {
      return result(
          ApprovalResult.Status.UNREADABLE,
          mid,
          null,
          null,
          "the message ("
              + message.size().orElse(-1)
              + " bytes) is larger than the mailbox's limit and was not read");
    }
    byte[] raw;
    ApprovalReply reply;
    try {
      raw = content.readAllBytes();
      reply = ApprovalReply.parse(new java.io.ByteArrayInputStream(raw));
    } catch (IOException | IllegalArgumentException e) {
      return result(
          ApprovalResult.Status.UNREADABLE, mid, null, null, String.valueOf(e.getMessage()));
    }
    String key = reply.messageId().orElseGet(() -> "sha256:" + sha256(raw));
    if (store.processed(key)) {
      return result(
          ApprovalResult.Status.REPLAYED,
          mid,
          null,
          reply.from().orElse(null),
          "the message " + key + " was processed before");
    }
    String from = reply.from().orElse(null);
    Settled settled = new Settled(key, now.plus(tokenLifetime), now, mid, from);
    if (from == null || reply.fromCount() != 1) {
      return settled.as(
          ApprovalResult.Status.WRONG_SENDER,
          "the reply must have exactly one From address, it has " + reply.fromCount());
    }
    Optional<String> tokenText = findToken(reply);
    if (tokenText.isEmpty()) {
      return settled.as(
          ApprovalResult.Status.NO_TOKEN,
          "the message carries no approval token in In-Reply-To, References or its text");
    }
    ApprovalToken token;
    try {
      token = tokens.verify(tokenText.get(), from, now);
    } catch (ApprovalTokenException e) {
      ApprovalResult.Status s =
          switch (e.reason()) {
            case WRONG_APPROVER -> ApprovalResult.Status.WRONG_SENDER;
            case EXPIRED -> ApprovalResult.Status.EXPIRED;
            case MALFORMED, FORGED -> ApprovalResult.Status.FORGED;
          };
      return settled.as(s, String.valueOf(e.getMessage()));
    } catch (IllegalArgumentException e) {
      return settled.as(ApprovalResult.Status.WRONG_SENDER, "the From address is not usable");
    }
    String rid = token.requestId();
    Instant keep = token.expiresAt();
    settled.request(rid, keep);
    String senderProblem = senderProblem(reply, from);
    if (senderProblem != null) {
      return settled.as(ApprovalResult.Status.WRONG_SENDER, senderProblem);
    }
    String auth = authentication(reply, from);
    boolean authenticated = auth.startsWith("authenticated");
    if (!authenticated && authenticationPolicy == AuthenticationPolicy.REQUIRE) {
      return settled.as(ApprovalResult.Status.NOT_AUTHENTICATED, auth);
    }
    if (reply.autoReply()) {
      return settled.as(ApprovalResult.Status.AUTO_REPLY, "automatic reply ignored; " + auth);
    }
    if (reply.decision() == ApprovalDecision.UNKNOWN) {
      return settled.as(
          ApprovalResult.Status.AMBIGUOUS,
          "the reply's first line says neither Approved nor Rejected clearly; nothing was decided");
    }
    Optional<ApprovalDecision> mine = store.decision(rid, from);
    Optional<ApprovalDecision> earlier = store.decision(rid);
    if (mine.isPresent() || earlier.orElse(null) == ApprovalDecision.REJECTED) {
      return settled.as(
          ApprovalResult.Status.ALREADY_DECIDED,
          "request "
              + rid
              + " was decided already ("
              + mine.orElse(ApprovalDecision.REJECTED)
              + (mine.isPresent() ? " by this approver" : "")
              + ") by an earlier reply");
    }
    ApprovalDecision d = reply.decision();
    String comment = comment(d, from, reply.newText());
    try {
      sink.submit(rid, from, d, comment);
    } catch (DecisionRefusedException e) {
      return settled.as(
          ApprovalResult.Status.REFUSED, "the decision was refused: " + e.getMessage());
    } catch (RuntimeException e) {
      return result(
          ApprovalResult.Status.SUBMIT_FAILED,
          mid,
          rid,
          from,
          "submitting the decision failed, will retry: " + e);
    }
    store.recordDecision(rid, from, d, key, keep, now);
    return new ApprovalResult(
        ApprovalResult.Status.SUBMITTED,
        mid,
        rid,
        from,
        d,
        from
            + " "
            + (d == ApprovalDecision.APPROVED ? "approved" : "denied")
            + " request "
            + rid
            + "; "
            + auth);
  }

  /**
   * The outcome of a reply that is settled for good: its message key is recorded (kept until {@code
   * keep}) so that it is not processed again, and the result names the mailbox id, the request
   * (once known) and the approver.
   */
  private final class Settled {
    private final String key;
    private final Instant now;
    private final String mid;
    private final @Nullable String from;
    private Instant keep;
    private @Nullable String rid;

    Settled(String key, Instant keep, Instant now, String mid, @Nullable String from) {
      this.key = key;
      this.keep = keep;
      this.now = now;
      this.mid = mid;
      this.from = from;
    }

    /** The token named the request: results name it, and the key is kept as long as the token. */
    void request(String requestId, Instant tokenExpiry) {
      this.rid = requestId;
      this.keep = tokenExpiry;
    }

    ApprovalResult as(ApprovalResult.Status status, String reason) {
      store.recordMessage(key, keep, now);
      return result(status, mid, rid, from, reason);
    }
  }

  private static ApprovalResult result(
      ApprovalResult.Status status,
      String mailboxId,
      @Nullable String requestId,
      @Nullable String approver,
      String reason) {
    return new ApprovalResult(
        status, mailboxId, requestId, approver, ApprovalDecision.UNKNOWN, reason);
  }

  private static Optional<String> findToken(ApprovalReply reply) {
    List<String> candidates = new ArrayList<>();
    reply.inReplyTo().ifPresent(candidates::add);
    List<String> refs = reply.references();
    for (int i = refs.size() - 1; i >= 0; i--) {
      candidates.add(refs.get(i));
    }
    for (String c : candidates) {
      Optional<String> t = ApprovalTokens.find(c);
      if (t.isPresent()) {
        return t;
      }
    }
    return ApprovalTokens.find(reply.bodyText());
  }

  private @Nullable String senderProblem(ApprovalReply reply, String from) {
    if (!approvers.isEmpty() && !approvers.contains(from)) {
      return from + " is not on the approver list";
    }
    Optional<String> sender = reply.sender();
    if (sender.isPresent() && !sender.get().equals(from)) {
      return "the reply was sent by " + sender.get() + " on behalf of " + from;
    }
    Optional<String> returnPath = reply.returnPath();
    if (returnPath.isPresent()) {
      String rp = returnPath.get();
      int at = rp.lastIndexOf('@');
      String fromDomain = from.substring(from.lastIndexOf('@') + 1);
      if (at < 0 || !AuthenticationResults.aligned(rp.substring(at + 1), fromDomain)) {
        return "the Return-Path <" + rp + "> is not in the From domain " + fromDomain;
      }
    }
    return null;
  }

  /** Returns "authenticated: ..." or "not authenticated: ...". */
  private String authentication(ApprovalReply reply, String from) {
    String id = authservId;
    if (id == null) {
      return "not authenticated: no authserv-id is configured, Authentication-Results not read";
    }
    String fromDomain = from.substring(from.lastIndexOf('@') + 1);
    for (String header : reply.authenticationResults()) {
      Optional<AuthenticationResults> ar = AuthenticationResults.parse(header);
      if (ar.isEmpty() || !ar.get().authservId().equals(id)) {
        continue;
      }
      // The topmost header of the receiving server is the one it added; copies below it could
      // have come with the message.
      for (AuthenticationResults.Result r : ar.get().results()) {
        if (!r.result().equals("pass")
            || !(r.method().equals("dkim") || r.method().equals("arc"))) {
          continue;
        }
        for (String prop : List.of("header.d", "header.i", "header.from")) {
          String v = r.properties().get(prop);
          if (v != null && AuthenticationResults.aligned(v, fromDomain)) {
            return "authenticated: " + r.method() + "=pass " + prop + "=" + v + " by " + id;
          }
        }
      }
      return "not authenticated: "
          + id
          + " reports no dkim=pass or arc=pass aligned with "
          + fromDomain;
    }
    return "not authenticated: no Authentication-Results header from " + id;
  }

  private static String comment(ApprovalDecision d, String from, String newText) {
    String first = "";
    for (String line : newText.split("\n", -1)) {
      if (!line.isBlank()) {
        first = line.strip();
        break;
      }
    }
    StringBuilder sb =
        new StringBuilder(d == ApprovalDecision.APPROVED ? "Approved" : "Denied")
            .append(" by email reply from ")
            .append(from);
    if (!first.isEmpty()) {
      sb.append(": ");
      first.codePoints().filter(c -> c >= 0x20 && c != 0x7f).forEach(sb::appendCodePoint);
    }
    String s = sb.toString();
    return s.length() > MAX_COMMENT ? s.substring(0, MAX_COMMENT) : s;
  }

  private static String sha256(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Returns the policy and the mailbox; never the key. */
  @Override
  public String toString() {
    return "EmailApprovals{mailbox="
        + mailbox
        + ", store="
        + store
        + ", authentication="
        + authenticationPolicy
        + (authservId == null ? "" : " by " + authservId)
        + ", approvers="
        + approvers.size()
        + "}";
  }

  /** Builds {@link EmailApprovals}; not thread-safe. */
  public static final class Builder {
    private @Nullable ApprovalTokens tokens;
    private @Nullable Mailbox mailbox;
    private @Nullable ApprovalStore store;
    private @Nullable DecisionSink sink;
    private final Set<String> approvers = new LinkedHashSet<>();
    private AuthenticationPolicy authenticationPolicy = AuthenticationPolicy.REQUIRE;
    private @Nullable String authservId;
    private Duration tokenLifetime = Duration.ofHours(24);
    private int batchSize = 50;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the token issuer and checker (required).
     *
     * @param tokens the tokens
     * @return this builder
     */
    public Builder tokens(ApprovalTokens tokens) {
      this.tokens = requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * Sets the mailbox replies arrive in. Required for {@link #poll}; without it, hand messages to
     * {@link #process}.
     *
     * @param mailbox the mailbox
     * @return this builder
     */
    public Builder mailbox(Mailbox mailbox) {
      this.mailbox = requireNonNull(mailbox, "mailbox");
      return this;
    }

    /**
     * Sets the durable store of processed replies and decided requests (required).
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(ApprovalStore store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets where decisions go (required).
     *
     * @param sink the sink
     * @return this builder
     */
    public Builder decisionSink(DecisionSink sink) {
      this.sink = requireNonNull(sink, "sink");
      return this;
    }

    /**
     * Restricts who may decide: a reply counts only from these addresses (besides being the token's
     * approver). Default: empty, meaning the token's approver is enough.
     *
     * @param addresses the approvers' addresses
     * @return this builder
     */
    public Builder approvers(Set<String> addresses) {
      requireNonNull(addresses, "addresses");
      approvers.clear();
      for (String a : addresses) {
        requireNonNull(a, "approver address");
        if (a.indexOf('@') <= 0) {
          throw new IllegalArgumentException("not an email address: " + a);
        }
        approvers.add(a.strip().toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /**
     * Sets what happens to replies that the receiving server did not authenticate. Default: {@link
     * AuthenticationPolicy#REQUIRE}, which needs {@link #authservId}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder authenticationPolicy(AuthenticationPolicy policy) {
      this.authenticationPolicy = requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the authserv-id of the receiving mail server, the first word of the {@code
     * Authentication-Results} headers it adds (often its host name). Only its headers are read.
     *
     * @param authservId the id, compared case-insensitively
     * @return this builder
     */
    public Builder authservId(String authservId) {
      requireNonNull(authservId, "authservId");
      if (authservId.isBlank() || authservId.chars().anyMatch(c -> c <= 0x20 || c == ';')) {
        throw new IllegalArgumentException(
            "authservId must be one word without spaces or ';', got: " + authservId);
      }
      this.authservId = authservId.toLowerCase(Locale.ROOT);
      return this;
    }

    /**
     * Sets how long an issued token is accepted. Default: 24 hours.
     *
     * @param lifetime 1 minute to 31 days (the longest an appliance access request may ask for)
     * @return this builder
     */
    public Builder tokenLifetime(Duration lifetime) {
      requireNonNull(lifetime, "lifetime");
      if (lifetime.compareTo(Duration.ofMinutes(1)) < 0
          || lifetime.compareTo(Duration.ofDays(31)) > 0) {
        throw new IllegalArgumentException(
            "tokenLifetime must be 1 minute to 31 days, got " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /**
     * Sets how many messages one {@link #poll} reads at most. Default: 50.
     *
     * @param batchSize 1 to 10,000
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > 10_000) {
        throw new IllegalArgumentException("batchSize must be 1..10000, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Sets the clock for issuing and checking expiry. Default: the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the workflow.
     *
     * @return the workflow
     * @throws IllegalStateException if tokens, store or decision sink is missing, or the policy is
     *     REQUIRE without an authserv-id
     */
    public EmailApprovals build() {
      if (tokens == null || store == null || sink == null) {
        throw new IllegalStateException("tokens, store and decisionSink are required");
      }
      if (authenticationPolicy == AuthenticationPolicy.REQUIRE && authservId == null) {
        throw new IllegalStateException(
            "AuthenticationPolicy.REQUIRE needs authservId(...), the receiving server's id in"
                + " Authentication-Results; or choose RECORD_ONLY");
      }
      return new EmailApprovals(this);
    }
  }
}
