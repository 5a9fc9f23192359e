// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

/**
 * The jakarta.mail SMTP transport, told apart from the stock one by one fact: whether the current
 * message's terminating {@code "."} after {@code DATA} was sent. A failure before it (connect,
 * {@code MAIL FROM}, {@code RCPT TO}, {@code DATA}, the content) means the server did not take the
 * message; a failure after it (a time-out or a lost connection while waiting for the {@code 250})
 * means the server may have queued it: the outcome is unknown.
 *
 * <p>Created with {@link #create} instead of {@code Session.getTransport}.
 */
public class OutcomeTrackingSmtpTransport extends SMTPTransport {
  private volatile boolean messageSent;

  /**
   * Creates the transport.
   *
   * @param session the session
   * @param urlname the URL name, or null
   */
  OutcomeTrackingSmtpTransport(Session session, @Nullable URLName urlname) {
    super(session, urlname);
  }

  /**
   * Creates the transport for a subclass.
   *
   * @param session the session
   * @param urlname the URL name, or null
   * @param name the protocol name
   * @param isSsl whether the connection starts with TLS
   */
  protected OutcomeTrackingSmtpTransport(
      Session session, @Nullable URLName urlname, String name, boolean isSsl) {
    super(session, urlname, name, isSsl);
  }

  /**
   * Creates the transport for a session, as {@code session.getTransport("smtp")} (or {@code
   * "smtps"}) would.
   *
   * @param session the session holding the {@code mail.smtp.*} or {@code mail.smtps.*} settings
   * @param smtps true for TLS from the first byte
   * @return the unconnected transport
   */
  public static OutcomeTrackingSmtpTransport create(Session session, boolean smtps) {
    URLName name = new URLName(smtps ? "smtps" : "smtp", null, -1, null, null, null);
    return smtps ? new Ssl(session, name) : new OutcomeTrackingSmtpTransport(session, name);
  }

  /**
   * Returns whether the last message's end of data was sent to the server, so that a failure since
   * then leaves the outcome unknown.
   *
   * @return true once the terminating {@code "."} of the current message was sent
   */
  public boolean endOfDataSent() {
    return messageSent;
  }

  @Override
  protected void mailFrom() throws MessagingException {
    messageSent = false;
    super.mailFrom();
  }

  @Override
  protected void finishData() throws IOException, MessagingException {
    // From here on the server may have the whole message, whatever happens to its answer.
    messageSent = true;
    super.finishData();
  }

  /** The same for SMTP over TLS from the first byte ({@code smtps}). */
  public static final class Ssl extends OutcomeTrackingSmtpTransport {
    /**
     * Creates the transport.
     *
     * @param session the session
     * @param urlname the URL name, or null
     */
    Ssl(Session session, @Nullable URLName urlname) {
      super(session, urlname, "smtps", true);
    }
  }
}
