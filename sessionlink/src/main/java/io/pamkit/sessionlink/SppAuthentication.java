package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.model.LoginResponse;
import org.jspecify.annotations.Nullable;

/**
 * How {@link SppClient} logs in to the password appliance: the rSTS password grant, the rSTS
 * certificate ({@code client_credentials}) grant with the client certificate of the client's SSL
 * context, or a user token issued elsewhere. The first two can renew the token before it expires;
 * an issued token cannot.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the secret.
 */
public final class SppAuthentication {
  /** The kind of login. */
  public enum Kind {
    /** rSTS {@code grant_type=password}. */
    PASSWORD,
    /** rSTS {@code grant_type=client_credentials} with the TLS client certificate. */
    CERTIFICATE,
    /** A user token obtained elsewhere. */
    TOKEN
  }

  private final Kind kind;
  private final @Nullable String userName;
  private final @Nullable Secret secret;
  private final String provider;

  private SppAuthentication(
      Kind kind, @Nullable String userName, @Nullable Secret secret, String provider) {
    this.kind = kind;
    this.userName = userName;
    this.secret = secret;
    this.provider = provider;
  }

  /**
   * Logs in with user name and password through the {@code local} identity provider.
   *
   * @param userName the SPP user name
   * @param password the password
   * @return the authentication
   */
  public static SppAuthentication password(String userName, Secret password) {
    return password(userName, password, "local");
  }

  /**
   * Logs in with user name and password through the given identity provider (scope {@code
   * rsts:sts:primaryproviderid:<provider>}).
   *
   * @param userName the SPP user name; no spaces
   * @param password the password
   * @param provider the provider id, e.g. {@code local}
   * @return the authentication
   * @throws IllegalArgumentException if the user name is blank or contains whitespace
   */
  public static SppAuthentication password(String userName, Secret password, String provider) {
    requireNonNull(userName, "userName");
    if (userName.isBlank() || userName.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "userName '" + userName + "' is blank or contains whitespace; SPP user names have none");
    }
    return new SppAuthentication(
        Kind.PASSWORD, userName, requireNonNull(password, "password"), checkProvider(provider));
  }

  /**
   * Logs in with the client certificate of the client's SSL context, through the {@code
   * certificate} provider.
   *
   * @return the authentication
   */
  public static SppAuthentication certificate() {
    return new SppAuthentication(Kind.CERTIFICATE, null, null, "certificate");
  }

  /**
   * Uses a user token issued elsewhere (e.g. by {@code Token/LoginResponse} in another process). It
   * cannot be renewed; when it expires, calls fail with {@link AuthorizationException}.
   *
   * @param userToken the token
   * @return the authentication
   */
  public static SppAuthentication token(Secret userToken) {
    return new SppAuthentication(Kind.TOKEN, null, requireNonNull(userToken, "userToken"), "");
  }

  private static String checkProvider(String provider) {
    requireNonNull(provider, "provider");
    if (provider.isBlank() || provider.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
      throw new IllegalArgumentException("provider '" + provider + "' is blank or has whitespace");
    }
    return provider;
  }

  /**
   * Returns the kind of login.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the user name of a password login.
   *
   * @return the user name, or null for the other kinds
   */
  public @Nullable String userName() {
    return userName;
  }

  /**
   * Returns the password or the issued token.
   *
   * @return the secret, or null for a certificate login
   */
  public @Nullable Secret secret() {
    return secret;
  }

  /**
   * Returns the rSTS scope of the login, {@code rsts:sts:primaryproviderid:<provider>}.
   *
   * @return the scope; empty for an issued token
   */
  public String scope() {
    return provider.isEmpty() ? "" : "rsts:sts:primaryproviderid:" + provider;
  }

  /**
   * Returns whether the client can obtain a new token by itself.
   *
   * @return false for an issued token
   */
  public boolean renewable() {
    return kind != Kind.TOKEN;
  }

  /** Returns the kind and user name, never the secret. */
  @Override
  public String toString() {
    return "SppAuthentication[" + kind + (userName == null ? "" : ", user=" + userName) + "]";
  }
}
