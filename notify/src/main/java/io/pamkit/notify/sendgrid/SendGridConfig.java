// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.sendgrid;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.internal.Text;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.HttpEmailSettings;
import io.pamkit.notify.email.internal.OutboundEmail;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link SendGridTransport}: the API key, the sender, the region (global or EU
 * data residency), sandbox mode and timeouts.
 *
 * <pre>{@code
 * SendGridConfig config = SendGridConfig.builder()
 *     .apiKey(Secret.of(apiKey)) // e.g. from System.getenv("SENDGRID_API_KEY")
 *     .senderEmail("pam@example.com")
 *     .euDataResidency(true)
 *     .build();
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p>Immutable and thread-safe; the builder is not. {@link #toString()} never shows the key.
 */
public final class SendGridConfig extends HttpEmailSettings {
  private static final URI GLOBAL = URI.create("https://api.sendgrid.com");
  private static final URI EU = URI.create("https://api.eu.sendgrid.com");

  private final Secret apiKey;
  private final String senderEmail;
  private final @Nullable String senderName;
  private final boolean euDataResidency;
  private final @Nullable URI baseUri;
  private final boolean sandboxMode;

  private SendGridConfig(Builder b) {
    super(b);
    this.apiKey = requireNonNull(b.apiKey);
    this.senderEmail = b.senderEmail.strip();
    this.senderName = b.senderName;
    this.euDataResidency = b.euDataResidency;
    this.baseUri = b.baseUri;
    this.sandboxMode = b.sandboxMode;
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = copyTo(new Builder());
    b.apiKey = apiKey;
    b.senderEmail = senderEmail;
    b.senderName = senderName;
    b.euDataResidency = euDataResidency;
    b.baseUri = baseUri;
    b.sandboxMode = sandboxMode;
    return b;
  }

  /**
   * Returns the API key. Only the transport reads it, to build the {@code Authorization} header.
   *
   * @return the key
   */
  Secret apiKey() {
    return apiKey;
  }

  /**
   * Returns the From address.
   *
   * @return the sender address
   */
  public String senderEmail() {
    return senderEmail;
  }

  /**
   * Returns the From display name.
   *
   * @return the name, or empty
   */
  public Optional<String> senderName() {
    return Optional.ofNullable(senderName);
  }

  /**
   * Returns whether the account uses EU data residency (host {@code api.eu.sendgrid.com}).
   *
   * @return true for the EU region
   */
  public boolean euDataResidency() {
    return euDataResidency;
  }

  /**
   * Returns the base URI requests go to: the one set with {@link Builder#baseUri}, else {@code
   * https://api.eu.sendgrid.com} with EU data residency, else {@code https://api.sendgrid.com}.
   *
   * @return the base URI
   */
  public URI baseUri() {
    return baseUri != null ? baseUri : euDataResidency ? EU : GLOBAL;
  }

  /**
   * Returns the Mail Send endpoint, {@code baseUri() + "/v3/mail/send"}.
   *
   * @return the endpoint
   */
  public URI mailSendUri() {
    String base = baseUri().toString();
    return URI.create(
        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v3/mail/send");
  }

  /**
   * Returns whether sandbox mode is on: SendGrid validates each request and answers 200, but
   * delivers nothing.
   *
   * @return true in sandbox mode
   */
  public boolean sandboxMode() {
    return sandboxMode;
  }

  /** Returns the settings; the API key is shown as {@code ******}. */
  @Override
  public String toString() {
    return "SendGridConfig{endpoint="
        + mailSendUri()
        + ", apiKey="
        + apiKey
        + ", senderEmail="
        + senderEmail
        + ", sandboxMode="
        + sandboxMode
        + ", timeouts="
        + connectTimeout()
        + "/"
        + requestTimeout()
        + ", channel="
        + channel()
        + "}";
  }

  /** Builds {@link SendGridConfig}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder extends HttpEmailSettings.Builder<Builder> {
    private @Nullable Secret apiKey;
    private String senderEmail = "";
    private @Nullable String senderName;
    private boolean euDataResidency;
    private @Nullable URI baseUri;
    private boolean sandboxMode;

    private Builder() {
      super(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets the API key (needs the {@code mail.send} scope). Required.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(Secret apiKey) {
      this.apiKey = requireNonNull(apiKey, "apiKey");
      return this;
    }

    /**
     * Sets the From address, a sender verified in SendGrid (single sender or authenticated domain).
     * Required. SendGrid refuses Unicode in {@code from}.
     *
     * @param senderEmail a single ASCII address, at most 512 characters
     * @return this builder
     */
    public Builder senderEmail(String senderEmail) {
      this.senderEmail = requireNonNull(senderEmail, "senderEmail");
      return this;
    }

    /**
     * Sets the From display name. Default: none.
     *
     * @param senderName the name, without {@code ;}, {@code ,} or control characters; null for none
     * @return this builder
     */
    public Builder senderName(@Nullable String senderName) {
      this.senderName = senderName;
      return this;
    }

    /**
     * Sets EU data residency: requests go to {@code https://api.eu.sendgrid.com}, the only host
     * that accepts an EU sub-user's key. Default: false (global host {@code api.sendgrid.com}).
     *
     * @param eu true for the EU region
     * @return this builder
     */
    public Builder euDataResidency(boolean eu) {
      this.euDataResidency = eu;
      return this;
    }

    /**
     * Sets the base URI, overriding the region's host (a proxy, or a local test server). Default:
     * none (the region's host).
     *
     * @param baseUri an absolute {@code https} URI without query or fragment, or null
     * @return this builder
     * @throws ValidationException if the URI is not {@code https} or has a query or fragment
     */
    public Builder baseUri(@Nullable URI baseUri) {
      if (baseUri != null) {
        checkHttps("baseUri", baseUri);
      }
      this.baseUri = baseUri;
      return this;
    }

    /**
     * Sets sandbox mode ({@code mail_settings.sandbox_mode.enable}): SendGrid checks the request
     * and answers 200 without delivering. Default: false.
     *
     * @param sandboxMode true to deliver nothing
     * @return this builder
     */
    public Builder sandboxMode(boolean sandboxMode) {
      this.sandboxMode = sandboxMode;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws ValidationException listing every broken rule: a missing or empty key, a missing or
     *     invalid sender, a sender name with {@code ;} or {@code ,}
     */
    public SendGridConfig build() {
      List<Violation> v = new ArrayList<>();
      if (apiKey == null || apiKey.isEmpty()) {
        v.add(new Violation("apiKey", "is required"));
      } else if (apiKey.anyChar(c -> c <= 0x20 || c >= 0x7f)) {
        v.add(new Violation("apiKey", "must be printable ASCII without spaces"));
      }
      try {
        String s = OutboundEmail.checkAddress("senderEmail", senderEmail);
        if (!s.chars().allMatch(c -> c < 0x80)) {
          v.add(new Violation("senderEmail", "SendGrid refuses Unicode in the From address"));
        }
      } catch (ValidationException e) {
        v.addAll(e.violations());
      }
      if (senderName != null
          && (senderName.isBlank()
              || senderName.indexOf(';') >= 0
              || senderName.indexOf(',') >= 0
              || senderName.chars().anyMatch(Character::isISOControl))) {
        v.add(
            new Violation(
                "senderName",
                "'"
                    + senderName
                    + "' must not be blank or contain ';',"
                    + " ',' or control characters"));
      }
      checkCertificateTrust(v);
      if (!v.isEmpty()) {
        throw new ValidationException(v);
      }
      return new SendGridConfig(this);
    }
  }

  static void checkHttps(String path, URI uri) {
    if (!uri.isAbsolute()
        || uri.getScheme() == null
        || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
        || uri.getHost() == null) {
      throw new ValidationException(
          path,
          "'"
              + Text.redactedUrl(uri.toString())
              + "' is not an absolute https URI (plain"
              + " http would send the API key in clear text)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ValidationException(
          path, "'" + Text.redactedUrl(uri.toString()) + "' must not have a query or fragment");
    }
    if (uri.getRawUserInfo() != null) {
      throw new ValidationException(
          path, "must not contain user information; the API key is the credential");
    }
  }
}
