package io.pamkit.core.config;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.net.EmailAddress;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An Exchange Web Services provider of the email chain (on-premises Exchange, or Exchange Online
 * at {@code https://outlook.office365.com/EWS/Exchange.asmx} until Microsoft removes EWS there).
 * The mailbox sends the email and is its From address; the account authenticates with a password
 * or through an {@code AccountReference} resolved by a {@link
 * io.pamkit.core.secret.CredentialResolver} (a vaulted password, as the seed describes).
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}.
 */
public final class EwsEmailProvider implements EmailProvider {
  private final String name;
  private final int priority;
  private final URI serviceUrl;
  private final EmailAddress mailbox;
  private final @Nullable String userName;
  private final @Nullable Secret password;
  private final @Nullable AccountReference accountReference;
  private final boolean verifySslCertificate;
  private final @Nullable String oauthTenant;
  private final @Nullable String oauthClientId;
  private final @Nullable Secret oauthClientSecret;

  private EwsEmailProvider(Builder b, URI serviceUrl, EmailAddress mailbox) {
    this.name = b.name;
    this.priority = b.priority;
    this.serviceUrl = serviceUrl;
    this.mailbox = mailbox;
    this.userName = b.userName;
    this.password = b.password;
    this.accountReference = b.accountReference;
    this.verifySslCertificate = b.verifySslCertificate;
    this.oauthTenant = b.oauthTenant;
    this.oauthClientId = b.oauthClientId;
    this.oauthClientSecret = b.oauthClientSecret;
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
    b.serviceUrl = serviceUrl;
    b.mailbox = mailbox;
    b.userName = userName;
    b.password = password;
    b.accountReference = accountReference;
    b.verifySslCertificate = verifySslCertificate;
    return b;
  }

  /** @return {@code "Ews"} */
  @Override
  public String type() {
    return "Ews";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int priority() {
    return priority;
  }

  /** @return {@code ServiceUrl}: the EWS endpoint, an https URL */
  public URI serviceUrl() {
    return serviceUrl;
  }

  /** @return {@code Mailbox}: the mailbox that sends, also the From address */
  public EmailAddress mailbox() {
    return mailbox;
  }

  /** @return {@code UserName}: the account to log in as; default the mailbox's address */
  public String userName() {
    return userName != null ? userName : mailbox.address();
  }

  /** @return {@code Password}, when authenticating by password */
  public Optional<Secret> password() {
    return Optional.ofNullable(password);
  }

  /** @return {@code AccountReference}, when the password is vaulted */
  public Optional<AccountReference> accountReference() {
    return Optional.ofNullable(accountReference);
  }

  /** @return {@code VerifySslCertificate}: default true */
  public boolean verifySslCertificate() {
    return verifySslCertificate;
  }

  /**
   * Returns the OAuth client-credentials settings, when the provider authenticates with an
   * app-only token (Exchange Online accepts nothing else).
   *
   * @return {@code OAuthTenant}, {@code OAuthClientId} and {@code OAuthClientSecret}, or empty
   */
  public Optional<OAuthClient> oauth() {
    return oauthTenant == null || oauthClientId == null || oauthClientSecret == null
        ? Optional.empty()
        : Optional.of(new OAuthClient(oauthTenant, oauthClientId, oauthClientSecret));
  }

  /**
   * An OAuth 2.0 client of the Microsoft identity platform (client-credentials grant).
   *
   * @param tenant {@code OAuthTenant}: the directory (tenant) id or domain
   * @param clientId {@code OAuthClientId}: the application (client) id
   * @param clientSecret {@code OAuthClientSecret}: the client secret
   */
  public record OAuthClient(String tenant, String clientId, Secret clientSecret) {

    /** Returns the tenant and client id; never the secret. */
    @Override
    public String toString() {
      return "OAuthClient{tenant=" + tenant + ", clientId=" + clientId + "}";
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof EwsEmailProvider)) {
      return false;
    }
    EwsEmailProvider p = (EwsEmailProvider) o;
    return name.equals(p.name) && priority == p.priority && serviceUrl.equals(p.serviceUrl)
        && mailbox.equals(p.mailbox) && Objects.equals(userName, p.userName)
        && Objects.equals(password, p.password)
        && Objects.equals(accountReference, p.accountReference)
        && verifySslCertificate == p.verifySslCertificate
        && Objects.equals(oauthTenant, p.oauthTenant)
        && Objects.equals(oauthClientId, p.oauthClientId)
        && Objects.equals(oauthClientSecret, p.oauthClientSecret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, priority, serviceUrl, mailbox);
  }

  /** Returns the name, priority, URL and account; never the password. */
  @Override
  public String toString() {
    return "EwsEmailProvider{" + name + ", priority=" + priority + ", " + serviceUrl + ", mailbox="
        + mailbox + ", account=" + (oauthClientId != null ? "oauth:" + oauthClientId
            : accountReference != null ? accountReference : userName()) + "}";
  }

  /** Builds {@link EwsEmailProvider}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private String name = "Ews";
    private int priority;
    private @Nullable URI serviceUrl;
    private @Nullable EmailAddress mailbox;
    private @Nullable String userName;
    private @Nullable Secret password;
    private @Nullable AccountReference accountReference;
    private boolean verifySslCertificate = true;
    private @Nullable String oauthTenant;
    private @Nullable String oauthClientId;
    private @Nullable Secret oauthClientSecret;

    private Builder() {}

    /**
     * Sets {@code OAuthTenant}, {@code OAuthClientId} and {@code OAuthClientSecret}: the provider
     * then authenticates with app-only OAuth tokens instead of a password. Default: none.
     *
     * @param tenant the directory (tenant) id or domain, 1 to 255 characters
     * @param clientId the application (client) id, 1 to 255 characters
     * @param clientSecret the client secret
     * @return this builder
     */
    public Builder oauth(String tenant, String clientId, Secret clientSecret) {
      this.oauthTenant = text("OAuthTenant", tenant);
      this.oauthClientId = text("OAuthClientId", clientId);
      this.oauthClientSecret = java.util.Objects.requireNonNull(clientSecret, "OAuthClientSecret");
      return this;
    }

    private static String text(String field, String value) {
      java.util.Objects.requireNonNull(value, field);
      if (value.isBlank() || value.length() > 255
          || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
        throw new ValidationException(field,
            "must be 1 to 255 characters without spaces or control characters");
      }
      return value;
    }

    /**
     * Sets {@code Name}. Default: {@code "Ews"}.
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
     * Sets {@code ServiceUrl}. Required.
     *
     * @param url an absolute https URL
     * @return this builder
     */
    public Builder serviceUrl(String url) {
      this.serviceUrl = Checks.httpsUrl("ServiceUrl", requireNonNull(url, "ServiceUrl"));
      return this;
    }

    /**
     * Sets {@code Mailbox}. Required.
     *
     * @param mailbox an RFC 5322 mailbox
     * @return this builder
     */
    public Builder mailbox(String mailbox) {
      this.mailbox = EmailAddress.parse("Mailbox", requireNonNull(mailbox, "Mailbox"));
      return this;
    }

    /**
     * Sets {@code UserName}. Default: the mailbox's address.
     *
     * @param userName 1 to 255 characters, or null
     * @return this builder
     */
    public Builder userName(@Nullable String userName) {
      this.userName = Checks.text("UserName", userName, 1, 255);
      return this;
    }

    /**
     * Sets {@code Password}. Give it or an account reference.
     *
     * @param password the password, or null
     * @return this builder
     */
    public Builder password(@Nullable Secret password) {
      this.password = password;
      return this;
    }

    /**
     * Sets {@code AccountReference}. Give it or a password.
     *
     * @param reference the vaulted account, or null
     * @return this builder
     */
    public Builder accountReference(@Nullable AccountReference reference) {
      this.accountReference = reference;
      return this;
    }

    /**
     * Sets {@code VerifySslCertificate}. Default: true.
     *
     * @param verify whether to verify the server's certificate and host name
     * @return this builder
     */
    public Builder verifySslCertificate(boolean verify) {
      this.verifySslCertificate = verify;
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     * @throws ValidationException if {@code ServiceUrl} or {@code Mailbox} is missing, or not
     *     exactly one of {@code Password}, {@code AccountReference} and the OAuth settings is
     *     given
     */
    public EwsEmailProvider build() {
      java.util.List<io.pamkit.core.Violation> v = new java.util.ArrayList<>();
      if (serviceUrl == null) {
        v.add(new io.pamkit.core.Violation("ServiceUrl", "is required"));
      }
      if (mailbox == null) {
        v.add(new io.pamkit.core.Violation("Mailbox", "is required"));
      }
      int ways = (password != null ? 1 : 0) + (accountReference != null ? 1 : 0)
          + (oauthClientId != null ? 1 : 0);
      if (ways != 1) {
        v.add(new io.pamkit.core.Violation("Password",
            "give exactly one of Password, AccountReference and the OAuth settings"
                + " (OAuthTenant, OAuthClientId, OAuthClientSecret)"));
      }
      if (serviceUrl == null || mailbox == null || !v.isEmpty()) {
        throw new ValidationException(v);
      }
      return new EwsEmailProvider(this, serviceUrl, mailbox);
    }
  }
}
