// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.ValidationException;
import io.pamkit.core.internal.JsonLimits;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.internal.OutboundEmail;
import io.pamkit.notify.oauth.AccessTokenSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AccessTokenSource} for Exchange Online app-only access: the OAuth 2.0 client
 * credentials grant against Microsoft identity platform ({@code POST
 * https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token} with {@code
 * grant_type=client_credentials}, {@code client_id}, {@code client_secret} and {@code
 * scope=https://outlook.office365.com/.default}). The token is cached and fetched again once it is
 * within the refresh margin of its expiry. The application needs the {@code full_access_as_app}
 * permission, and the EWS transport must impersonate the mailbox.
 *
 * <p>A refused client ({@code invalid_client}, {@code unauthorized_client}, HTTP 400/401) throws a
 * {@link ValidationException} naming {@code clientSecret} (the EWS send fails {@code
 * PERMANENT_TRANSPORT}); an unreachable endpoint or a 5xx throws an {@link UncheckedIOException} or
 * {@link IllegalStateException} (the send fails {@code TRANSIENT}).
 *
 * <p>Thread-safe. {@link #toString()} never shows the secret or the token.
 */
public final class ClientCredentialsTokenSource implements AccessTokenSource {
  private static final ObjectMapper JSON = JsonLimits.mapperBuilder().build();

  private final URI tokenEndpoint;
  private final String clientId;
  private final Secret clientSecret;
  private final String scope;
  private final Duration refreshMargin;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient http;

  // guarded by this
  private @Nullable Secret token;
  private Instant expires = Instant.MIN;

  private ClientCredentialsTokenSource(Builder b, URI endpoint) {
    this.tokenEndpoint = endpoint;
    this.clientId = b.clientId;
    this.clientSecret = requireNonNull(b.clientSecret);
    this.scope = b.scope;
    this.refreshMargin = b.refreshMargin;
    this.timeout = b.timeout;
    this.clock = b.clock;
    HttpClient.Builder hb =
        HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
    if (b.sslContext != null) {
      hb.sslContext(b.sslContext);
    }
    this.http = hb.build();
  }

  /**
   * Starts a builder.
   *
   * @param tenant the directory (tenant) id or domain, e.g. {@code contoso.onmicrosoft.com}
   * @param clientId the application (client) id
   * @param clientSecret the client secret
   * @return a new builder
   */
  public static Builder builder(String tenant, String clientId, Secret clientSecret) {
    return new Builder(tenant, clientId, clientSecret);
  }

  /**
   * Returns the token endpoint.
   *
   * @return the endpoint
   */
  public URI tokenEndpoint() {
    return tokenEndpoint;
  }

  /**
   * Returns the cached token, fetching a new one when none is cached or it expires within the
   * refresh margin.
   *
   * @return the access token
   * @throws ValidationException if the endpoint refuses the client credentials
   * @throws UncheckedIOException if the endpoint cannot be reached
   * @throws IllegalStateException if the endpoint answers with an error or without a token
   */
  @Override
  public synchronized Secret accessToken() {
    Instant now = clock.instant();
    if (token != null && now.plus(refreshMargin).isBefore(expires)) {
      return token;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + enc(clientId)
            + "&client_secret="
            + enc(clientSecret.reveal())
            + "&scope="
            + enc(scope);
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "token endpoint "
              + tokenEndpoint.getHost()
              + " cannot be reached: "
              + e.getClass().getSimpleName(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching an access token", e);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          "token endpoint answered " + response.statusCode() + " without JSON");
    }
    int status = response.statusCode();
    if (status != 200) {
      String error = OutboundEmail.safe(body.path("error").asText(""), 100);
      String description = OutboundEmail.safe(body.path("error_description").asText(""), 300);
      String what =
          "token endpoint answered "
              + status
              + " "
              + error
              + (description.isEmpty() ? "" : ": " + description);
      if (status == 400 || status == 401) {
        throw new ValidationException(
            "clientSecret", "the client credentials were refused (" + what + ")");
      }
      throw new IllegalStateException(what);
    }
    String access = body.path("access_token").asText("");
    if (access.isEmpty()
        || !body.path("token_type").asText("").toLowerCase(Locale.ROOT).equals("bearer")) {
      throw new IllegalStateException("token endpoint answered 200 without a bearer token");
    }
    long seconds = body.path("expires_in").asLong(0);
    token = Secret.of(access);
    expires = now.plusSeconds(Math.max(0, seconds));
    return token;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Returns the endpoint, client id and scope; never the secret or the token. */
  @Override
  public String toString() {
    return "ClientCredentialsTokenSource{endpoint="
        + tokenEndpoint
        + ", clientId="
        + clientId
        + ", scope="
        + scope
        + ", clientSecret="
        + clientSecret
        + "}";
  }

  /** Builds {@link ClientCredentialsTokenSource}s. Not thread-safe; the last call wins. */
  public static final class Builder {
    private final String tenant;
    private final String clientId;
    private final Secret clientSecret;
    private @Nullable URI tokenEndpoint;
    private String scope = "https://outlook.office365.com/.default";
    private Duration refreshMargin = Duration.ofMinutes(5);
    private Duration timeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private @Nullable SSLContext sslContext;

    private Builder(String tenant, String clientId, Secret clientSecret) {
      this.tenant = requireNonNull(tenant, "tenant");
      this.clientId = requireNonNull(clientId, "clientId");
      this.clientSecret = requireNonNull(clientSecret, "clientSecret");
    }

    /**
     * Sets the token endpoint. Default: {@code
     * https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}.
     *
     * @param endpoint an absolute https URI, or null for the default
     * @return this builder
     */
    public Builder tokenEndpoint(@Nullable URI endpoint) {
      this.tokenEndpoint = endpoint;
      return this;
    }

    /**
     * Sets the scope. Default: {@code https://outlook.office365.com/.default}.
     *
     * @param scope the scope
     * @return this builder
     */
    public Builder scope(String scope) {
      this.scope = requireNonNull(scope, "scope");
      return this;
    }

    /**
     * Sets how long before expiry a token is replaced. Default: 5 minutes.
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
     * Sets the connect and request timeout. Default: 30 seconds.
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
     * Sets the clock expiry is measured with. Default: the system clock.
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
     * @throws ValidationException if the tenant, client id or secret is blank or the endpoint is
     *     not https
     */
    public ClientCredentialsTokenSource build() {
      if (tenant.isBlank() || !tenant.matches("[A-Za-z0-9.-]+")) {
        throw new ValidationException("tenant", "'" + tenant + "' is not a tenant id or domain");
      }
      if (clientId.isBlank()) {
        throw new ValidationException("clientId", "is required");
      }
      if (clientSecret.isEmpty()) {
        throw new ValidationException("clientSecret", "is required");
      }
      URI endpoint =
          Optional.ofNullable(tokenEndpoint)
              .orElse(
                  URI.create("https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token"));
      if (!"https".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
        throw new ValidationException("tokenEndpoint", "'" + endpoint + "' is not an https URI");
      }
      return new ClientCredentialsTokenSource(this, endpoint);
    }
  }
}
