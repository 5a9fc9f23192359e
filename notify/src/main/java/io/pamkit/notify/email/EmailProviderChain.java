// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.notify.email.internal.SettingsChecks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transport for the {@code Email} channel that holds several email transports (SMTP, SendGrid,
 * EWS...) ordered by priority, lowest number first, and fails over to the next when one fails.
 *
 * <pre>{@code
 * EmailProviderChain email = EmailProviderChain.builder()
 *     .provider("smtp", 0, smtpTransport)
 *     .provider("sendgrid", 10, sendGridTransport)
 *     .build();
 * DeliveryReceipt r = email.send(notification); // r.transportId() is "smtp" or "sendgrid"
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Providers are not transports here: an unchecked exception a provider lets escape leaves the
 *       chain, and the dispatcher's lane (the one guard of every transport) counts it as a {@code
 *       TRANSIENT} failure of the whole chain.
 *   <li>{@code TRANSIENT}, {@code RATE_LIMITED} and {@code PERMANENT_TRANSPORT} failures fail over:
 *       the next provider may well deliver.
 *   <li>A {@code PERMANENT_MESSAGE} failure stops the chain: the message itself is bad (no address,
 *       a refused recipient), and no provider will deliver it.
 *   <li>A {@link DeliveryOutcomeUnknownException} (the request was sent but no answer came: an SMTP
 *       time-out or lost connection after the end of {@code DATA}, an HTTP provider's lost
 *       response) stops the chain too, as the email may already be on its way. The notification is
 *       then pinned to that provider: the dispatcher's retries go to it alone (with the same {@code
 *       Message-ID} or idempotency key, which lets the receiver drop a duplicate), never to another
 *       provider, until it succeeds or refuses the message. Pins are kept in memory for the last
 *       {@value #MAX_PINNED} notifications.
 *   <li>The receipt's {@link DeliveryReceipt#transportId()} is the name of the provider that
 *       delivered; its message id is that provider's.
 *   <li>When every provider fails, the failure reports the strongest reason, the one that keeps the
 *       notification alive longest: {@code TRANSIENT} if any provider failed transiently, else
 *       {@code RATE_LIMITED} (with the shortest retry-after any provider gave) if any was
 *       rate-limited, else {@code PERMANENT_TRANSPORT}. Its message lists every provider's reason,
 *       and each provider's exception is attached as suppressed.
 *   <li>A delivery by a fallback is logged as a warning and reported to the {@link
 *       FailoverListener}, so a broken primary is noticed.
 *   <li>A provider that failed {@code RATE_LIMITED} with a retry-after is skipped until that time,
 *       and one that failed {@code PERMANENT_TRANSPORT} for the {@linkplain Builder#cooldown
 *       cool-down}, so that the next emails go straight to a working provider instead of knocking
 *       on a broken one first. A success clears it. When every provider is cooling down, all are
 *       tried anyway: cooling down only reorders, it never drops an email.
 * </ul>
 *
 * <p>Thread-safe when its providers are.
 */
public final class EmailProviderChain implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(EmailProviderChain.class);
  private static final int MAX_PINNED = 100_000;

  private final String channel;
  private final List<EmailProvider> providers;
  private final List<Transport> transports;
  private final FailoverListener listener;
  private final Clock clock;
  private final Duration cooldown;
  private final AtomicReferenceArray<Instant> coolingUntil;

  /** Idempotency key → index of the provider whose outcome was unknown. Guarded by itself. */
  private final Map<String, Integer> pinned =
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          return size() > MAX_PINNED;
        }
      };

  private EmailProviderChain(Builder b) {
    this.channel = b.channel;
    List<EmailProvider> sorted = new ArrayList<>(b.providers);
    sorted.sort(Comparator.comparingInt(EmailProvider::priority)); // stable: ties keep order
    this.providers = List.copyOf(sorted);
    List<Transport> g = new ArrayList<>();
    for (EmailProvider p : providers) {
      g.add(p.transport());
    }
    this.transports = List.copyOf(g);
    this.listener = b.listener;
    this.clock = b.clock;
    this.cooldown = b.cooldown;
    this.coolingUntil = new AtomicReferenceArray<>(providers.size());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the channel this chain serves.
   *
   * @return the channel id, {@code "Email"} by default
   */
  @Override
  public String channel() {
    return channel;
  }

  /**
   * Returns the providers in the order they are tried.
   *
   * @return an immutable list
   */
  public List<EmailProvider> providers() {
    return providers;
  }

  /**
   * Sends through the first provider that delivers.
   *
   * @param notification the notification
   * @return the receipt of the provider that delivered, named by {@link EmailProvider#name()}
   * @throws DeliveryException as described in the class comment
   */
  @Override
  public DeliveryReceipt send(Notification notification) {
    requireNonNull(notification, "notification");
    Integer pin;
    synchronized (pinned) {
      pin = pinned.get(notification.idempotencyKey());
    }
    if (pin != null) {
      return sendPinned(notification, pin);
    }
    List<Integer> order = order();
    List<Integer> failed = new ArrayList<>();
    List<DeliveryException> failures = new ArrayList<>();
    for (int i : order) {
      EmailProvider p = providers.get(i);
      DeliveryReceipt r;
      try {
        r = transports.get(i).send(notification);
      } catch (DeliveryException e) {
        if (e instanceof DeliveryOutcomeUnknownException) {
          synchronized (pinned) {
            pinned.put(notification.idempotencyKey(), i);
          }
          throw stop(
              new DeliveryOutcomeUnknownException(
                  channel,
                  "email provider "
                      + p.name()
                      + " may have accepted the message; not failing over, to avoid a duplicate: "
                      + e.getMessage(),
                  e),
              failures);
        }
        if (e.failureType() == FailureType.PERMANENT_MESSAGE) {
          throw stop(
              new DeliveryException(
                  channel,
                  FailureType.PERMANENT_MESSAGE,
                  "email provider "
                      + p.name()
                      + " refused the message (no other provider is"
                      + " tried): "
                      + e.getMessage(),
                  e),
              failures);
        }
        coolDown(i, e);
        failed.add(i);
        failures.add(e);
        LOG.debug(
            "email provider {} failed for {}: {} {}",
            p.name(),
            notification.idempotencyKey(),
            e.failureType(),
            e.getMessage());
        continue;
      }
      coolingUntil.set(i, null);
      if (!failures.isEmpty()) {
        LOG.warn(
            "email for {} delivered by fallback provider {} after {} failure(s): {}",
            notification.idempotencyKey(),
            p.name(),
            failures.size(),
            describe(failed, failures));
        try {
          listener.failedOver(
              notification,
              List.copyOf(failures),
              failed.stream().map(k -> providers.get(k).name()).toList(),
              p.name());
        } catch (RuntimeException le) {
          LOG.warn("failover listener failed: {}", le.toString());
        }
      }
      return new DeliveryReceipt(p.name(), r.peerMessageId(), r.deliveredAt(), r.assurance());
    }
    throw allFailed(failed, failures, order.size() < providers.size());
  }

  /**
   * Retries a notification whose outcome at provider {@code i} was unknown on that provider alone:
   * another provider could deliver it a second time.
   */
  private DeliveryReceipt sendPinned(Notification notification, int i) {
    EmailProvider p = providers.get(i);
    DeliveryReceipt r;
    try {
      r = transports.get(i).send(notification);
    } catch (DeliveryException e) {
      if (e.failureType() == FailureType.PERMANENT_MESSAGE) {
        unpin(notification);
        throw e;
      }
      throw new DeliveryException(
          channel,
          e.failureType(),
          "email provider "
              + p.name()
              + " may already have accepted this message earlier"
              + " (outcome unknown); retrying on it alone, not failing over: "
              + e.getMessage(),
          e.retryAfter().orElse(null),
          e);
    }
    unpin(notification);
    coolingUntil.set(i, null);
    return new DeliveryReceipt(p.name(), r.peerMessageId(), r.deliveredAt(), r.assurance());
  }

  private void unpin(Notification notification) {
    synchronized (pinned) {
      pinned.remove(notification.idempotencyKey());
    }
  }

  /** Returns the indexes of the providers to try: those not cooling down, else all. */
  private List<Integer> order() {
    Instant now = clock.instant();
    List<Integer> ready = new ArrayList<>();
    for (int i = 0; i < providers.size(); i++) {
      Instant until = coolingUntil.get(i);
      if (until == null || !now.isBefore(until)) {
        ready.add(i);
      } else {
        LOG.debug(
            "email provider {} is cooling down until {}; skipped", providers.get(i).name(), until);
      }
    }
    if (ready.isEmpty()) {
      for (int i = 0; i < providers.size(); i++) {
        ready.add(i);
      }
    }
    return ready;
  }

  private void coolDown(int i, DeliveryException e) {
    Duration d = null;
    if (e.failureType() == FailureType.RATE_LIMITED) {
      d = e.retryAfter().orElse(null);
    } else if (e.failureType() == FailureType.PERMANENT_TRANSPORT) {
      d = cooldown;
    }
    coolingUntil.set(i, d == null || d.isZero() ? null : clock.instant().plus(d));
  }

  private static DeliveryException stop(DeliveryException e, List<DeliveryException> before) {
    before.forEach(e::addSuppressed);
    return e;
  }

  private DeliveryException allFailed(
      List<Integer> failed, List<DeliveryException> failures, boolean skipped) {
    FailureType type = FailureType.PERMANENT_TRANSPORT;
    @Nullable Duration retryAfter = null;
    boolean rateLimited = false;
    for (DeliveryException e : failures) {
      if (e.failureType() == FailureType.TRANSIENT) {
        type = FailureType.TRANSIENT;
      } else if (e.failureType() == FailureType.RATE_LIMITED) {
        rateLimited = true;
        Duration d = e.retryAfter().orElse(null);
        if (d != null && (retryAfter == null || d.compareTo(retryAfter) < 0)) {
          retryAfter = d;
        }
      }
    }
    if (type != FailureType.TRANSIENT && rateLimited) {
      type = FailureType.RATE_LIMITED;
    }
    if (skipped && type == FailureType.PERMANENT_TRANSPORT) {
      // a provider skipped while cooling down may work again later: keep the email alive
      type = FailureType.TRANSIENT;
    }
    String head =
        skipped
            ? failures.size()
                + " of "
                + providers.size()
                + " email providers failed, the others are"
                + " cooling down: "
            : "all " + failures.size() + " email providers failed: ";
    DeliveryException e =
        new DeliveryException(
            channel,
            type,
            head + describe(failed, failures),
            type == FailureType.RATE_LIMITED ? retryAfter : null,
            null);
    failures.forEach(e::addSuppressed);
    return e;
  }

  private String describe(List<Integer> failed, List<DeliveryException> failures) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < failures.size(); k++) {
      DeliveryException f = failures.get(k);
      EmailProvider p = providers.get(failed.get(k));
      parts.add(
          p.name()
              + " (priority "
              + p.priority()
              + "): "
              + f.failureType()
              + f.retryAfter().map(d -> " retry after " + d).orElse("")
              + ": "
              + f.getMessage());
    }
    return String.join("; ", parts);
  }

  /** Closes every provider; a failure to close one is logged and does not stop the others. */
  @Override
  public void close() {
    for (Transport t : transports) {
      t.close();
    }
  }

  /** Returns the channel and the providers' names and priorities. */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    providers.forEach(p -> names.add(p.name() + "@" + p.priority()));
    return "EmailProviderChain{" + channel + ", " + names + "}";
  }

  /** Builds {@link EmailProviderChain}s. Not thread-safe. */
  public static final class Builder {
    private String channel = "Email";
    private final List<EmailProvider> providers = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private FailoverListener listener = FailoverListener.NONE;
    private Clock clock = Clock.systemUTC();
    private Duration cooldown = Duration.ofMinutes(1);

    private Builder() {}

    /**
     * Sets how long a provider that failed {@code PERMANENT_TRANSPORT} (bad credentials, an
     * untrusted certificate) is skipped while other providers are available. Default: 1 minute.
     * Zero never skips. A {@code RATE_LIMITED} provider is skipped for its own retry-after.
     *
     * @param cooldown zero or positive
     * @return this builder
     */
    public Builder cooldown(Duration cooldown) {
      requireNonNull(cooldown, "cooldown");
      if (cooldown.isNegative()) {
        throw new IllegalArgumentException("cooldown must not be negative: " + cooldown);
      }
      this.cooldown = cooldown;
      return this;
    }

    /**
     * Sets the clock cool-downs are measured with. Default: the system clock (UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds a provider.
     *
     * @param name a unique name, e.g. {@code "smtp"}
     * @param priority lower numbers are tried first; ties keep the order added
     * @param transport the email transport
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or already used
     */
    public Builder provider(String name, int priority, Transport transport) {
      return provider(new EmailProvider(name, priority, transport));
    }

    /**
     * Adds a provider.
     *
     * @param provider the provider
     * @return this builder
     * @throws IllegalArgumentException if its name is already used
     */
    public Builder provider(EmailProvider provider) {
      requireNonNull(provider, "provider");
      if (!names.add(provider.name())) {
        throw new IllegalArgumentException("duplicate email provider name: " + provider.name());
      }
      providers.add(provider);
      return this;
    }

    /**
     * Sets the channel the chain serves. Default: {@code "Email"}.
     *
     * @param channel the subscribers' {@code Type}; not blank
     * @return this builder
     */
    public Builder channel(String channel) {
      this.channel = SettingsChecks.channel(channel);
      return this;
    }

    /**
     * Sets the listener told of deliveries by a fallback. Default: {@link FailoverListener#NONE}.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder failoverListener(FailoverListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the chain.
     *
     * @return the chain; closing it closes its providers
     * @throws IllegalStateException if no provider was added
     */
    public EmailProviderChain build() {
      if (providers.isEmpty()) {
        throw new IllegalStateException("an email provider chain needs at least one provider");
      }
      return new EmailProviderChain(this);
    }
  }
}
