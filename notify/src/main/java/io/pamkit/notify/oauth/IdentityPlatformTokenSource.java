// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.oauth;

import static java.util.Objects.requireNonNull;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.pamkit.core.ValidationException;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.internal.OutboundEmail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * App-only access tokens from the Microsoft identity platform: the OAuth 2.0 client credentials
 * grant ({@code POST {authorityHost}/{tenant}/oauth2/v2.0/token}, {@code
 * grant_type=client_credentials}, {@code scope=<resource>/.default}) with either a certificate (a
 * signed JWT client assertion, {@code
 * client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer}) or a client
 * secret. Built on MSAL4J ({@code com.microsoft.azure:msal4j}), which builds and signs the
 * assertion (a fresh {@code jti} each time) and talks to the endpoint. This source caches the token
 * in memory and fetches a new one once it is within the refresh margin (default five minutes) of
 * its expiry.
 *
 * <pre>{@code
 * AccessTokenSource tokens = IdentityPlatformTokenSource.builder("contoso.onmicrosoft.com",
 *         "11111111-2222-3333-4444-555555555555",
 *         ClientCredential.certificate(privateKey, List.of(certificate)))
 *     .scope("https://graph.microsoft.com/.default")
 *     .build();
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p>One source serves one scope: Graph ({@code https://graph.microsoft.com/.default}, the
 * default), EWS or SMTP XOAUTH2 ({@code https://outlook.office365.com/.default}).
 *
 * <p>Failures: refused credentials ({@code invalid_client}, {@code unauthorized_client}, {@code
 * invalid_scope}, an unknown tenant; HTTP 400/401) throw a {@link ValidationException} naming
 * {@code clientCredential}; an unreachable endpoint throws an {@link UncheckedIOException}; any
 * other failure an {@link IllegalStateException}. Messages carry the endpoint's error code and
 * never the secret, the assertion or the token.
 *
 * <p>Thread-safe: one token request at a time; callers arriving meanwhile wait and share its token.
 */
public final class IdentityPlatformTokenSource implements AccessTokenSource {
  private final String tenant;
  private final String clientId;
  private final String credentialKind;
  private final String scope;
  private final URI authority;
  private final Duration timeout;
  private final boolean instanceDiscovery;
  private final @Nullable SSLContext sslContext;
  private final @Nullable VaultedSecretHolder vaulted;

  private final Duration refreshMargin;
  private final Clock clock;

  // guarded by this
  private @Nullable ConfidentialClientApplication app;
  private @Nullable Secret last;
  private Instant expires = Instant.MIN;

  private IdentityPlatformTokenSource(Builder b, URI authority) {
    this.tenant = b.tenant;
    this.clientId = b.clientId;
    this.scope = b.scope;
    this.authority = authority;
    this.timeout = b.timeout;
    this.refreshMargin = b.refreshMargin;
    this.clock = b.clock;
    this.instanceDiscovery = b.instanceDiscovery;
    this.sslContext = b.sslContext;
    if (b.credential instanceof ClientCredential.Certificate c) {
      this.credentialKind = "certificate";
      this.vaulted = null;
      this.app =
          application(ClientCredentialFactory.createFromCertificateChain(c.key(), c.chain()));
    } else if (b.credential instanceof ClientCredential.ClientSecret s) {
      this.credentialKind = "client secret";
      this.vaulted = null;
      this.app = application(ClientCredentialFactory.createFromSecret(s.secret().reveal()));
    } else if (b.credential instanceof ClientCredential.VaultedSecret v) {
      this.credentialKind = "client secret of " + v.account();
      this.vaulted = new VaultedSecretHolder(v);
      this.app = null;
    } else {
      throw new IllegalArgumentException("unknown credential " + b.credential);
    }
  }

  /** The vaulted secret and the secret the current application was built with. */
  private static final class VaultedSecretHolder {
    final ClientCredential.VaultedSecret credential;
    @Nullable Secret used;

    VaultedSecretHolder(ClientCredential.VaultedSecret credential) {
      this.credential = credential;
    }
  }

  private ConfidentialClientApplication application(IClientCredential credential) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    try {
      ConfidentialClientApplication.Builder ab =
          ConfidentialClientApplication.builder(clientId, credential)
              .authority(authority.toString())
              .connectTimeoutForDefaultHttpClient(millis)
              .readTimeoutForDefaultHttpClient(millis)
              .logPii(false);
      if (!instanceDiscovery) {
        ab.instanceDiscovery(false).validateAuthority(false);
      }
      if (sslContext != null) {
        ab.sslSocketFactory(sslContext.getSocketFactory());
      }
      return ab.build();
    } catch (MalformedURLException e) {
      throw new ValidationException("authorityHost", "'" + authority + "' is not a URL");
    }
  }

  /** Returns the application, rebuilt when the vaulted client secret changed. */
  private ConfidentialClientApplication application() {
    VaultedSecretHolder v = vaulted;
    if (v == null) {
      return requireNonNull(app);
    }
    Secret secret;
    try {
      secret = v.credential.resolver().resolve(v.credential.account());
    } catch (ValidationException e) {
      throw new ValidationException(
          "clientCredential",
          "the client secret account "
              + v.credential.account()
              + " cannot be resolved: "
              + e.getMessage());
    }
    ConfidentialClientApplication a = app;
    if (a == null || !secret.equals(v.used)) {
      a = application(ClientCredentialFactory.createFromSecret(secret.reveal()));
      app = a;
      v.used = secret;
    }
    return a;
  }

  /**
   * Starts a builder.
   *
   * @param tenant the directory (tenant) id or a verified domain, e.g. {@code
   *     contoso.onmicrosoft.com}
   * @param clientId the application (client) id
   * @param credential the certificate (recommended) or client secret
   * @return a new builder
   */
  public static Builder builder(String tenant, String clientId, ClientCredential credential) {
    return new Builder(tenant, clientId, credential);
  }

  /**
   * Returns the token endpoint, {@code {authority}oauth2/v2.0/token}.
   *
   * @return the endpoint
   */
  public URI tokenEndpoint() {
    return authority.resolve("oauth2/v2.0/token");
  }

  /**
   * Returns the scope tokens are requested for.
   *
   * @return the scope
   */
  public String scope() {
    return scope;
  }

  /**
   * Returns a token valid for at least a few more minutes: the cached one, or a new one.
   *
   * @return the access token
   * @throws ValidationException if the identity platform refuses the credentials
   * @throws UncheckedIOException if the endpoint cannot be reached
   * @throws IllegalStateException for other failures
   */
  @Override
  public synchronized Secret accessToken() {
    Secret cached = last;
    if (cached != null && clock.instant().plus(refreshMargin).isBefore(expires)) {
      return cached;
    }
    return fetch();
  }

  /**
   * Returns a new token unless the cached one already differs from {@code rejected} (another caller
   * renewed it meanwhile).
   *
   * @param rejected the token the resource server refused
   * @return the access token
   * @throws ValidationException if the identity platform refuses the credentials
   * @throws UncheckedIOException if the endpoint cannot be reached
   * @throws IllegalStateException for other failures
   */
  @Override
  public synchronized Secret renewAccessToken(Secret rejected) {
    requireNonNull(rejected, "rejected");
    Secret cached = last;
    if (cached != null && !cached.equals(rejected)) {
      return cached;
    }
    return fetch();
  }

  // This source is the cache; MSAL's own is bypassed so that expiry follows our clock and margin.
  private Secret fetch() {
    ClientCredentialParameters p =
        ClientCredentialParameters.builder(Set.of(scope)).skipCache(true).build();
    IAuthenticationResult result;
    try {
      result =
          application().acquireToken(p).get(timeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching an access token", e);
    } catch (TimeoutException | CancellationException e) {
      throw new UncheckedIOException(
          new IOException("no token from " + tokenEndpoint().getHost() + " in time"));
    } catch (ExecutionException e) {
      throw translate(e.getCause() == null ? e : e.getCause());
    }
    String token = result.accessToken();
    if (token == null || token.isEmpty()) {
      throw new IllegalStateException("the token endpoint answered without an access token");
    }
    Secret s = Secret.of(token);
    last = s;
    Date expiresOn = result.expiresOnDate();
    expires = expiresOn == null ? clock.instant() : expiresOn.toInstant();
    return s;
  }

  private RuntimeException translate(Throwable t) {
    if (t instanceof MsalServiceException e) {
      Integer status = e.statusCode();
      String what =
          "the identity platform answered "
              + (status == null ? "" : status + " ")
              + OutboundEmail.safe(e.errorCode(), 80)
              + ": "
              + OutboundEmail.safe(e.getMessage(), 300);
      if (status != null && (status == 400 || status == 401 || status == 403)) {
        return new ValidationException(
            "clientCredential",
            "the "
                + credentialKind
                + " of client "
                + clientId
                + " was refused for tenant "
                + tenant
                + " ("
                + what
                + ")");
      }
      return new IllegalStateException(what, e);
    }
    if (t instanceof MsalClientException e) {
      Throwable c = e.getCause();
      for (int i = 0; c != null && i < 10; i++, c = c.getCause()) {
        if (c instanceof IOException io) {
          return unreachable(io);
        }
      }
      return new IllegalStateException(
          "cannot get an access token: "
              + OutboundEmail.safe(e.errorCode(), 80)
              + ": "
              + OutboundEmail.safe(e.getMessage(), 300),
          e);
    }
    if (t instanceof UncheckedIOException u) {
      return u;
    }
    if (t instanceof IOException io) {
      return unreachable(io);
    }
    return new IllegalStateException(
        "cannot get an access token: "
            + t.getClass().getSimpleName()
            + ": "
            + OutboundEmail.safe(t.getMessage(), 300),
        t);
  }

  /** The endpoint could not be reached; names the host and the kind of failure, not its text. */
  private UncheckedIOException unreachable(IOException io) {
    return new UncheckedIOException(
        "token endpoint "
            + tokenEndpoint().getHost()
            + " cannot be reached: "
            + io.getClass().getSimpleName(),
        io);
  }

  /** Returns the endpoint, client id, scope and kind of credential; never the secret or token. */
  @Override
  public String toString() {
    return "IdentityPlatformTokenSource{endpoint="
        + tokenEndpoint()
        + ", clientId="
        + clientId
        + ", scope="
        + scope
        + ", credential="
        + credentialKind
        + "}";
  }

  /** Builds {@link IdentityPlatformTokenSource}s. Not thread-safe; the last call wins. */
  public static final class Builder {
    private final String tenant;
    private final String clientId;
    private final ClientCredential credential;
    private URI authorityHost = NationalCloud.GLOBAL.authorityHost();
    private String scope = NationalCloud.GLOBAL.graphScope();
    private Duration timeout = Duration.ofSeconds(30);
    private Duration refreshMargin = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private boolean instanceDiscovery = true;
    private @Nullable SSLContext sslContext;

    private Builder(String tenant, String clientId, ClientCredential credential) {
      this.tenant = requireNonNull(tenant, "tenant");
      this.clientId = requireNonNull(clientId, "clientId");
      this.credential = requireNonNull(credential, "credential");
    }

    /**
     * Sets the identity platform host. Default: {@code https://login.microsoftonline.com}; see
     * {@link NationalCloud#authorityHost()} for the national clouds. A host that is not one of
     * Microsoft's known hosts is used as given, without instance discovery.
     *
     * @param host an https URI without a path
     * @return this builder
     */
    public Builder authorityHost(URI host) {
      this.authorityHost = requireNonNull(host, "host");
      return this;
    }

    /**
     * Sets the scope. Default: {@code https://graph.microsoft.com/.default}.
     *
     * @param scope the scope, normally {@code <resource>/.default}
     * @return this builder
     */
    public Builder scope(String scope) {
      this.scope = requireNonNull(scope, "scope");
      return this;
    }

    /**
     * Sets the connect and read timeout of a token request. Default: 30 seconds.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets how long before its expiry a token is replaced. Default: 5 minutes.
     *
     * @param margin not negative
     * @return this builder
     */
    public Builder refreshMargin(Duration margin) {
      requireNonNull(margin, "margin");
      if (margin.isNegative()) {
        throw new IllegalArgumentException("refreshMargin must not be negative: " + margin);
      }
      this.refreshMargin = margin;
      return this;
    }

    /**
     * Sets the clock the expiry is compared with. Default: the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the SSL context whose trust managers verify the endpoint. Default: the JDK's.
     *
     * @param sslContext the context, or null
     * @return this builder
     */
    public Builder sslContext(@Nullable SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    /**
     * Builds the source. No request is made until the first {@link #accessToken()}.
     *
     * @return the source
     * @throws ValidationException if the tenant or client id is malformed or the host is not an
     *     https URI
     */
    public IdentityPlatformTokenSource build() {
      if (tenant.isBlank() || !tenant.matches("[A-Za-z0-9.-]+")) {
        throw new ValidationException("tenantId", "'" + tenant + "' is not a tenant id or domain");
      }
      if (clientId.isBlank() || clientId.chars().anyMatch(Character::isISOControl)) {
        throw new ValidationException("clientId", "is required");
      }
      if (scope.isBlank()) {
        throw new ValidationException("scope", "is required");
      }
      if (!"https".equalsIgnoreCase(authorityHost.getScheme())
          || authorityHost.getHost() == null
          || !(authorityHost.getRawPath() == null
              || authorityHost.getRawPath().isEmpty()
              || authorityHost.getRawPath().equals("/"))) {
        throw new ValidationException(
            "authorityHost", "'" + authorityHost + "' is not an https URI without a path");
      }
      instanceDiscovery = isKnownHost(authorityHost);
      String base = authorityHost.toString().replaceAll("/+$", "");
      return new IdentityPlatformTokenSource(this, URI.create(base + "/" + tenant + "/"));
    }

    private static boolean isKnownHost(URI host) {
      for (NationalCloud c : NationalCloud.values()) {
        if (c.authorityHost().getHost().equalsIgnoreCase(host.getHost())) {
          return true;
        }
      }
      return false;
    }
  }
}
