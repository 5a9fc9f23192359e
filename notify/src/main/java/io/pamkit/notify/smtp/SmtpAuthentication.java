package io.pamkit.notify.smtp;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the SMTP client authenticates, as the appliance's User Authentication choice: {@linkplain
 * #none() none}, a {@linkplain #password(String, Secret) user name and password}, or a vaulted
 * {@linkplain #account(AccountReference) directory or asset account} whose current password a
 * {@link io.pamkit.core.secret.CredentialResolver} supplies on every connection (so a rotated
 * password is picked up without reconfiguration).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the password.
 */
public final class SmtpAuthentication {
  /** The kinds of authentication. */
  public enum Kind {
    /** No authentication. */
    NONE,
    /** A user name and a password given in the configuration. */
    PASSWORD,
    /** A vaulted account resolved through a credential resolver. */
    ACCOUNT
  }

  private static final SmtpAuthentication NONE = new SmtpAuthentication(Kind.NONE, null, null,
      null);

  private final Kind kind;
  private final @Nullable String userName;
  private final @Nullable Secret password;
  private final @Nullable AccountReference account;

  private SmtpAuthentication(Kind kind, @Nullable String userName, @Nullable Secret password,
      @Nullable AccountReference account) {
    this.kind = kind;
    this.userName = userName;
    this.password = password;
    this.account = account;
  }

  /**
   * Returns "no authentication".
   *
   * @return the shared instance
   */
  public static SmtpAuthentication none() {
    return NONE;
  }

  /**
   * Authenticates with a user name and password ({@code ServiceAccountName}, {@code
   * ServiceAccountPassword}).
   *
   * @param userName the account name; not blank, at most 255 characters, no control characters
   * @param password the password
   * @return the authentication
   * @throws IllegalArgumentException if the user name is invalid
   */
  public static SmtpAuthentication password(String userName, Secret password) {
    return new SmtpAuthentication(Kind.PASSWORD, checkUser(userName),
        requireNonNull(password, "password"), null);
  }

  /**
   * Authenticates as a vaulted account; the login name is the account's {@linkplain
   * AccountReference#name() name} and the password is resolved on every connection.
   *
   * @param account the directory or asset account
   * @return the authentication
   */
  public static SmtpAuthentication account(AccountReference account) {
    requireNonNull(account, "account");
    return account(account, account.name());
  }

  /**
   * Authenticates as a vaulted account with an explicit login name, for servers that want
   * {@code name@domain} or {@code DOMAIN\name}; the password is resolved on every connection.
   *
   * @param account the directory or asset account
   * @param loginName the name sent to the server; not blank, at most 255 characters
   * @return the authentication
   * @throws IllegalArgumentException if the login name is invalid
   */
  public static SmtpAuthentication account(AccountReference account, String loginName) {
    requireNonNull(account, "account");
    return new SmtpAuthentication(Kind.ACCOUNT, checkUser(loginName), null, account);
  }

  private static String checkUser(String userName) {
    requireNonNull(userName, "userName");
    if (userName.isBlank() || userName.length() > 255
        || userName.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "ServiceAccountName must be 1 to 255 characters without control characters");
    }
    return userName;
  }

  /** @return the kind of authentication */
  public Kind kind() {
    return kind;
  }

  /** @return the login name, empty for {@link Kind#NONE} */
  public Optional<String> userName() {
    return Optional.ofNullable(userName);
  }

  /** @return the password, for {@link Kind#PASSWORD} only */
  public Optional<Secret> password() {
    return Optional.ofNullable(password);
  }

  /** @return the vaulted account, for {@link Kind#ACCOUNT} only */
  public Optional<AccountReference> account() {
    return Optional.ofNullable(account);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof SmtpAuthentication)) {
      return false;
    }
    SmtpAuthentication a = (SmtpAuthentication) o;
    return kind == a.kind && Objects.equals(userName, a.userName)
        && Objects.equals(password, a.password) && Objects.equals(account, a.account);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, userName, account);
  }

  /** Returns the kind and the user or account; never the password. */
  @Override
  public String toString() {
    switch (kind) {
      case PASSWORD:
        return "SmtpAuthentication{PASSWORD, user=" + userName + ", password=******}";
      case ACCOUNT:
        return "SmtpAuthentication{ACCOUNT, " + account + "}";
      default:
        return "SmtpAuthentication{NONE}";
    }
  }
}
