// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static java.util.Objects.requireNonNull;

import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.template.EmailTemplates;
import java.time.Clock;

/**
 * What every email transport's builder (SMTP, SendGrid, EWS, Graph) sets the same way: the
 * templates emails are rendered with, the resolver of users' addresses and the clock. Not
 * thread-safe; the last call to a setter wins.
 *
 * @param <B> the concrete builder, returned by the setters
 */
public abstract class EmailTransportBuilder<B extends EmailTransportBuilder<B>> {
  private EmailTemplates templates = EmailTemplates.defaults();
  private RecipientResolver recipients = RecipientResolver.none();
  private Clock clock = Clock.systemUTC();

  /** For the transports' builders. */
  protected EmailTransportBuilder() {}

  /**
   * Returns this builder as its concrete type.
   *
   * @return this
   */
  protected abstract B self();

  /**
   * Sets the templates emails are rendered with. Default: {@link EmailTemplates#defaults()}.
   *
   * @param templates the templates
   * @return this builder
   */
  public final B templates(EmailTemplates templates) {
    this.templates = requireNonNull(templates, "templates");
    return self();
  }

  /**
   * Sets the resolver of users' addresses, for subscribers with a {@code UserId}. Default: {@link
   * RecipientResolver#none()} (such notifications fail with {@code PERMANENT_MESSAGE}).
   *
   * @param resolver the resolver
   * @return this builder
   */
  public final B recipientResolver(RecipientResolver resolver) {
    this.recipients = requireNonNull(resolver, "resolver");
    return self();
  }

  /**
   * Sets the clock for receipts, {@code Date} headers and {@code Retry-After} dates. Default: the
   * system clock (UTC).
   *
   * @param clock the clock
   * @return this builder
   */
  public final B clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return self();
  }

  /**
   * Returns the templates set.
   *
   * @return the templates
   */
  protected final EmailTemplates templates() {
    return templates;
  }

  /**
   * Returns the resolver set.
   *
   * @return the resolver
   */
  protected final RecipientResolver recipientResolver() {
    return recipients;
  }

  /**
   * Returns the clock set.
   *
   * @return the clock
   */
  protected final Clock clock() {
    return clock;
  }
}
