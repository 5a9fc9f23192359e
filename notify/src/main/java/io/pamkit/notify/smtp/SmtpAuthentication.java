// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.internal.SettingsChecks;
import io.pamkit.notify.oauth.AccessTokenSource;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the SMTP client authenticates, as the appliance's User Authentication choice: {@linkplain
 * #none() none}, a {@linkplain #password(String, Secret) user name and password}, or a vaulted
 * {@linkplain #account(AccountReference) directory or asset account} whose current password a
 * {@link io.pamkit.core.secret.CredentialResolver} supplies on every connection (so a rotated
 * password is picked up without reconfiguration), or {@linkplain #oauth2(String, AccessTokenSource)
 * OAuth 2.0} ({@code AUTH XOAUTH2} with an access token, for {@code smtp.office365.com} and other
 * OAuth SMTP servers).
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
    ACCOUNT,
    /** SASL {@code XOAUTH2}: the mailbox and an OAuth 2.0 access token from a token source. */
    OAUTH2
  }

  private static final SmtpAuthentication NONE =
      new SmtpAuthentication(Kind.NONE, null, null, null, null);

  private final Kind kind;
  private final @Nullable String userName;
  private final @Nullable Secret password;
  private final @Nullable AccountReference account;
  private final @Nullable AccessTokenSource tokens;

  private SmtpAuthentication(
      Kind kind,
      @Nullable String userName,
      @Nullable Secret password,
      @Nullable AccountReference account,
      @Nullable AccessTokenSource tokens) {
    this.kind = kind;
    this.userName = userName;
    this.password = password;
    this.account = account;
    this.tokens = tokens;
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
    return new SmtpAuthentication(
        Kind.PASSWORD, checkUser(userName), requireNonNull(password, "password"), null, null);
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
   * Authenticates as a vaulted account with an explicit login name, for servers that want {@code
   * name@domain} or {@code DOMAIN\name}; the password is resolved on every connection.
   *
   * @param account the directory or asset account
   * @param loginName the name sent to the server; not blank, at most 255 characters
   * @return the authentication
   * @throws IllegalArgumentException if the login name is invalid
   */
  public static SmtpAuthentication account(AccountReference account, String loginName) {
    requireNonNull(account, "account");
    return new SmtpAuthentication(Kind.ACCOUNT, checkUser(loginName), null, account, null);
  }

  /**
   * Authenticates with SASL {@code XOAUTH2} ({@code mail.smtp.auth.mechanisms=XOAUTH2}): the
   * mailbox and a bearer token asked from {@code tokens} on every connection. When the server
   * refuses the token ({@code 535}), the transport asks the source to {@linkplain
   * AccessTokenSource#renewAccessToken renew} it and authenticates once more. For Exchange Online
   * ({@code smtp.office365.com}, port 587 with STARTTLS) the token is an app-only token for scope
   * {@code https://outlook.office365.com/.default}, the app has the {@code SMTP.SendAsApp}
   * permission and a service principal with access to the mailbox, and SMTP AUTH is enabled for the
   * mailbox.
   *
   * @param mailbox the mailbox to authenticate as (the {@code user=} of the SASL string); not
   *     blank, at most 255 characters, no control characters
   * @param tokens the token source
   * @return the authentication
   * @throws IllegalArgumentException if the mailbox is invalid
   */
  public static SmtpAuthentication oauth2(String mailbox, AccessTokenSource tokens) {
    return new SmtpAuthentication(
        Kind.OAUTH2, checkUser(mailbox), null, null, requireNonNull(tokens, "tokens"));
  }

  private static String checkUser(String userName) {
    return SettingsChecks.userName("ServiceAccountName", userName, 255, "");
  }

  /**
   * @return the kind of authentication
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @return the login name, empty for {@link Kind#NONE}
   */
  public Optional<String> userName() {
    return Optional.ofNullable(userName);
  }

  /**
   * @return the password, for {@link Kind#PASSWORD} only
   */
  public Optional<Secret> password() {
    return Optional.ofNullable(password);
  }

  /**
   * @return the vaulted account, for {@link Kind#ACCOUNT} only
   */
  public Optional<AccountReference> account() {
    return Optional.ofNullable(account);
  }

  /**
   * @return the token source, for {@link Kind#OAUTH2} only
   */
  public Optional<AccessTokenSource> tokenSource() {
    return Optional.ofNullable(tokens);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof SmtpAuthentication a)) {
      return false;
    }
    return kind == a.kind
        && Objects.equals(userName, a.userName)
        && Objects.equals(password, a.password)
        && Objects.equals(account, a.account)
        && Objects.equals(tokens, a.tokens);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, userName, account);
  }

  /** Returns the kind and the user or account; never the password. */
  @Override
  public String toString() {
    return switch (kind) {
      case PASSWORD -> "SmtpAuthentication{PASSWORD, user=" + userName + ", password=******}";
      case ACCOUNT -> "SmtpAuthentication{ACCOUNT, " + account + "}";
      case OAUTH2 -> "SmtpAuthentication{OAUTH2, user=" + userName + ", tokens=" + tokens + "}";
      default -> "SmtpAuthentication{NONE}";
    };
  }
}
