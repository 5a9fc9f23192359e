// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.template.EmailTemplates;
import java.time.Clock;

/**
 * What every email transport (SMTP, SendGrid, EWS, Graph) does the same way before its own wire
 * format: it refuses a send once closed and renders the notification's email for its recipients
 * with the templates set on its builder; and it reads one clock. Thread-safe.
 */
public final class EmailSending {
  private final String channel;
  private final EmailTemplates templates;
  private final RecipientResolver recipients;
  private final Clock clock;
  private volatile boolean closed;

  /**
   * Creates the shared part of a transport.
   *
   * @param channel the transport's channel, the id failures are reported under
   * @param templates the templates emails are rendered with
   * @param recipients the resolver of users' addresses
   * @param clock the clock of receipts and {@code Retry-After} dates
   */
  public EmailSending(
      String channel, EmailTemplates templates, RecipientResolver recipients, Clock clock) {
    this.channel = requireNonNull(channel, "channel");
    this.templates = requireNonNull(templates, "templates");
    this.recipients = requireNonNull(recipients, "recipients");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * The opening of every HTTP transport's {@code send}: refuses a closed transport, then prepares
   * the email.
   *
   * @param notification the notification
   * @param sender the From address
   * @return the email
   * @throws DeliveryException {@code PERMANENT_TRANSPORT} when closed; else as {@link #prepare}
   */
  public OutboundEmail openAndPrepare(Notification notification, String sender) {
    requireNonNull(notification, "notification");
    EmailHttp.checkOpen(closed, channel);
    return prepare(notification, sender);
  }

  /**
   * Prepares the notification's email (for a transport that checks being closed itself, under its
   * own lock).
   *
   * @param notification the notification
   * @param sender the From address
   * @return the email
   * @throws DeliveryException as {@link OutboundEmail#prepare}
   */
  public OutboundEmail prepare(Notification notification, String sender) {
    requireNonNull(notification, "notification");
    return OutboundEmail.prepare(channel, notification, sender, templates, recipients);
  }

  /** Marks the transport closed: later sends are refused. */
  public void close() {
    closed = true;
  }

  /**
   * Returns the clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }
}
