package io.pamkit.core.config;

import io.pamkit.core.ValidationException;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The appliance's {@code EmailClientConfigConnectionProperties}: the account an email server is
 * authenticated with, plus pamkit's {@code AccountReference}. The seed's two ways are
 * supported: <em>Password</em> (an account name and password, {@code ServiceAccountName} and
 * {@code ServiceAccountPassword}) and <em>Account</em> (a directory or asset account whose
 * password a {@link io.pamkit.core.secret.CredentialResolver} supplies, {@code
 * AccountReference}).
 *
 * <p>The schema's read-only fields ({@code ServiceAccountDomainName}, {@code
 * ServiceAccountHasPassword}, {@code EffectiveServiceAccountName}) are accepted when reading and
 * ignored. Immutable and thread-safe.
 */
public final class ConnectionProperties {
  private static final ConnectionProperties NONE = new Builder().build();

  private final @Nullable Integer serviceAccountId;
  private final @Nullable String serviceAccountName;
  private final @Nullable Secret serviceAccountPassword;
  private final @Nullable AccountReference accountReference;

  private ConnectionProperties(Builder b) {
    this.serviceAccountId = b.serviceAccountId;
    this.serviceAccountName = b.serviceAccountName;
    this.serviceAccountPassword = b.serviceAccountPassword;
    this.accountReference = b.accountReference;
  }

  /**
   * Returns the properties with nothing set.
   *
   * @return the empty properties
   */
  public static ConnectionProperties none() {
    return NONE;
  }

  /**
   * Starts a builder with nothing set.
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
    b.serviceAccountId = serviceAccountId;
    b.serviceAccountName = serviceAccountName;
    b.serviceAccountPassword = serviceAccountPassword;
    b.accountReference = accountReference;
    return b;
  }

  /** @return {@code ServiceAccountId}: the appliance's database id of the account, if set */
  public Optional<Integer> serviceAccountId() {
    return Optional.ofNullable(serviceAccountId);
  }

  /** @return {@code ServiceAccountName}: the account name, if set */
  public Optional<String> serviceAccountName() {
    return Optional.ofNullable(serviceAccountName);
  }

  /** @return {@code ServiceAccountPassword}: the password (write-only in the API), if set */
  public Optional<Secret> serviceAccountPassword() {
    return Optional.ofNullable(serviceAccountPassword);
  }

  /** @return pamkit's {@code AccountReference}: the vaulted account to resolve, if set */
  public Optional<AccountReference> accountReference() {
    return Optional.ofNullable(accountReference);
  }

  /**
   * Returns whether a credential is configured: a name with a password, or an account reference.
   *
   * @return true when the email server can be authenticated to
   */
  public boolean hasCredential() {
    return accountReference != null || (serviceAccountName != null && serviceAccountPassword != null);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ConnectionProperties)) {
      return false;
    }
    ConnectionProperties p = (ConnectionProperties) o;
    return Objects.equals(serviceAccountId, p.serviceAccountId)
        && Objects.equals(serviceAccountName, p.serviceAccountName)
        && Objects.equals(serviceAccountPassword, p.serviceAccountPassword)
        && Objects.equals(accountReference, p.accountReference);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serviceAccountId, serviceAccountName, accountReference);
  }

  /** Returns the account, never the password. */
  @Override
  public String toString() {
    return "ConnectionProperties{account="
        + (accountReference != null ? accountReference : serviceAccountName)
        + (serviceAccountPassword != null ? ", password=******" : "")
        + "}";
  }

  /** Builds {@link ConnectionProperties}. Not thread-safe; the last call wins. */
  public static final class Builder {
    private @Nullable Integer serviceAccountId;
    private @Nullable String serviceAccountName;
    private @Nullable Secret serviceAccountPassword;
    private @Nullable AccountReference accountReference;

    private Builder() {}

    /**
     * Sets {@code ServiceAccountId}. Default: none.
     *
     * @param id the appliance's database id of the account, or null
     * @return this builder
     */
    public Builder serviceAccountId(@Nullable Integer id) {
      this.serviceAccountId = id;
      return this;
    }

    /**
     * Sets {@code ServiceAccountName}. Default: none.
     *
     * @param name 1 to 255 characters without control characters, or null
     * @return this builder
     * @throws ValidationException if the name breaks the rule
     */
    public Builder serviceAccountName(@Nullable String name) {
      this.serviceAccountName = Checks.text("ServiceAccountName", name, 1, 255);
      return this;
    }

    /**
     * Sets {@code ServiceAccountPassword}. Default: none.
     *
     * @param password at most 255 characters, or null
     * @return this builder
     * @throws ValidationException if the password is longer
     */
    public Builder serviceAccountPassword(@Nullable Secret password) {
      if (password != null && password.length() > 255) {
        throw new ValidationException(
            "ServiceAccountPassword", "is longer than 255 characters");
      }
      this.serviceAccountPassword = password;
      return this;
    }

    /**
     * Sets pamkit's {@code AccountReference}. Default: none.
     *
     * @param reference the directory or asset account whose password a credential resolver
     *     supplies, or null
     * @return this builder
     */
    public Builder accountReference(@Nullable AccountReference reference) {
      this.accountReference = reference;
      return this;
    }

    /**
     * Builds the properties.
     *
     * @return the immutable properties
     * @throws ValidationException if both a password and an account reference are given
     */
    public ConnectionProperties build() {
      if (serviceAccountPassword != null && accountReference != null) {
        throw new ValidationException(
            "AccountReference",
            "cannot be combined with ServiceAccountPassword; authenticate by Password or by"
                + " Account, not both");
      }
      return new ConnectionProperties(this);
    }
  }
}
