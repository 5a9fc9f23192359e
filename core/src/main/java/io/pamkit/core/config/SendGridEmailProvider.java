package io.pamkit.core.config;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.net.EmailAddress;
import io.pamkit.core.secret.Secret;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SendGrid (v3 Mail Send API) provider of the email chain. Needs an API key and a From address
 * whose domain is authenticated in SendGrid.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}.
 */
public final class SendGridEmailProvider implements EmailProvider {

  /** The SendGrid region whose API host is used. */
  public enum Region {
    /** {@code https://api.sendgrid.com}. */
    Global,
    /** {@code https://api.eu.sendgrid.com}, for EU-pinned subusers and keys. */
    Eu
  }

  private final String name;
  private final int priority;
  private final Secret apiKey;
  private final EmailAddress senderEmail;
  private final Region region;
  private final URI endpoint;
  private final boolean sandboxMode;

  private SendGridEmailProvider(Builder b, Secret apiKey, EmailAddress senderEmail, URI endpoint) {
    this.name = b.name;
    this.priority = b.priority;
    this.apiKey = apiKey;
    this.senderEmail = senderEmail;
    this.region = b.region;
    this.endpoint = endpoint;
    this.sandboxMode = b.sandboxMode;
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
   * Returns a builder holding these values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.priority = priority;
    b.apiKey = apiKey;
    b.senderEmail = senderEmail;
    b.region = region;
    b.endpoint = endpoint;
    b.sandboxMode = sandboxMode;
    return b;
  }

  /** @return {@code "SendGrid"} */
  @Override
  public String type() {
    return "SendGrid";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int priority() {
    return priority;
  }

  /** @return {@code ApiKey}: the SendGrid API key */
  public Secret apiKey() {
    return apiKey;
  }

  /** @return {@code SenderEmail}: the From address */
  public EmailAddress senderEmail() {
    return senderEmail;
  }

  /** @return {@code Region}: default {@link Region#Global} */
  public Region region() {
    return region;
  }

  /** @return {@code Endpoint}: the API base URL; default the region's host */
  public URI endpoint() {
    return endpoint;
  }

  /** @return {@code SandboxMode}: SendGrid validates but does not deliver; default false */
  public boolean sandboxMode() {
    return sandboxMode;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof SendGridEmailProvider)) {
      return false;
    }
    SendGridEmailProvider p = (SendGridEmailProvider) o;
    return name.equals(p.name) && priority == p.priority && apiKey.equals(p.apiKey)
        && senderEmail.equals(p.senderEmail) && region == p.region && endpoint.equals(p.endpoint)
        && sandboxMode == p.sandboxMode;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, priority, senderEmail, endpoint);
  }

  /** Returns the name, priority, sender and endpoint; never the API key. */
  @Override
  public String toString() {
    return "SendGridEmailProvider{" + name + ", priority=" + priority + ", from=" + senderEmail
        + ", " + endpoint + (sandboxMode ? ", sandbox" : "") + "}";
  }

  /** Builds {@link SendGridEmailProvider}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private String name = "SendGrid";
    private int priority;
    private @Nullable Secret apiKey;
    private @Nullable EmailAddress senderEmail;
    private Region region = Region.Global;
    private @Nullable URI endpoint;
    private boolean sandboxMode;

    private Builder() {}

    /**
     * Sets {@code Name}. Default: {@code "SendGrid"}.
     *
     * @param name 1 to 255 characters
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Checks.required("Name", name, 1, 255);
      return this;
    }

    /**
     * Sets {@code Priority}. Default: 0.
     *
     * @param priority 0 or more; lower is tried first
     * @return this builder
     */
    public Builder priority(int priority) {
      this.priority = Checks.range("Priority", priority, 0, Integer.MAX_VALUE);
      return this;
    }

    /**
     * Sets {@code ApiKey}. Required.
     *
     * @param apiKey the API key; not empty
     * @return this builder
     */
    public Builder apiKey(Secret apiKey) {
      requireNonNull(apiKey, "ApiKey");
      if (apiKey.isEmpty()) {
        throw new ValidationException("ApiKey", "is empty");
      }
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Sets {@code SenderEmail}. Required.
     *
     * @param sender an RFC 5322 mailbox of at most 512 characters
     * @return this builder
     */
    public Builder senderEmail(String sender) {
      this.senderEmail = EmailAddress.parse("SenderEmail", requireNonNull(sender, "SenderEmail"));
      return this;
    }

    /**
     * Sets {@code Region}. Default: {@link Region#Global}.
     *
     * @param region the region
     * @return this builder
     */
    public Builder region(Region region) {
      this.region = requireNonNull(region, "Region");
      return this;
    }

    /**
     * Sets {@code Endpoint}, the API base URL (for a proxy or a test server). Default: {@code
     * https://api.sendgrid.com}, or {@code https://api.eu.sendgrid.com} for {@link Region#Eu}.
     *
     * @param endpoint an absolute https URL, or null for the region's default
     * @return this builder
     */
    public Builder endpoint(@Nullable String endpoint) {
      this.endpoint = endpoint == null ? null : Checks.httpsUrl("Endpoint", endpoint);
      return this;
    }

    /**
     * Sets {@code SandboxMode}. Default: false.
     *
     * @param sandbox whether SendGrid only validates requests
     * @return this builder
     */
    public Builder sandboxMode(boolean sandbox) {
      this.sandboxMode = sandbox;
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     * @throws ValidationException if {@code ApiKey} or {@code SenderEmail} is missing
     */
    public SendGridEmailProvider build() {
      java.util.List<io.pamkit.core.Violation> v = new java.util.ArrayList<>();
      if (apiKey == null) {
        v.add(new io.pamkit.core.Violation("ApiKey", "is required"));
      }
      if (senderEmail == null) {
        v.add(new io.pamkit.core.Violation("SenderEmail", "is required"));
      }
      if (apiKey == null || senderEmail == null) {
        throw new ValidationException(v);
      }
      URI url = endpoint != null ? endpoint : URI.create(
          region == Region.Eu ? "https://api.eu.sendgrid.com" : "https://api.sendgrid.com");
      return new SendGridEmailProvider(this, apiKey, senderEmail, url);
    }
  }
}
