package io.pamkit.notify.email;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.notify.TransportRegistry;
import io.pamkit.notify.spi.NotificationTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transport for the {@code Email} channel that holds several email transports (SMTP, SendGrid,
 * EWS...) ordered by priority, lowest number first, and fails over to the next when one fails.
 *
 * {@snippet :
 * EmailProviderChain email = EmailProviderChain.builder()
 *     .provider("smtp", 0, smtpTransport)
 *     .provider("sendgrid", 10, sendGridTransport)
 *     .build();
 * DeliveryReceipt r = email.send(notification); // r.transportId() is "smtp" or "sendgrid"
 * }
 *
 * <p>Rules:
 * <ul>
 *   <li>Each provider runs behind {@link TransportRegistry#guard}: an exception it lets escape is
 *       a {@code TRANSIENT} failure, and the next provider is tried.
 *   <li>{@code TRANSIENT}, {@code RATE_LIMITED} and {@code PERMANENT_TRANSPORT} failures fail
 *       over: the next provider may well deliver.
 *   <li>A {@code PERMANENT_MESSAGE} failure stops the chain: the message itself is bad (no
 *       address, a refused recipient), and no provider will deliver it.
 *   <li>A {@link DeliveryOutcomeUnknownException} (the request was sent but no answer came)
 *       stops the chain too, as the email may already be on its way; the dispatcher retries
 *       later, primary first, with the same {@code Message-ID}.
 *   <li>The receipt's {@link DeliveryReceipt#transportId()} is the name of the provider that
 *       delivered; its message id is that provider's.
 *   <li>When every provider fails, the failure reports the strongest reason, the one that keeps
 *       the notification alive longest: {@code TRANSIENT} if any provider failed transiently,
 *       else {@code RATE_LIMITED} (with the shortest retry-after any provider gave) if any was
 *       rate-limited, else {@code PERMANENT_TRANSPORT}. Its message lists every provider's
 *       reason, and each provider's exception is attached as suppressed.
 *   <li>A delivery by a fallback is logged as a warning and reported to the {@link
 *       FailoverListener}, so a broken primary is noticed.
 * </ul>
 *
 * <p>Thread-safe when its providers are.
 */
public final class EmailProviderChain implements NotificationTransport {
  private static final Logger LOG = LoggerFactory.getLogger(EmailProviderChain.class);

  private final String channel;
  private final List<EmailProvider> providers;
  private final List<NotificationTransport> guarded;
  private final FailoverListener listener;

  private EmailProviderChain(Builder b) {
    this.channel = b.channel;
    List<EmailProvider> sorted = new ArrayList<>(b.providers);
    sorted.sort(Comparator.comparingInt(EmailProvider::priority)); // stable: ties keep order
    this.providers = List.copyOf(sorted);
    List<NotificationTransport> g = new ArrayList<>();
    for (EmailProvider p : providers) {
      g.add(TransportRegistry.guard(p.transport()));
    }
    this.guarded = List.copyOf(g);
    this.listener = b.listener;
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
  public String id() {
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
    List<DeliveryException> failures = new ArrayList<>();
    for (int i = 0; i < providers.size(); i++) {
      EmailProvider p = providers.get(i);
      DeliveryReceipt r;
      try {
        r = guarded.get(i).send(notification);
      } catch (DeliveryException e) {
        if (e instanceof DeliveryOutcomeUnknownException) {
          throw stop(new DeliveryOutcomeUnknownException(channel, "email provider " + p.name()
              + " may have accepted the message; not failing over, to avoid a duplicate: "
              + e.getMessage(), e), failures);
        }
        if (e.failureType() == FailureType.PERMANENT_MESSAGE) {
          throw stop(new DeliveryException(channel, FailureType.PERMANENT_MESSAGE,
              "email provider " + p.name() + " refused the message (no other provider is"
                  + " tried): " + e.getMessage(), e), failures);
        }
        failures.add(e);
        LOG.debug("email provider {} failed for {}: {} {}", p.name(),
            notification.idempotencyKey(), e.failureType(), e.getMessage());
        continue;
      }
      if (!failures.isEmpty()) {
        LOG.warn("email for {} delivered by fallback provider {} after {} failure(s): {}",
            notification.idempotencyKey(), p.name(), failures.size(), describe(failures));
        try {
          listener.failedOver(notification, List.copyOf(failures), p.name());
        } catch (RuntimeException le) {
          LOG.warn("failover listener failed: {}", le.toString());
        }
      }
      return new DeliveryReceipt(p.name(), r.peerMessageId(), r.deliveredAt());
    }
    throw allFailed(failures);
  }

  private static DeliveryException stop(DeliveryException e, List<DeliveryException> before) {
    before.forEach(e::addSuppressed);
    return e;
  }

  private DeliveryException allFailed(List<DeliveryException> failures) {
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
    DeliveryException e = new DeliveryException(channel, type, "all " + failures.size()
        + " email providers failed: " + describe(failures),
        type == FailureType.RATE_LIMITED ? retryAfter : null, null);
    failures.forEach(e::addSuppressed);
    return e;
  }

  private String describe(List<DeliveryException> failures) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < failures.size(); i++) {
      DeliveryException f = failures.get(i);
      EmailProvider p = providers.get(i);
      parts.add(p.name() + " (priority " + p.priority() + "): " + f.failureType()
          + f.retryAfter().map(d -> " retry after " + d).orElse("") + ": " + f.getMessage());
    }
    return String.join("; ", parts);
  }

  /** Closes every provider; a failure to close one is logged and does not stop the others. */
  @Override
  public void close() {
    for (NotificationTransport t : guarded) {
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

    private Builder() {}

    /**
     * Adds a provider.
     *
     * @param name a unique name, e.g. {@code "smtp"}
     * @param priority lower numbers are tried first; ties keep the order added
     * @param transport the email transport
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or already used
     */
    public Builder provider(String name, int priority, NotificationTransport transport) {
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
      requireNonNull(channel, "channel");
      if (channel.isBlank()) {
        throw new IllegalArgumentException("channel must not be blank");
      }
      this.channel = channel;
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
