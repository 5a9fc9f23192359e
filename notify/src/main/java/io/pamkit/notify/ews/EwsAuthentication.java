// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.oauth.AccessTokenSource;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the EWS transport authenticates: HTTP Basic with a password, HTTP Basic with the password of
 * a vaulted account (resolved through a {@link io.pamkit.core.secret.CredentialResolver} on every
 * request, so a rotated password is picked up), an OAuth bearer token, or NTLM (on-premises
 * Exchange). Negotiate (Kerberos) is not supported.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows a password or token.
 */
public final class EwsAuthentication {
  /** The mechanisms. */
  public enum Kind {
    /** HTTP Basic with a configured password (on-premises Exchange). */
    BASIC,
    /** HTTP Basic with the password of a vaulted account (on-premises Exchange). */
    ACCOUNT,
    /** {@code Authorization: Bearer} with an OAuth access token (Exchange Online). */
    BEARER,
    /** NTLM (NTLMv2 responses) with a configured password (on-premises Exchange). */
    NTLM
  }

  private final Kind kind;
  private final @Nullable String userName;
  private final @Nullable Secret password;
  private final @Nullable AccountReference account;
  private final @Nullable AccessTokenSource tokens;

  private EwsAuthentication(
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
   * HTTP Basic with a password.
   *
   * @param userName the login ({@code user@domain} or {@code DOMAIN\\user}); no {@code :} or
   *     control characters
   * @param password the password
   * @return the authentication
   * @throws IllegalArgumentException if the user name is blank or contains {@code :} or a control
   *     character
   */
  public static EwsAuthentication basic(String userName, Secret password) {
    return new EwsAuthentication(
        Kind.BASIC, checkUser(userName), requireNonNull(password, "password"), null, null);
  }

  /**
   * HTTP Basic with the password of a vaulted account, resolved on each request.
   *
   * @param userName the login
   * @param account the vaulted account whose password is used
   * @return the authentication
   * @throws IllegalArgumentException if the user name is blank or contains {@code :} or a control
   *     character
   */
  public static EwsAuthentication account(String userName, AccountReference account) {
    return new EwsAuthentication(
        Kind.ACCOUNT, checkUser(userName), null, requireNonNull(account, "account"), null);
  }

  /**
   * OAuth 2.0 bearer tokens.
   *
   * @param tokens the source of access tokens
   * @return the authentication
   */
  public static EwsAuthentication bearer(AccessTokenSource tokens) {
    return new EwsAuthentication(Kind.BEARER, null, null, null, requireNonNull(tokens, "tokens"));
  }

  /**
   * NTLM authentication with NTLMv2 responses, as on-premises Exchange (IIS Windows authentication)
   * usually requires. The transport then speaks HTTP/1.1 and serialises its requests, because NTLM
   * authenticates a connection.
   *
   * @param account <code>DOMAIN&#92;user</code> or {@code user@domain}
   * @param password the account's password
   * @return the authentication
   * @throws IllegalArgumentException if the account is blank or contains ':' or a control character
   */
  public static EwsAuthentication ntlm(String account, Secret password) {
    return new EwsAuthentication(
        Kind.NTLM, checkUser(account), requireNonNull(password, "password"), null, null);
  }

  private static String checkUser(String userName) {
    requireNonNull(userName, "userName");
    if (userName.isBlank()
        || userName.indexOf(':') >= 0
        || userName.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "userName must not be blank or contain ':' or control" + " characters");
    }
    return userName;
  }

  /**
   * Returns the mechanism.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the login of Basic authentication.
   *
   * @return the user name, empty for bearer tokens
   */
  public Optional<String> userName() {
    return Optional.ofNullable(userName);
  }

  /**
   * Returns the vaulted account of {@link Kind#ACCOUNT}.
   *
   * @return the account, or empty
   */
  public Optional<AccountReference> account() {
    return Optional.ofNullable(account);
  }

  Optional<Secret> password() {
    return Optional.ofNullable(password);
  }

  Optional<AccessTokenSource> tokens() {
    return Optional.ofNullable(tokens);
  }

  /** Returns the kind and user; never the password or token. */
  @Override
  public String toString() {
    switch (kind) {
      case BASIC:
        return "basic(" + userName + ", ******)";
      case ACCOUNT:
        return "basic(" + userName + ", account " + account + ")";
      case NTLM:
        return "ntlm(" + userName + ", ******)";
      default:
        return "bearer(******)";
    }
  }
}
