// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.DeliveryOutcomeUnknownException;
import io.pamkit.notify.email.EmailMessageIds;
import io.pamkit.notify.email.EmailTransportBuilder;
import io.pamkit.notify.email.internal.CertificateTrust;
import io.pamkit.notify.email.internal.EmailSending;
import io.pamkit.notify.email.internal.OutboundEmail;
import io.pamkit.notify.oauth.AccessTokenSource;
import io.pamkit.notify.smtp.internal.OutcomeTrackingSmtpTransport;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.template.EmailTemplates;
import io.pamkit.notify.template.RenderedEmail;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.NamingException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications by SMTP with jakarta.mail and Eclipse Angus, configured by a {@link
 * SmtpTransportConfig} (the appliance's {@code EmailClientConfig}).
 *
 * <p>One connection is opened on first use and reused for every following message; when it was lost
 * (the server closed an idle connection), the transport reconnects and sends again once. Failures
 * map onto {@link FailureType}s: no connection, timeouts and 4xx replies are {@code TRANSIENT} (421
 * and 450 {@code RATE_LIMITED}); a refused recipient or message (5xx) is {@code PERMANENT_MESSAGE};
 * refused credentials (535 and the other authentication replies; with {@link
 * SmtpAuthentication#oauth2 XOAUTH2} only after the token was renewed once), a refused sender, an
 * untrusted server certificate and a server without STARTTLS while TLS is required are {@code
 * PERMANENT_TRANSPORT}.
 *
 * <p>Each email gets its subject and body from the {@link EmailTemplates} (the subscriber's
 * template, else the event's), a stable {@code Message-ID} derived from the notification's
 * idempotency key (a re-sent notification carries the same id, so duplicates can be recognised),
 * and the headers {@code X-Pamkit-Event}, {@code X-Pamkit-Event-Id} and {@code Auto-Submitted:
 * auto-generated}, and is signed with DKIM when {@link SmtpTransportConfig#dkimSigner()} is set
 * (the {@code Message-ID} kept). The recipient is the subscriber's {@code EmailAddress}, or its
 * user's address from the {@link RecipientResolver}; a user without an address fails the
 * notification with {@code PERMANENT_MESSAGE}, so the dispatcher dead-letters it with that reason.
 *
 * <p>{@link #sendTestEmail} is the appliance's test email: while it runs, deliveries wait.
 *
 * <p>Thread-safe: sends are serialised over the one connection, in arrival order.
 */
public final class SmtpTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpTransport.class);
  private static final Pattern QUEUE_ID =
      Pattern.compile("(?i)(?:queued as|queue id|id[=:])\\s*<?([A-Za-z0-9._@+=/-]+)>?");
  private static final Session MESSAGE_SESSION = Session.getInstance(new Properties());

  private final SmtpTransportConfig config;
  private final EmailSending sending;
  private final String dnsProviderUrl;
  private final AddressResolver addresses;
  private final @Nullable SSLContext sslContext;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final AtomicLong connectionsOpened = new AtomicLong();

  // guarded by lock
  private @Nullable SMTPTransport connection;
  private String connectedTo = "";
  private boolean closed;

  private SmtpTransport(
      Builder b, EmailTemplates templates, RecipientResolver recipients, Clock clock) {
    this.config = b.config;
    this.sending = new EmailSending(config.channel(), templates, recipients, clock);
    this.dnsProviderUrl = b.dnsServer == null ? "dns:" : "dns://" + b.dnsServer;
    this.addresses = b.addresses;
    this.sslContext = config.usesTls() ? TlsSockets.context(config) : null;
    if (config.enabled() && config.usesTls()) {
      CertificateTrust.warnIfVerificationKept(
          config.verifySslCertificate(),
          config.trustAllCertificatesInsecurely(),
          "SMTP server " + config.serverAddress());
    }
    if (config.enabled() && config.plainTextOnly()) {
      LOG.warn(
          "SMTP server {}: PlainTextOnly is on; email and any credentials travel in plain"
              + " text, even when the server offers STARTTLS",
          config.serverAddress());
    }
  }

  /**
   * Starts a builder.
   *
   * @param config the SMTP settings
   * @return a new builder
   */
  public static Builder builder(SmtpTransportConfig config) {
    return new Builder(config);
  }

  /**
   * Returns the channel this transport serves ({@link SmtpTransportConfig#channel()}).
   *
   * @return the channel id, {@code "Email"} by default
   */
  @Override
  public String channel() {
    return config.channel();
  }

  /**
   * Returns the configuration.
   *
   * @return the SMTP settings
   */
  public SmtpTransportConfig config() {
    return config;
  }

  /**
   * Returns how many SMTP connections this transport has opened (the test email's excluded).
   *
   * @return the number of successful connects
   */
  public long connectionsOpened() {
    return connectionsOpened.get();
  }

  /** Returns whether deliveries are waiting for the connection (e.g. behind a test email). */
  boolean deliveriesWaiting() {
    return lock.hasQueuedThreads();
  }

  /**
   * Sends the notification's email, reusing the open connection.
   *
   * @param notification the notification
   * @return a receipt whose peer message id is the server's queue id when its reply names one
   * @throws DeliveryException with a failure type as described in the class comment
   */
  @Override
  public DeliveryReceipt send(Notification notification) {
    requireNonNull(notification, "notification");
    if (!config.enabled()) {
      throw failure(
          FailureType.PERMANENT_TRANSPORT,
          "email is disabled: EmailClientConfig.ServerAddress is blank",
          null);
    }
    OutboundEmail out = sending.prepare(notification, config.senderEmail());
    MimeMessage message = message(out.to(), out.email(), notification.event(), out.messageId());
    lock.lock();
    try {
      if (closed) {
        throw failure(FailureType.PERMANENT_TRANSPORT, "transport is closed", null);
      }
      return deliver(message);
    } finally {
      lock.unlock();
    }
  }

  private DeliveryReceipt deliver(MimeMessage message) {
    boolean reused = connection != null;
    if (!reused) {
      connect();
    }
    try {
      return sendOn(message);
    } catch (MessagingException e) {
      if (outcomeUnknown(e)) {
        throw unknownOutcome(e);
      }
      if (replyCode(e) < 0 && !(e instanceof AuthenticationFailedException) && reused) {
        LOG.debug("SMTP connection to {} was lost ({}); reconnecting", connectedTo, e.getMessage());
        disconnect();
        connect();
        try {
          return sendOn(message);
        } catch (MessagingException again) {
          throw outcomeUnknown(again) ? unknownOutcome(again) : afterFailure(again);
        }
      }
      throw afterFailure(e);
    }
  }

  /**
   * Whether the end of DATA was sent and no reply came (a time-out, a lost connection): the server
   * may have queued the message.
   */
  private boolean outcomeUnknown(MessagingException e) {
    return connection instanceof OutcomeTrackingSmtpTransport t
        && t.endOfDataSent()
        && replyCode(e) < 0;
  }

  /**
   * An unknown outcome is not resent at once and not failed over: the dispatcher retries it later
   * on this server with the same Message-ID, which a receiver can use to drop the duplicate.
   */
  private DeliveryException unknownOutcome(MessagingException e) {
    String where = connectedTo;
    disconnect();
    return new DeliveryOutcomeUnknownException(
        channel(),
        "SMTP server "
            + where
            + " did not answer after the end of DATA ("
            + oneLine(e.getMessage())
            + causeText(e)
            + "): it may have queued the message; retried later on the same server with the same"
            + " Message-ID",
        e);
  }

  private DeliveryException afterFailure(MessagingException e) {
    int code = replyCode(e);
    if (code < 0 || code == 421) {
      disconnect();
    }
    return classify(e, connectedTo);
  }

  private DeliveryReceipt sendOn(MimeMessage message) throws MessagingException {
    SMTPTransport t = requireNonNull(connection);
    t.sendMessage(message, message.getAllRecipients());
    String reply = t.getLastServerResponse();
    return DeliveryReceipt.acknowledged(channel(), queueId(reply), sending.clock().instant());
  }

  /** Returns the queue id a 250 reply names, e.g. Postfix's {@code queued as 4Bx9Z}. */
  static @Nullable String queueId(@Nullable String reply) {
    if (reply == null) {
      return null;
    }
    Matcher m = QUEUE_ID.matcher(reply);
    return m.find() ? m.group(1) : null;
  }

  private void connect() {
    String host = resolveHost();
    String where = hostPort(host);
    // knows whether a failure came after the end of DATA (outcome unknown), see deliver()
    SMTPTransport t =
        OutcomeTrackingSmtpTransport.create(session(host, host, null), config.requireSmtps());
    Credentials c;
    try {
      c = connectAuthenticated(t, host, where);
    } catch (MessagingException e) {
      throw classify(e, where);
    }
    requireAuthenticated(t, c, where);
    warnIfPlain(t, where);
    connection = t;
    connectedTo = where;
    connectionsOpened.incrementAndGet();
    LOG.debug("connected to SMTP server {}", where);
  }

  /**
   * With authentication configured, refuses a server that does not offer AUTH: jakarta.mail would
   * otherwise send without authenticating, silently ignoring the configured account.
   */
  private void requireAuthenticated(SMTPTransport t, Credentials c, String where) {
    if (c.user != null && !t.supportsExtension("AUTH")) {
      try {
        t.close();
      } catch (MessagingException e) {
        LOG.debug("closing the SMTP connection to {} failed: {}", where, e.getMessage());
      }
      throw failure(
          FailureType.PERMANENT_TRANSPORT,
          "SMTP server "
              + where
              + " does not offer AUTH, but user authentication is required;"
              + " refusing to send without authenticating",
          null);
    }
  }

  /** Opportunistic TLS that found no STARTTLS: say so once per connection. */
  private void warnIfPlain(SMTPTransport t, String where) {
    if (!config.requireTls() && !config.requireSmtps() && !config.plainTextOnly() && !t.isSSL()) {
      LOG.warn(
          "SMTP server {} does not offer STARTTLS: email goes in plain text (RequireTlsFlag"
              + " is off; set it on to refuse such a server)",
          where);
    }
  }

  private void disconnect() {
    SMTPTransport t = connection;
    connection = null;
    if (t != null) {
      try {
        t.close();
      } catch (MessagingException | RuntimeException e) {
        LOG.debug("closing the SMTP connection to {} failed: {}", connectedTo, e.getMessage());
      }
    }
  }

  private String protocol() {
    return config.requireSmtps() ? "smtps" : "smtp";
  }

  private String hostPort(String host) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + config.port();
  }

  /** Returns the host to dial: the configured one, or the best mail exchanger of the domain. */
  private String resolveHost() {
    String host = config.host().orElseThrow();
    if (!config.mxLookup()) {
      return host;
    }
    try {
      List<MxLookup.Exchange> ex =
          new MxLookup(dnsProviderUrl, (int) config.connectTimeout().toMillis()).exchanges(host);
      return ex.get(0).host();
    } catch (NamingException e) {
      throw failure(
          FailureType.TRANSIENT, "MX lookup of " + host + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Builds the jakarta.mail session for one server: dial {@code host}, verify the certificate
   * against {@code identity}, with the given timeout cap (the test email's) or the configured
   * timeouts.
   */
  private Session session(String host, String identity, @Nullable Duration cap) {
    String p = "mail." + protocol() + ".";
    Properties props = new Properties();
    props.setProperty(p + "host", host);
    props.setProperty(p + "port", Integer.toString(config.port()));
    props.setProperty(p + "connectiontimeout", millis(config.connectTimeout(), cap));
    props.setProperty(p + "timeout", millis(config.readTimeout(), cap));
    props.setProperty(p + "writetimeout", millis(config.writeTimeout(), cap));
    props.setProperty(p + "localhost", config.heloName());
    props.setProperty(p + "from", config.senderEmail());
    props.setProperty(
        p + "auth",
        Boolean.toString(config.authentication().kind() != SmtpAuthentication.Kind.NONE));
    if (config.authentication().kind() == SmtpAuthentication.Kind.OAUTH2) {
      // SASL XOAUTH2 only: the access token is the "password" Angus puts in the SASL string
      props.setProperty(p + "auth.mechanisms", "XOAUTH2");
      props.setProperty(p + "auth.xoauth2.disable", "false");
    }
    // STARTTLS unless SMTPS or plain text only; required with RequireTlsFlag, otherwise used
    // when the server offers it (opportunistic), with the certificate still verified
    boolean startTls = !config.requireSmtps() && !config.plainTextOnly();
    props.setProperty(p + "starttls.enable", Boolean.toString(startTls));
    props.setProperty(p + "starttls.required", Boolean.toString(startTls && config.requireTls()));
    props.setProperty(p + "ssl.enable", Boolean.toString(config.requireSmtps()));
    if (sslContext != null) {
      props.put(p + "ssl.socketFactory", TlsSockets.factory(sslContext, identity));
      // never retry with the JVM's default socket factory (and its default trust store)
      props.setProperty(p + "socketFactory.fallback", "false");
      props.setProperty(
          p + "ssl.checkserveridentity", Boolean.toString(!config.trustsAllCertificates()));
      if (config.trustsAllCertificates()) {
        CertificateTrust.warnTrustAll("SMTP server " + host);
      }
    }
    return Session.getInstance(props);
  }

  private static String millis(Duration configured, @Nullable Duration cap) {
    Duration d = cap != null && cap.compareTo(configured) < 0 ? cap : configured;
    return Long.toString(Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis())));
  }

  private static final class Credentials {
    final @Nullable String user;
    final @Nullable String password;
    final @Nullable Secret token;

    Credentials(@Nullable String user, @Nullable String password) {
      this(user, password, null);
    }

    Credentials(@Nullable String user, @Nullable String password, @Nullable Secret token) {
      this.user = user;
      this.password = password;
      this.token = token;
    }
  }

  /**
   * Connects and authenticates; with XOAUTH2, a refused token (535) is renewed through the token
   * source and the connection tried once more.
   */
  private Credentials connectAuthenticated(SMTPTransport t, String host, String where)
      throws MessagingException {
    Credentials c = credentials();
    try {
      t.connect(host, config.port(), c.user, c.password);
      return c;
    } catch (AuthenticationFailedException e) {
      Secret rejected = c.token;
      if (rejected == null) {
        throw e;
      }
      LOG.debug("SMTP server {} refused the access token of {}; renewing it once", where, c.user);
      Credentials renewed = token(tokens -> tokens.renewAccessToken(rejected));
      t.connect(host, config.port(), renewed.user, renewed.password);
      return renewed;
    }
  }

  private Credentials token(Function<AccessTokenSource, Secret> fetch) {
    SmtpAuthentication auth = config.authentication();
    Secret token;
    try {
      token = fetch.apply(auth.tokenSource().orElseThrow());
    } catch (ValidationException e) {
      throw failure(
          FailureType.PERMANENT_TRANSPORT,
          "no access token for SMTP user "
              + auth.userName().orElseThrow()
              + ": the token endpoint refused the client: "
              + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      throw failure(
          FailureType.TRANSIENT,
          "no access token for SMTP user "
              + auth.userName().orElseThrow()
              + " for now: "
              + e.getClass().getSimpleName()
              + ": "
              + oneLine(e.getMessage()),
          e);
    }
    return new Credentials(auth.userName().orElseThrow(), token.reveal(), token);
  }

  private Credentials credentials() {
    SmtpAuthentication auth = config.authentication();
    switch (auth.kind()) {
      case PASSWORD -> {
        return new Credentials(
            auth.userName().orElseThrow(), auth.password().orElseThrow().reveal());
      }
      case ACCOUNT -> {
        Secret s;
        try {
          s = config.credentialResolver().orElseThrow().resolve(auth.account().orElseThrow());
        } catch (ValidationException e) {
          throw failure(
              FailureType.PERMANENT_TRANSPORT,
              "the SMTP account "
                  + auth.account().orElseThrow()
                  + " cannot be resolved: "
                  + e.getMessage(),
              e);
        } catch (RuntimeException e) {
          throw failure(
              FailureType.TRANSIENT,
              "the credential resolver failed for the SMTP"
                  + " account "
                  + auth.account().orElseThrow()
                  + ": "
                  + e.getClass().getSimpleName(),
              e);
        }
        return new Credentials(auth.userName().orElseThrow(), s.reveal());
      }
      case OAUTH2 -> {
        return token(AccessTokenSource::accessToken);
      }
      default -> {
        return new Credentials(null, null);
      }
    }
  }

  private MimeMessage message(
      String to, RenderedEmail email, ApplianceEvent event, String messageId) {
    try {
      MimeMessage m = new FixedIdMessage(MESSAGE_SESSION, messageId);
      m.setFrom(new InternetAddress(config.senderEmail(), true));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      if (email.replyTo() != null) {
        String replyTo = OutboundEmail.checkAddress("ReplyToEmail", email.replyTo());
        m.setReplyTo(new InternetAddress[] {new InternetAddress(replyTo, true)});
      }
      m.setSubject(email.subject(), "UTF-8");
      m.setSentDate(Date.from(sending.clock().instant()));
      m.setHeader("X-Pamkit-Event", event.name());
      m.setHeader("X-Pamkit-Event-Id", event.id());
      m.setHeader("Auto-Submitted", "auto-generated");
      m.setText(email.body(), "UTF-8", email.format().mimeSubtype());
      m.saveChanges();
      sign(m);
      return m;
    } catch (MessagingException | ValidationException e) {
      throw failure(FailureType.PERMANENT_MESSAGE, "cannot build the email: " + e.getMessage(), e);
    }
  }

  /** Signs a complete message with the configured DKIM key, if any; never saved again after. */
  private void sign(MimeMessage m) throws MessagingException {
    DkimSigner signer = config.dkimSigner().orElse(null);
    if (signer != null) {
      signer.sign(m);
    }
  }

  /**
   * Returns the {@code Message-ID} of a notification: a hash of its idempotency key at the sender's
   * domain, the same on every attempt.
   */
  String messageId(String idempotencyKey) {
    return EmailMessageIds.messageId(idempotencyKey, config.senderEmail());
  }

  /** A message whose Message-ID is ours, not the one {@code saveChanges()} would invent. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }

  /**
   * Sends the appliance's test email: resolves the server name (through MX when asked), then
   * connects to each of its IP addresses in turn and sends one email to {@code toEmail}. Each
   * address has {@code timeout} from the start of its delivery to the server's acceptance or
   * refusal. One failure fails the test. Deliveries of notifications wait while the test runs.
   *
   * @param toEmail the recipient, at most 512 characters
   * @param timeout 1 to 255 seconds per address
   * @return every address with its outcome
   * @throws ValidationException if email is disabled, the recipient is invalid or the timeout is
   *     outside 1..255 seconds
   */
  public TestEmailResult sendTestEmail(String toEmail, Duration timeout) {
    requireNonNull(toEmail, "ToEmail");
    requireNonNull(timeout, "TimeoutSeconds");
    if (!config.enabled()) {
      throw new ValidationException(
          "ServerAddress", "email is disabled: the server address is" + " blank");
    }
    String to = OutboundEmail.checkAddress("ToEmail", toEmail);
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0
        || timeout.compareTo(Duration.ofSeconds(255)) > 0) {
      throw new ValidationException(
          "TimeoutSeconds", timeout.toSeconds() + " seconds is outside" + " 1..255");
    }
    lock.lock();
    try {
      return runTest(to, timeout);
    } finally {
      lock.unlock();
    }
  }

  private TestEmailResult runTest(String to, Duration timeout) {
    String host;
    try {
      host = resolveHost();
    } catch (DeliveryException e) {
      return new TestEmailResult(
          config.serverAddress(),
          config.host().orElseThrow(),
          to,
          List.of(
              new TestEmailAttempt(
                  config.host().orElseThrow(),
                  TestEmailAttempt.Outcome.FAILED,
                  String.valueOf(e.getMessage()))));
    }
    InetAddress[] addresses;
    try {
      addresses = this.addresses.resolve(host);
    } catch (UnknownHostException e) {
      return new TestEmailResult(
          config.serverAddress(),
          host,
          to,
          List.of(
              new TestEmailAttempt(
                  host,
                  TestEmailAttempt.Outcome.FAILED,
                  "cannot resolve " + host + ": " + e.getMessage())));
    }
    List<TestEmailAttempt> attempts = new ArrayList<>();
    // a thread per attempt: an attempt that timed out must not delay the next address
    ExecutorService worker =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "pamkit-smtp-test-email");
              t.setDaemon(true);
              return t;
            });
    try {
      for (InetAddress a : addresses) {
        attempts.add(attempt(worker, host, a, to, timeout));
      }
    } finally {
      worker.shutdownNow();
    }
    TestEmailResult result = new TestEmailResult(config.serverAddress(), host, to, attempts);
    LOG.info("{}", result.summary());
    return result;
  }

  private TestEmailAttempt attempt(
      ExecutorService worker, String host, InetAddress address, String to, Duration timeout) {
    String ip = address.getHostAddress().replaceAll("%.*$", "");
    Future<String> f = worker.submit(() -> sendTest(host, ip, to, timeout));
    try {
      return new TestEmailAttempt(
          ip, TestEmailAttempt.Outcome.SENT, f.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      f.cancel(true);
      return new TestEmailAttempt(
          ip, TestEmailAttempt.Outcome.TIMED_OUT, "no answer within " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      return new TestEmailAttempt(
          ip,
          TestEmailAttempt.Outcome.FAILED,
          c instanceof DeliveryException ? String.valueOf(c.getMessage()) : String.valueOf(c));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return new TestEmailAttempt(ip, TestEmailAttempt.Outcome.FAILED, "interrupted");
    }
  }

  private String sendTest(String host, String ip, String to, Duration timeout) {
    String where = hostPort(ip);
    SMTPTransport t;
    try {
      t = (SMTPTransport) session(ip, host, timeout).getTransport(protocol());
    } catch (MessagingException e) {
      throw failure(FailureType.PERMANENT_TRANSPORT, "no SMTP provider: " + e.getMessage(), e);
    }
    try {
      Credentials c = connectAuthenticated(t, ip, where);
      requireAuthenticated(t, c, where);
      MimeMessage m =
          new FixedIdMessage(
              MESSAGE_SESSION,
              "<test-"
                  + UUID.randomUUID()
                  + ".pamkit@"
                  + config.senderEmail().substring(config.senderEmail().lastIndexOf('@') + 1)
                  + ">");
      m.setFrom(new InternetAddress(config.senderEmail(), true));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      m.setSubject("Test email from pamkit", "UTF-8");
      m.setSentDate(Date.from(sending.clock().instant()));
      m.setHeader("X-Pamkit-Event", "TestEmail");
      m.setHeader("Auto-Submitted", "auto-generated");
      m.setText(
          "This is a test email sent through the SMTP server "
              + config.serverAddress()
              + " ("
              + where
              + ") to check the email settings.\n",
          "UTF-8",
          "plain");
      m.saveChanges();
      sign(m);
      t.sendMessage(m, m.getAllRecipients());
      String reply = t.getLastServerResponse();
      return reply == null || reply.isBlank() ? "accepted" : oneLine(reply);
    } catch (MessagingException e) {
      throw classify(e, where);
    } finally {
      try {
        t.close();
      } catch (MessagingException | RuntimeException e) {
        LOG.debug("closing the test connection to {} failed: {}", where, e.getMessage());
      }
    }
  }

  /** Returns the SMTP reply code the exception carries, or -1 when it carries none. */
  static int replyCode(MessagingException e) {
    Exception x = e;
    for (int depth = 0; x != null && depth < 10; depth++) {
      if (x instanceof SMTPSendFailedException f) {
        return f.getReturnCode();
      }
      if (x instanceof SMTPAddressFailedException f) {
        return f.getReturnCode();
      }
      if (x instanceof SMTPSenderFailedException f) {
        return f.getReturnCode();
      }
      x = x instanceof MessagingException ? ((MessagingException) x).getNextException() : null;
    }
    return -1;
  }

  private static boolean senderRefused(MessagingException e) {
    Exception x = e;
    for (int depth = 0; x != null && depth < 10; depth++) {
      if (x instanceof SMTPSenderFailedException) {
        return true;
      }
      x = x instanceof MessagingException ? ((MessagingException) x).getNextException() : null;
    }
    return false;
  }

  /** Maps a jakarta.mail failure onto the SPI's failure types, with a message for a human. */
  DeliveryException classify(MessagingException e, String where) {
    String reason = oneLine(e.getMessage());
    if (e instanceof AuthenticationFailedException) {
      return failure(
          FailureType.PERMANENT_TRANSPORT,
          "SMTP server "
              + where
              + " refused the credentials of "
              + config.authentication().userName().orElse("(none)")
              + ": "
              + reason,
          e);
    }
    int code = replyCode(e);
    if (code >= 400) {
      String refused = "SMTP server " + where + " replied " + code + ": " + reason;
      if (code == 421 || code == 450) {
        return failure(FailureType.RATE_LIMITED, refused, e);
      }
      if (code < 500) {
        return failure(FailureType.TRANSIENT, refused, e);
      }
      if (code == 530 || code == 534 || code == 535 || code == 538) {
        return failure(FailureType.PERMANENT_TRANSPORT, refused + " (authentication)", e);
      }
      if (senderRefused(e)) {
        return failure(
            FailureType.PERMANENT_TRANSPORT,
            refused + " (the sender " + config.senderEmail() + " was refused)",
            e);
      }
      return failure(FailureType.PERMANENT_MESSAGE, refused, e);
    }
    if (e instanceof SendFailedException
        && ((SendFailedException) e).getInvalidAddresses() != null
        && ((SendFailedException) e).getInvalidAddresses().length > 0) {
      return failure(
          FailureType.PERMANENT_MESSAGE,
          "SMTP server " + where + " refused the recipient: " + reason,
          e);
    }
    if (reason.contains("STARTTLS is required but host does not support STARTTLS")) {
      return failure(
          FailureType.PERMANENT_TRANSPORT,
          "SMTP server "
              + where
              + " does not offer"
              + " STARTTLS and RequireTlsFlag is on: the connection was closed and nothing was sent"
              + " in plain text",
          e);
    }
    Throwable tls = find(e, SSLException.class, CertificateException.class);
    if (tls != null) {
      String t = oneLine(deepestMessage(tls));
      if (t.contains("PKIX")
          || t.contains("certification path")
          || t.contains("self signed")
          || t.contains("self-signed")
          || t.contains("signature check failed")) {
        return failure(
            FailureType.PERMANENT_TRANSPORT,
            "the TLS certificate of SMTP server "
                + where
                + " is not trusted ("
                + t
                + "): add its issuing CA as a trust anchor (the"
                + " document's TrustAnchors, or --ca-cert FILE on the pamkit command line), or, for"
                + " a test server only, VerifySslCertificate false with"
                + " TrustAllCertificatesInsecurely true"
                + (config.requireTls() || config.requireSmtps()
                    ? ""
                    : " (or PlainTextOnly on, to not use the STARTTLS the server offers)"),
            e);
      }
      if (t.contains("No subject alternative")
          || t.contains("No name matching")
          || t.contains("does not match")) {
        return failure(
            FailureType.PERMANENT_TRANSPORT,
            "the TLS certificate of SMTP server " + where + " does not match its name (" + t + ")",
            e);
      }
      if (t.contains("bad_certificate")
          || t.contains("certificate_required")
          || t.contains("unknown_ca")
          || t.contains("certificate_unknown")) {
        return failure(
            FailureType.PERMANENT_TRANSPORT,
            "SMTP server "
                + where
                + " refused the"
                + " TLS handshake ("
                + t
                + "): check the client certificate",
            e);
      }
      return failure(
          FailureType.TRANSIENT,
          "the TLS handshake with SMTP server " + where + " failed: " + t,
          e);
    }
    return failure(
        FailureType.TRANSIENT,
        "cannot deliver through SMTP server " + where + ": " + reason + causeText(e),
        e);
  }

  private static String causeText(Throwable e) {
    Throwable c = e.getCause();
    return c == null || c == e
        ? ""
        : " (" + c.getClass().getSimpleName() + ": " + oneLine(c.getMessage()) + ")";
  }

  @SafeVarargs
  private static @Nullable Throwable find(Throwable e, Class<? extends Throwable>... types) {
    Throwable x = e;
    for (int depth = 0; x != null && depth < 10; depth++) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(x)) {
          return x;
        }
      }
      x = x.getCause();
    }
    return null;
  }

  private static String deepestMessage(Throwable e) {
    StringBuilder sb = new StringBuilder();
    Throwable x = e;
    for (int depth = 0; x != null && depth < 10; depth++) {
      if (x.getMessage() != null && sb.indexOf(x.getMessage()) < 0) {
        if (sb.length() > 0) {
          sb.append("; ");
        }
        sb.append(x.getMessage());
      }
      x = x.getCause();
    }
    return sb.toString();
  }

  private static String oneLine(@Nullable String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    String r = sb.toString().strip();
    return r.length() > 400 ? r.substring(0, 400) + "..." : r;
  }

  private DeliveryException failure(FailureType type, String message, @Nullable Throwable cause) {
    return new DeliveryException(channel(), type, message, cause);
  }

  /** Closes the connection; later sends fail with {@code PERMANENT_TRANSPORT}. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      disconnect();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "SmtpTransport{"
        + config.serverAddress()
        + ":"
        + config.port()
        + ", channel="
        + config.channel()
        + "}";
  }

  /** Resolves a host name to all its addresses; the JDK's resolver outside tests. */
  @FunctionalInterface
  interface AddressResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** Builds {@link SmtpTransport}s. Not thread-safe. */
  public static final class Builder extends EmailTransportBuilder<Builder> {
    private final SmtpTransportConfig config;
    private @Nullable String dnsServer;
    private AddressResolver addresses = InetAddress::getAllByName;

    private Builder(SmtpTransportConfig config) {
      this.config = requireNonNull(config, "config");
    }

    /**
     * Sets the DNS server MX lookups ask. Default: none, the system's resolvers.
     *
     * @param hostPort e.g. {@code "192.0.2.53"} or {@code "127.0.0.1:5353"}, or null
     * @return this builder
     */
    public Builder dnsServer(@Nullable String hostPort) {
      if (hostPort != null
          && (hostPort.isBlank()
              || !hostPort.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/'))) {
        throw new ValidationException("dnsServer", "'" + hostPort + "' is not host[:port]");
      }
      this.dnsServer = hostPort;
      return this;
    }

    /** Replaces the resolver of the test email's addresses (tests only). */
    Builder addressResolver(AddressResolver resolver) {
      this.addresses = requireNonNull(resolver, "resolver");
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Builds the transport. No connection is opened until the first send.
     *
     * @return the transport; close it when done
     * @throws ValidationException if the TLS material cannot be used
     */
    public SmtpTransport build() {
      return new SmtpTransport(this, templates(), recipientResolver(), clock());
    }
  }
}
