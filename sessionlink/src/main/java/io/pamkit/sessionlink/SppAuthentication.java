// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.secret.Secret;
import org.jspecify.annotations.Nullable;

/**
 * How {@link SppClient} logs in to the password appliance, one record per way the vendor's own SDKs
 * offer it (SafeguardJava {@code authentication/*Authenticator.java}, safeguard-ps {@code
 * Connect-Safeguard}):
 *
 * <ul>
 *   <li>{@link Pkce} (the default for a user name and password, {@link #password(String, Secret)}):
 *       the rSTS login controller with PKCE and the CSRF cookie, steps 1, 3, (7, 5), 6, then the
 *       {@code authorization_code} grant. It works with the appliance's default settings, where the
 *       resource owner grant is off; a second factor is answered by a {@link SecondFactorPrompt}.
 *   <li>{@link ResourceOwner}: the OAuth2 resource owner password grant ({@code
 *       grant_type=password}), only when asked for; current appliances refuse it unless {@code
 *       ResourceOwner} is listed in the setting {@code Allowed OAuth2 Grant Types}.
 *   <li>{@link Certificate}: {@code client_credentials} with a TLS client certificate, from a
 *       PKCS#12 or PEM file ({@link KeyMaterial}) or the client's SSL context.
 *   <li>{@link AccessToken}: a user token obtained elsewhere; never renewed.
 *   <li>{@link DeviceCode}: the device authorization grant (RFC 8628); the user approves in a
 *       browser while the client polls.
 * </ul>
 *
 * <p>Every kind but {@link AccessToken} can log in again by itself to renew the token. Immutable
 * and thread-safe; no {@code toString} shows a password, token or one-time password.
 */
public sealed interface SppAuthentication {

  /**
   * Returns whether the client can obtain a new token by itself.
   *
   * @return false for an issued token
   */
  default boolean renewable() {
    return !(this instanceof AccessToken);
  }

  /**
   * Returns the OAuth2 grant this login uses at {@code /RSTS/oauth2/token}, as the appliance names
   * it in the setting {@code Allowed OAuth2 Grant Types} ({@code AuthorizationCode}, {@code
   * ResourceOwner}, {@code DeviceCode}), {@code ClientCredentials} for a certificate, or {@code
   * None} for an issued token.
   *
   * @return the grant's name
   */
  default String grantName() {
    if (this instanceof Pkce) {
      return "AuthorizationCode";
    } else if (this instanceof ResourceOwner) {
      return "ResourceOwner";
    } else if (this instanceof Certificate) {
      return "ClientCredentials";
    } else if (this instanceof DeviceCode) {
      return "DeviceCode";
    }
    return "None";
  }

  /**
   * Logs in with user name and password through the {@code local} provider, by PKCE (works with the
   * resource owner grant off). A second factor, if the account has one, fails the login; use {@link
   * #pkce(String, Secret, String, SecondFactorPrompt)} to answer it.
   *
   * @param userName the user name; no whitespace
   * @param password the password
   * @return the authentication
   * @throws IllegalArgumentException if the user name is blank or contains whitespace
   */
  static SppAuthentication password(String userName, Secret password) {
    return new Pkce(userName, password, "local", null);
  }

  /**
   * Logs in with user name and password through an identity provider, by PKCE.
   *
   * @param userName the user name; no whitespace
   * @param password the password
   * @param provider {@code local}, or a directory's {@code RstsProviderId} or {@code Name} (from
   *     {@code GET AuthenticationProviders})
   * @return the authentication
   * @throws IllegalArgumentException if the user name or provider is blank or has whitespace
   */
  static SppAuthentication password(String userName, Secret password, String provider) {
    return new Pkce(userName, password, provider, null);
  }

  /**
   * Logs in by PKCE, answering a second factor with the prompt.
   *
   * @param userName the user name; no whitespace
   * @param password the password
   * @param provider {@code local}, or a directory's {@code RstsProviderId} or {@code Name}
   * @param secondFactor asked for the one-time password when the appliance wants one; null to fail
   *     such a login
   * @return the authentication
   * @throws IllegalArgumentException if the user name or provider is blank or has whitespace
   */
  static SppAuthentication pkce(
      String userName,
      Secret password,
      String provider,
      @Nullable SecondFactorPrompt secondFactor) {
    return new Pkce(userName, password, provider, secondFactor);
  }

  /**
   * Logs in with the resource owner password grant through the {@code local} provider. Only for
   * appliances where {@code ResourceOwner} is an allowed grant; prefer {@link #password(String,
   * Secret)}.
   *
   * @param userName the user name; no whitespace
   * @param password the password
   * @return the authentication
   */
  static SppAuthentication resourceOwner(String userName, Secret password) {
    return new ResourceOwner(userName, password, "local");
  }

  /**
   * Logs in with the resource owner password grant through an identity provider.
   *
   * @param userName the user name; no whitespace
   * @param password the password
   * @param provider {@code local}, or a directory's {@code RstsProviderId} or {@code Name}
   * @return the authentication
   */
  static SppAuthentication resourceOwner(String userName, Secret password, String provider) {
    return new ResourceOwner(userName, password, provider);
  }

  /**
   * Logs in with the client certificate of the client's SSL context ({@link
   * SppClient.Builder#sslContext}), through the {@code certificate} provider.
   *
   * @return the authentication
   */
  static SppAuthentication certificate() {
    return new Certificate(null, "certificate");
  }

  /**
   * Logs in with this client certificate (e.g. {@link KeyMaterial#fromPkcs12(java.nio.file.Path,
   * Secret)} or {@link KeyMaterial#fromPem(byte[], Secret)}), through the {@code certificate}
   * provider. The client presents it on every connection.
   *
   * @param clientKey the certificate and its private key
   * @return the authentication
   */
  static SppAuthentication certificate(KeyMaterial clientKey) {
    return new Certificate(requireNonNull(clientKey, "clientKey"), "certificate");
  }

  /**
   * Uses a user token issued elsewhere (e.g. by another process's {@code Token/LoginResponse}). It
   * cannot be renewed; when it expires, calls fail with {@link AuthorizationException}.
   *
   * @param userToken the token
   * @return the authentication
   */
  static SppAuthentication token(Secret userToken) {
    return new AccessToken(userToken);
  }

  /**
   * Logs in with the device authorization grant through the {@code local} provider: the display is
   * given the code and the page to approve it on; the client polls until it is approved, denied or
   * expired.
   *
   * @param display shows the instructions to the user
   * @return the authentication
   */
  static SppAuthentication deviceCode(DeviceCodeDisplay display) {
    return new DeviceCode("local", display);
  }

  /**
   * A user name and password through the rSTS login controller with PKCE (SafeguardJava {@code
   * PkceAuthenticator}, safeguard-ps {@code Get-RstsTokenWithPkce}).
   *
   * @param userName the user name
   * @param password the password
   * @param provider {@code local}, or a directory's {@code RstsProviderId} or {@code Name}
   * @param secondFactor answers a second factor; null fails a login that needs one
   */
  record Pkce(
      String userName, Secret password, String provider, @Nullable SecondFactorPrompt secondFactor)
      implements SppAuthentication {
    /** Checks the values. */
    public Pkce {
      checkUser(userName);
      requireNonNull(password, "password");
      checkProvider(provider);
    }

    /** Returns the kind, user and provider, never the password. */
    @Override
    public String toString() {
      return "SppAuthentication.Pkce[user="
          + userName
          + ", provider="
          + provider
          + (secondFactor == null ? "" : ", second factor")
          + "]";
    }
  }

  /**
   * The OAuth2 resource owner password grant (off by default on current appliances).
   *
   * @param userName the user name
   * @param password the password
   * @param provider {@code local}, or a directory's {@code RstsProviderId} or {@code Name}
   */
  record ResourceOwner(String userName, Secret password, String provider)
      implements SppAuthentication {
    /** Checks the values. */
    public ResourceOwner {
      checkUser(userName);
      requireNonNull(password, "password");
      checkProvider(provider);
    }

    /** Returns the kind, user and provider, never the password. */
    @Override
    public String toString() {
      return "SppAuthentication.ResourceOwner[user=" + userName + ", provider=" + provider + "]";
    }
  }

  /**
   * {@code client_credentials} with a TLS client certificate.
   *
   * @param clientKey the certificate to present, or null for the one of the client's SSL context
   * @param provider the provider, {@code certificate}
   */
  record Certificate(@Nullable KeyMaterial clientKey, String provider)
      implements SppAuthentication {
    /** Checks the values. */
    public Certificate {
      checkProvider(provider);
    }

    /** Returns the kind and the certificate's subject, never the key. */
    @Override
    public String toString() {
      return "SppAuthentication.Certificate["
          + (clientKey == null
              ? "from the SSL context"
              : clientKey.certificate().getSubjectX500Principal().getName())
          + "]";
    }
  }

  /**
   * A user token issued elsewhere.
   *
   * @param userToken the token
   */
  record AccessToken(Secret userToken) implements SppAuthentication {
    /** Checks the value. */
    public AccessToken {
      requireNonNull(userToken, "userToken");
    }

    /** Returns the kind only. */
    @Override
    public String toString() {
      return "SppAuthentication.AccessToken[******]";
    }
  }

  /**
   * The device authorization grant, RFC 8628 (SafeguardJava {@code DeviceCodeAuthenticator},
   * safeguard-ps {@code Get-RstsTokenFromDeviceCode}).
   *
   * @param provider the provider the device login asks for, {@code local} by default
   * @param display shows the user code and the page to approve it on
   */
  record DeviceCode(String provider, DeviceCodeDisplay display) implements SppAuthentication {
    /** Checks the values. */
    public DeviceCode {
      checkProvider(provider);
      requireNonNull(display, "display");
    }

    /** Returns the kind and provider. */
    @Override
    public String toString() {
      return "SppAuthentication.DeviceCode[provider=" + provider + "]";
    }
  }

  private static void checkUser(String userName) {
    requireNonNull(userName, "userName");
    if (userName.isBlank() || userName.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "userName '" + userName + "' is blank or contains whitespace; SPP user names have none");
    }
  }

  private static void checkProvider(String provider) {
    requireNonNull(provider, "provider");
    if (provider.isBlank()
        || provider.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
      throw new IllegalArgumentException("provider '" + provider + "' is blank or has whitespace");
    }
  }
}
