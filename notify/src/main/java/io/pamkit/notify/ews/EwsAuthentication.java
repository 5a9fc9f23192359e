// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.internal.SettingsChecks;
import io.pamkit.notify.oauth.AccessTokenSource;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the EWS transport authenticates: HTTP Basic with a password, HTTP Basic with the password of
 * a vaulted account (resolved through a {@link io.pamkit.core.secret.CredentialResolver} on every
 * request, so a rotated password is picked up), an OAuth bearer token, or, for on-premises
 * Exchange, Windows authentication: NTLM, Negotiate (Kerberos through the JDK's JGSS when a
 * Kerberos configuration is present, else NTLM inside Negotiate as Windows clients do) or Negotiate
 * with Kerberos only. The Windows mechanisms take a password or a vaulted account, like Basic.
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
    /** NTLM (NTLMv2 responses) with a password or a vaulted account (on-premises Exchange). */
    NTLM,
    /**
     * {@code Negotiate} (SPNEGO): Kerberos when the JDK finds a Kerberos configuration, otherwise
     * NTLM tokens under the {@code Negotiate} scheme.
     */
    NEGOTIATE,
    /** {@code Negotiate} with Kerberos only; needs a Kerberos configuration. */
    KERBEROS
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

  /**
   * NTLM with the password of a vaulted account, resolved through the configured {@link
   * io.pamkit.core.secret.CredentialResolver} on each request.
   *
   * @param account <code>DOMAIN&#92;user</code> or {@code user@domain}
   * @param vaulted the vaulted account whose password is used
   * @return the authentication
   * @throws IllegalArgumentException if the account is blank or contains ':' or a control character
   */
  public static EwsAuthentication ntlm(String account, AccountReference vaulted) {
    return new EwsAuthentication(
        Kind.NTLM, checkUser(account), null, requireNonNull(vaulted, "vaulted"), null);
  }

  /**
   * {@code Negotiate} with a password: Kerberos (a service ticket for {@code HTTP/<host>} from the
   * JDK's JGSS) when a Kerberos configuration is present, otherwise NTLM inside {@code Negotiate}.
   *
   * @param account {@code user@REALM}, <code>DOMAIN&#92;user</code> or {@code user@domain}
   * @param password the account's password
   * @return the authentication
   * @throws IllegalArgumentException if the account is blank or contains ':' or a control character
   */
  public static EwsAuthentication negotiate(String account, Secret password) {
    return new EwsAuthentication(
        Kind.NEGOTIATE, checkUser(account), requireNonNull(password, "password"), null, null);
  }

  /**
   * {@code Negotiate} with the password of a vaulted account; see {@link #negotiate(String,
   * Secret)}.
   *
   * @param account {@code user@REALM}, <code>DOMAIN&#92;user</code> or {@code user@domain}
   * @param vaulted the vaulted account whose password is used
   * @return the authentication
   * @throws IllegalArgumentException if the account is blank or contains ':' or a control character
   */
  public static EwsAuthentication negotiate(String account, AccountReference vaulted) {
    return new EwsAuthentication(
        Kind.NEGOTIATE, checkUser(account), null, requireNonNull(vaulted, "vaulted"), null);
  }

  /**
   * {@code Negotiate} with Kerberos only: building the transport fails with a {@link
   * io.pamkit.core.ValidationException} naming {@code authentication} when the JDK finds no
   * Kerberos configuration.
   *
   * @param principal {@code user@REALM} (or a user of the default realm)
   * @param password the principal's password
   * @return the authentication
   * @throws IllegalArgumentException if the principal is blank or contains ':' or a control
   *     character
   */
  public static EwsAuthentication kerberos(String principal, Secret password) {
    return new EwsAuthentication(
        Kind.KERBEROS, checkUser(principal), requireNonNull(password, "password"), null, null);
  }

  /**
   * {@code Negotiate} with Kerberos only, with the password of a vaulted account; see {@link
   * #kerberos(String, Secret)}.
   *
   * @param principal {@code user@REALM} (or a user of the default realm)
   * @param vaulted the vaulted account whose password is used
   * @return the authentication
   * @throws IllegalArgumentException if the principal is blank or contains ':' or a control
   *     character
   */
  public static EwsAuthentication kerberos(String principal, AccountReference vaulted) {
    return new EwsAuthentication(
        Kind.KERBEROS, checkUser(principal), null, requireNonNull(vaulted, "vaulted"), null);
  }

  private static String checkUser(String userName) {
    // Basic joins user and password with ':'; 1024 is far beyond any Windows or UPN login
    return SettingsChecks.userName("userName", userName, 1024, ":");
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
   * Returns the vaulted account whose password is used ({@link Kind#ACCOUNT}, and the Windows
   * mechanisms when given one).
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
    return switch (kind) {
      case BASIC -> "basic(" + userName + ", ******)";
      case ACCOUNT -> "basic(" + userName + ", account " + account + ")";
      case NTLM, NEGOTIATE, KERBEROS ->
          kind.name().toLowerCase(java.util.Locale.ROOT)
              + "("
              + userName
              + ", "
              + (account != null ? "account " + account : "******")
              + ")";
      default -> "bearer(******)";
    };
  }
}
